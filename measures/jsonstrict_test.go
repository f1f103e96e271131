package measures

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Rules and instruments JSON read one way (issue 18 item 17): trailing
// content, a second object and a key given twice are errors naming the
// place; a byte-order mark is removed, as the CSV readers remove one.
func TestJSONFilesStrict(t *testing.T) {
	const good = `{"rules": [{"type": "strength", "attribute": "closeness", "threshold": 4}]}`
	_, err := ReadRulesFrom(strings.NewReader("\ufeff"+good), "r.json")
	require.NoError(t, err, "a BOM is accepted")
	_, err = ReadInstrumentsFrom(strings.NewReader("\ufeff{\"ring\": \"circle\"}"), "i.json")
	require.NoError(t, err, "a BOM is accepted")
	bad := []struct{ name, in, want string }{
		{"trailing text", good + "\nhello", "r.json:2:1: content after the JSON value"},
		{"second object", good + "\n" + good, "r.json:2:1: content after the JSON value"},
		{"duplicate key", `{"rules": [], "rules": [{"type": "strength", "attribute": "closeness", "threshold": 4}]}`, `r.json:1:15: key "rules" appears twice`},
		{"duplicate key in a rule", `{"rules": [{"type": "strength", "attribute": "closeness", "attribute": "age", "threshold": 4}]}`, `key "attribute" appears twice`},
	}
	for _, c := range bad {
		_, err := ReadRulesFrom(strings.NewReader(c.in), "r.json")
		if assert.Error(t, err, c.name) {
			assert.True(t, errors.Is(err, ErrRules), "%s: got %v", c.name, err)
			assert.Contains(t, err.Error(), c.want, c.name)
		}
	}
	_, err = ReadInstrumentsFrom(strings.NewReader(`{"ring": "circle", "ring": "closeness"}`), "i.json")
	if assert.Error(t, err) {
		assert.Contains(t, err.Error(), `i.json:1:20: key "ring" appears twice`)
	}
	_, err = ReadInstrumentsFrom(strings.NewReader(`{"ring": "circle"} {}`), "i.json")
	if assert.Error(t, err) {
		assert.Contains(t, err.Error(), "i.json:1:20: content after the JSON value")
	}
}
