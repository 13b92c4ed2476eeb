package checklists

import (
	"os"
	"path/filepath"
	"testing"

	"gdprtjek/internal/fuzzcount"
)

// FuzzParse feeds arbitrary bytes to the checklist parser: it must report problems, never
// panic, and a file it accepts must have what the model promises.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.toml"))
	broken, _ := filepath.Glob(filepath.Join("testdata", "broken", "*.toml"))
	for _, path := range append(seeds, broken...) {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("id = \"x\"\n[[questions]]\n[questions.text]\nda = \"\"\"\n[[x]]\n\"\"\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzcount.Tried("FuzzParse")
		c, _, problems := parse("fuzz.toml", data)
		for _, p := range problems {
			if p.Line < 1 || p.ID == "" {
				t.Fatalf("problem without a line or message: %+v", p)
			}
		}
		if c != nil && len(problems) == 0 {
			if len(c.Questions) == 0 || c.Title.DA == "" || c.Title.EN == "" {
				t.Fatalf("accepted an incomplete checklist: %+v", c)
			}
			for _, q := range c.Questions {
				if q.Weight < 1 || q.Weight > 3 || len(q.Refs) == 0 {
					t.Fatalf("accepted a bad question: %+v", q)
				}
			}
		}
	})
}
