package assessment

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"testing"

	"gdprtjek/internal/fuzzcount"
)

// FuzzCanonicalDigest holds writeCanonical to its promise: for any content the import can
// decode, it writes exactly what json.Marshal writes, so that contentDigest equals the digest
// the export computes. The seeds are the demo assessment and content with the characters
// encoding/json escapes specially.
func FuzzCanonicalDigest(f *testing.F) {
	_, _, demo := fuzzStore(f)
	var file exchangeFile
	if err := json.Unmarshal(demo, &file); err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(file.Content))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"answers":null,"comments":[],"systems":[{"kind":"erp"}]}`))
	f.Add([]byte(`{"company":{"name":"<Æble & Co>\u2028"},"assessment":{"uid":"u","participants":"A, B","profile":null},` +
		`"answers":[{"question":"q","note":"\"\\\u0000\ufffd","question_hash":"x"}],"signoffs":[{"signed_at":"2026-01-02T03:04:05.123456789+02:00"}]}`))
	f.Fuzz(func(t *testing.T, content []byte) {
		fuzzcount.Tried("FuzzCanonicalDigest")
		var c exchangeContent
		if json.Unmarshal(content, &c) != nil {
			return
		}
		want, err := json.Marshal(c)
		if err != nil {
			return
		}
		var got bytes.Buffer
		if err := writeCanonical(&got, &c); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("writeCanonical differs from json.Marshal:\n got %s\nwant %s", got.Bytes(), want)
		}
		if sum, _ := contentDigest(&c); sum != digest(want) {
			t.Fatal("contentDigest differs from the digest of json.Marshal")
		}
	})
}

// FuzzDecodeContent holds decodeContent to what it replaces, a json.Decoder with
// DisallowUnknownFields decoding the content whole: both refuse the same content, and what
// they decode encodes the same.
func FuzzDecodeContent(f *testing.F) {
	_, _, demo := fuzzStore(f)
	var file exchangeFile
	if err := json.Unmarshal(demo, &file); err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(file.Content))
	f.Add([]byte(`{"company":{"name":"x","hemmeligt":1}}`))
	f.Add([]byte(`{"COMPANY":{"Name":"x"},"answers":[{"QUESTION":"q","updated_at":"2026-01-02T03:04:05Z"}],"answers":[null]}`))
	f.Add([]byte(`{"checklists":[{"id":"a","version":1,"extra":[1,{"a":2}]}],"comments":null,"systems":{}}`))
	f.Add([]byte(`{"answers":[{"value":5}]} `))
	f.Add([]byte(`[]`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, content []byte) {
		fuzzcount.Tried("FuzzDecodeContent")
		dec := json.NewDecoder(bytes.NewReader(content))
		dec.DisallowUnknownFields()
		var whole exchangeContent
		strict := dec.Decode(&whole)
		if _, err := dec.Token(); strict == nil && err != io.EOF {
			strict = errors.New("data after the value")
		}
		var streamed exchangeContent
		err := decodeContent(content, &streamed)
		if (strict == nil) != (err == nil) {
			t.Fatalf("a whole strict decode says %v, decodeContent says %v", strict, err)
		}
		if err != nil {
			return
		}
		a, _ := json.Marshal(whole)
		b, _ := json.Marshal(streamed)
		if !bytes.Equal(a, b) {
			t.Fatalf("decoded differently:\n whole    %s\n streamed %s", a, b)
		}
	})
}

// TestExportOfInvalidUTF8Verifies: text that is not valid UTF-8 (a store can hold it when
// written by another program) is exported as U+FFFD, and the file then passes its own digest
// check on import. The digest was computed over "\ufffd", which the importer re-encodes as the
// character itself.
func TestExportOfInvalidUTF8Verifies(t *testing.T) {
	snap := &Snapshot{
		Company:    Company{Name: "Æble\xffgården ApS"},
		Assessment: Assessment{UID: "u-1", Title: "Runde 1"},
		Answers:    map[string]Answer{"q1": {QuestionID: "q1", Value: Yes, Note: "ok \xc3 halv"}},
	}
	data, err := MarshalExchange(snap)
	if err != nil {
		t.Fatal(err)
	}
	c, err := parseExchange(data)
	if err != nil {
		t.Fatalf("the app's own export fails on import: %v", err)
	}
	if c.Company.Name != "Æble\ufffdgården ApS" || c.Answers[0].Note != "ok \ufffd halv" {
		t.Errorf("imported %q and %q", c.Company.Name, c.Answers[0].Note)
	}
}
