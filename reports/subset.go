package reports

import (
	"bytes"
	"io"
)

// fpdf embeds only the glyphs a report uses (its GenerateCutFont), but names the font
// "utf8" plus its lower-case family key, without the six-letter tag that PDF 32000-1, 9.6.4
// asks of a subset ("ABCDEF+Name"); viewers and pdffonts then take it for the whole font.
// subsetNamer renames it on the way out. Each new name is exactly as long as the old one, so
// no byte offset in the cross-reference table moves: fontFamily is chosen for that.
type subsetNamer struct {
	w    io.Writer
	tail []byte // the end of the previous write, where a name may have been cut in two
	err  error
}

// subsetNames maps fpdf's names (after "/BaseFont /" or "/FontName /") to tagged ones.
// The tags differ per style, as the subsets of one document must.
var subsetNames = [][2][]byte{
	{[]byte("/utf8" + fontFamilyKey + "B"), []byte("/GDPRTB+NotoSansB")},
	{[]byte("/utf8" + fontFamilyKey + "I"), []byte("/GDPRTI+NotoSansI")},
	{[]byte("/utf8" + fontFamilyKey), []byte("/GDPRTR+NotoSans")},
}

// maxName is the longest old name; a write keeps that many bytes back to see names across
// write boundaries.
const maxName = len("/utf8"+fontFamilyKey) + 1

func init() {
	for _, n := range subsetNames {
		if len(n[0]) != len(n[1]) {
			panic("reports: subset name changes length: " + string(n[1]))
		}
	}
}

func (s *subsetNamer) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	data := p
	if len(s.tail) > 0 {
		data = append(s.tail, p...)
		s.tail = nil
	}
	// Keep back a possible start of a name at the end.
	keep := 0
	if i := bytes.LastIndexByte(data[max(0, len(data)-maxName):], '/'); i >= 0 {
		keep = len(data) - (max(0, len(data)-maxName) + i)
	}
	s.err = s.emit(data[:len(data)-keep])
	s.tail = append([]byte(nil), data[len(data)-keep:]...)
	if s.err != nil {
		return 0, s.err
	}
	return len(p), nil
}

// emit writes data with every old name replaced, without copying it.
func (s *subsetNamer) emit(data []byte) error {
	for len(data) > 0 {
		i := bytes.Index(data, []byte("/utf8"+fontFamilyKey))
		if i < 0 {
			_, err := s.w.Write(data)
			return err
		}
		if _, err := s.w.Write(data[:i]); err != nil {
			return err
		}
		data = data[i:]
		for _, n := range subsetNames {
			// A name ends at a delimiter: whitespace, '/', '>' or the end.
			if bytes.HasPrefix(data, n[0]) && (len(data) == len(n[0]) || bytes.IndexByte([]byte(" \n\r/>"), data[len(n[0])]) >= 0) {
				if _, err := s.w.Write(n[1]); err != nil {
					return err
				}
				data = data[len(n[0]):]
				break
			}
		}
		if bytes.HasPrefix(data, []byte("/utf8"+fontFamilyKey)) { // no name of ours after all
			if _, err := s.w.Write(data[:1]); err != nil {
				return err
			}
			data = data[1:]
		}
	}
	return nil
}

// Close writes what was kept back.
func (s *subsetNamer) Close() error {
	if s.err != nil {
		return s.err
	}
	s.err = s.emit(s.tail)
	s.tail = nil
	return s.err
}
