package mapserver

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The API's limits (limits.go): the longest name and text are kept, one
// character more is a one-line 400 naming the field and both lengths, and
// nothing of a refused request is stored.
func TestLimits(t *testing.T) {
	f := newFixture(t)
	f.addPerson("Maria", scenario[:1], nil)
	w1 := "/api/people/p1/waves/1"
	name200 := strings.Repeat("é", MaxName) // 200 runes, 400 bytes: runes are counted
	note4000 := strings.Repeat("ab\n", MaxText/3) + "x"
	cases := []struct {
		name, method, path string
		body               any
		want               int
		says               string
	}{
		{"name of 200", "POST", w1 + "/alters", map[string]any{"name": name200}, 201, ""},
		{"name of 201", "POST", w1 + "/alters", map[string]any{"name": name200 + "x"}, 400, "name: 201 characters, at most 200"},
		{"900,000-char name", "POST", w1 + "/alters", map[string]any{"name": strings.Repeat("x", 900000)}, 400, "name: 900000 characters, at most 200"},
		{"rename too long", "PATCH", w1 + "/alters/a1", map[string]any{"name": name200 + "x"}, 400, "at most 200"},
		{"name with RLO", "POST", w1 + "/alters", map[string]any{"name": "Zoë \u202e李"}, 400, "name: control character U+202E at byte 5"},
		{"name with isolate", "POST", w1 + "/alters", map[string]any{"name": "a\u2066b"}, 400, "U+2066"},
		{"name with newline", "POST", w1 + "/alters", map[string]any{"name": "a\nb"}, 400, "U+000A"},
		{"unicode name", "POST", w1 + "/alters", map[string]any{"name": "Zoë 李"}, 201, ""},
		{"note of 4000 with line breaks", "PATCH", w1 + "/alters/a1", map[string]any{"note": note4000}, 200, ""},
		{"note of 4001", "PATCH", w1 + "/alters/a1", map[string]any{"note": note4000 + "x"}, 400, "note: 4001 characters, at most 4000"},
		{"note with RLO", "PATCH", w1 + "/alters/a1", map[string]any{"note": "x\u202ey"}, 400, "note: control character U+202E"},
		{"empty pseudonym", "POST", "/api/people", map[string]any{"pseudonym": " "}, 400, "pseudonym: empty"},
		{"long pseudonym", "POST", "/api/people", map[string]any{"pseudonym": name200 + "x"}, 400, "pseudonym: 201 characters"},
		{"rename person empty", "PATCH", "/api/people/p1", map[string]any{"pseudonym": ""}, 400, "pseudonym: empty"},
		{"wave ../../x", "POST", "/api/people/p1/followup", map[string]any{"wave": "../../x"}, 400, "want 1 to 32 of A-Z a-z 0-9 . _ -"},
		{"wave ..", "POST", "/api/people/p1/followup", map[string]any{"wave": ".."}, 400, "wave"},
		{"wave of 33", "POST", "/api/people/p1/followup", map[string]any{"wave": strings.Repeat("9", 33)}, 400, "wave"},
		{"wave with space", "POST", "/api/people", map[string]any{"pseudonym": "B", "wave": "wave 1"}, 400, "wave"},
		{"goal name too long", "POST", "/api/people/p1/goals", map[string]any{"name": name200 + "x"}, 400, "name: 201 characters"},
		{"goal description too long", "POST", "/api/people/p1/goals", map[string]any{"name": "g", "description": strings.Repeat("d", MaxText+1)}, 400, "description: 4001 characters"},
		{"goal baseline ..", "POST", "/api/people/p1/goals", map[string]any{"name": "g", "baseline": ".."}, 400, "baseline"},
		{"wave of 32 safe characters", "POST", "/api/people/p1/followup", map[string]any{"wave": "2b.x_y-" + strings.Repeat("0", 25)}, 201, ""},
	}
	for _, c := range cases {
		code, _, b := f.send(f.request(c.method, c.path, c.body))
		assert.Equal(t, c.want, code, "%s: %s", c.name, b)
		if c.want == 400 {
			assert.Contains(t, string(b), c.says, c.name)
			assert.Equal(t, 1, bytes.Count(b, []byte("\n")), "%s: one line", c.name)
		}
	}
	// Kept: scenario[0], the 200-rune name and "Zoë 李" (the two 201s);
	// the note of 4000; one person; no goal; waves 1 and the 32-char one.
	var st stateJSON
	f.call("GET", w1, nil, http.StatusOK, &st)
	require.Len(t, st.Alters, 3)
	assert.Equal(t, name200, st.Alters[1].Name)
	assert.Equal(t, "Zoë 李", st.Alters[2].Name)
	assert.Equal(t, note4000, st.Alters[0].Note)
	assert.Empty(t, st.Goals)
	assert.Len(t, st.Person.Waves, 2)
	var people []PersonJSON
	f.call("GET", "/api/people", nil, http.StatusOK, &people)
	assert.Len(t, people, 1)
}
