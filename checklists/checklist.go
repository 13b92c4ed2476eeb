// Package checklists holds the checklist model, the embedded built-in checklists, loading of
// custom checklist files, their validation, and scoping (which questions apply to a company).
package checklists

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/BurntSushi/toml"

	"gdprtjek/i18n"
)

// Text is a piece of checklist content in both languages.
type Text struct {
	DA string `toml:"da" json:"da"`
	EN string `toml:"en" json:"en"`
}

// In returns the text in lang.
func (t Text) In(lang i18n.Lang) string {
	if lang == i18n.Danish {
		return t.DA
	}
	return t.EN
}

// Empty reports whether both languages are blank.
func (t Text) Empty() bool { return blank(t.DA) && blank(t.EN) }

// Question is one checklist question. Its ID is stable across versions: answers are keyed by it.
type Question struct {
	ID            string   `toml:"id" json:"id"`
	Text          Text     `toml:"text" json:"text"`
	Guidance      Text     `toml:"guidance" json:"guidance"`
	Remediation   Text     `toml:"remediation" json:"remediation"`
	PartnerAction Text     `toml:"partner_action" json:"partner_action"`
	Refs          []string `toml:"refs" json:"refs"`
	Weight        int      `toml:"weight" json:"weight"`
	AppliesWhen   []string `toml:"applies_when" json:"applies_when"`
}

// Fingerprint identifies the question's wording in both languages: an answer records it, so
// that a later checklist version that rewords the question asks for the answer again.
func (q *Question) Fingerprint() string {
	sum := sha256.Sum256([]byte(q.Text.DA + "\x00" + q.Text.EN))
	return hex.EncodeToString(sum[:8])
}

// HasPartnerAction reports whether the implementation partner must act on a gap here.
func (q *Question) HasPartnerAction() bool { return !q.PartnerAction.Empty() }

// Checklist is one file's worth of questions about one area.
type Checklist struct {
	ID          string     `toml:"id" json:"id"`
	Version     int        `toml:"version" json:"version"`
	Area        string     `toml:"area" json:"area"`
	Order       int        `toml:"order" json:"order"`
	Title       Text       `toml:"title" json:"title"`
	Description Text       `toml:"description" json:"description"`
	AppliesWhen []string   `toml:"applies_when" json:"applies_when"`
	Questions   []Question `toml:"questions" json:"questions"`

	// Source is where the checklist came from: "builtin" or the custom file's path.
	Source string `toml:"-" json:"source"`
}

// Builtin is the Source of the checklists embedded in the binary.
const Builtin = "builtin"

// Ref is a pinned checklist version, as an assessment records it.
type Ref struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
}

// Marshal writes a checklist in the file format, e.g. to give a consultant a built-in
// checklist as the start of their own.
func Marshal(c *Checklist) ([]byte, error) {
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(c); err != nil {
		return nil, fmt.Errorf("encode checklist %s: %w", c.ID, err)
	}
	return buf.Bytes(), nil
}
