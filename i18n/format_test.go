package i18n

import "testing"

func TestList(t *testing.T) {
	for _, tt := range []struct {
		lang  Lang
		items []string
		want  string
	}{
		{Danish, nil, ""},
		{Danish, []string{"1 kommentar"}, "1 kommentar"},
		{Danish, []string{"1 kommentar", "2 partnersvar"}, "1 kommentar og 2 partnersvar"},
		{Danish, []string{"a", "b", "c"}, "a, b og c"},
		{English, []string{"a", "b", "c"}, "a, b and c"},
	} {
		if got := New(tt.lang).List(tt.items); got != tt.want {
			t.Errorf("%s List(%q) = %q, want %q", tt.lang, tt.items, got, tt.want)
		}
	}
}
