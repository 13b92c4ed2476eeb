package assessment_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"gdprtjek/assessment"
)

func TestEncryptExchangeRoundTrip(t *testing.T) {
	plain := []byte(`{"format":"gdprtjek-exchange","note":"Æblegården – æøå"}`)
	sealed, err := assessment.EncryptExchange(plain, "korrekt hest batteri hæfteklamme")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(sealed, []byte("Æblegården")) {
		t.Fatal("the envelope holds the plain text")
	}
	if !assessment.IsEncryptedExchange(sealed) || assessment.IsEncryptedExchange(plain) {
		t.Fatal("IsEncryptedExchange does not tell the envelope from the plain file")
	}
	got, err := assessment.DecryptExchange(sealed, "korrekt hest batteri hæfteklamme")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, plain) {
		t.Fatalf("decrypted %q, want %q", got, plain)
	}
	again, err := assessment.EncryptExchange(plain, "korrekt hest batteri hæfteklamme")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(again, sealed) {
		t.Fatal("two encryptions gave the same bytes: salt or nonce is not random")
	}
}

func TestDecryptExchangeRefuses(t *testing.T) {
	sealed, err := assessment.EncryptExchange([]byte("hemmeligt indhold"), "rigtig")
	if err != nil {
		t.Fatal(err)
	}
	// edit decodes the envelope, changes it and encodes it again.
	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal(sealed, &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		out, _ := json.Marshal(m)
		return out
	}
	flipped := edit(func(m map[string]any) {
		ct := []byte(m["ciphertext"].(string))
		// Change one base64 character of the ciphertext (to another valid one).
		if ct[3] == 'A' {
			ct[3] = 'B'
		} else {
			ct[3] = 'A'
		}
		m["ciphertext"] = string(ct)
	})
	tests := []struct {
		name       string
		data       []byte
		passphrase string
		want       string
	}{
		{"wrong passphrase", sealed, "forkert", "exchange.wrong_passphrase"},
		{"tampered ciphertext", flipped, "rigtig", "exchange.wrong_passphrase"},
		{"changed cost parameter", edit(func(m map[string]any) { m["r"] = 4.0 }), "rigtig", "exchange.wrong_passphrase"},
		{"hostile cost parameter", edit(func(m map[string]any) { m["n"] = float64(1 << 30) }), "rigtig", "exchange.damaged"},
		{"2 GiB of scrypt memory", edit(func(m map[string]any) { m["n"], m["r"] = float64(1<<20), 16.0 }), "rigtig", "exchange.damaged"},
		{"no passphrase", sealed, "", "exchange.passphrase_required"},
		{"truncated", sealed[:len(sealed)/2], "rigtig", "exchange.damaged"},
		{"newer envelope", edit(func(m map[string]any) { m["version"] = 2.0 }), "rigtig", "exchange.version_unsupported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := assessment.DecryptExchange(tt.data, tt.passphrase)
			wantErrID(t, err, tt.want)
		})
	}
}

func TestEncryptExchangeRefusesEmptyPassphrase(t *testing.T) {
	_, err := assessment.EncryptExchange([]byte("x"), "  ")
	wantErrID(t, err, "exchange.passphrase_empty")
}

func TestImportProtected(t *testing.T) {
	ctx := context.Background()
	set := testSet()
	src := openStore(t)
	id, err := src.CreateDemo(ctx, set)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := src.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := assessment.MarshalExchange(snap)
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := assessment.EncryptExchange(plain, "rigtig")
	if err != nil {
		t.Fatal(err)
	}
	dst := openStore(t)
	_, err = dst.ImportExchange(ctx, set, sealed, false)
	wantErrID(t, err, "exchange.passphrase_required")
	_, err = dst.ImportProtected(ctx, set, sealed, "forkert", false)
	wantErrID(t, err, "exchange.wrong_passphrase")
	if list, err := dst.Assessments(ctx, 0); err != nil || len(list) != 0 {
		t.Fatalf("after refused imports the database holds %d assessments (%v), want none", len(list), err)
	}
	newID, err := dst.ImportProtected(ctx, set, sealed, "rigtig", false)
	if err != nil {
		t.Fatal(err)
	}
	got, err := dst.Snapshot(ctx, newID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Assessment.UID != snap.Assessment.UID || len(got.Answers) != len(snap.Answers) {
		t.Fatalf("imported %s with %d answers, want %s with %d", got.Assessment.UID, len(got.Answers), snap.Assessment.UID, len(snap.Answers))
	}
	// A plain file still imports through ImportProtected, whatever the passphrase.
	if _, err := dst.ImportProtected(ctx, set, plain, "ignored", true); err != nil {
		t.Fatal(err)
	}
}
