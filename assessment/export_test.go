package assessment

import "encoding/json"

// Reseal gives an edited exchange file a matching digest again, so that tests can build
// files that pass the checksum but carry content the import must still refuse.
func Reseal(data []byte) ([]byte, error) {
	var f exchangeFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	var c exchangeContent
	if err := json.Unmarshal(f.Content, &c); err != nil {
		return nil, err
	}
	canonical, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	f.Content, f.Digest = canonical, digest(canonical)
	return json.Marshal(f)
}
