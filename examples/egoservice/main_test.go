package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func post(t *testing.T, srv *httptest.Server, body string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Post(srv.URL+"/measures", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	var out map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out), "the body must be JSON")
	return resp.StatusCode, out
}

func TestMeasures(t *testing.T) {
	srv := httptest.NewServer(newHandler())
	defer srv.Close()

	cases := []struct {
		name string
		body string
		want map[string]any // nil value = JSON null
		why  string
	}{
		{"no alters", `{"ego":"E","alters":[],"measures":["size","density","effective_size","ego_betweenness"]}`,
			map[string]any{"size": 0.0, "density": nil, "effective_size": nil, "ego_betweenness": 0.0},
			"SPEC: density NA if n < 2, effective size NA if n = 0, ego betweenness 0 if n < 2"},
		{"one alter", `{"ego":"E","alters":[{"id":"A"}],"measures":["size","constraint","effective_size"]}`,
			map[string]any{"size": 1.0, "constraint": 1.0, "effective_size": 1.0},
			"one alter: p = 1, constraint 1² = 1; effective size 1 − 0 = 1"},
		{"three alters, one tie", `{"ego":"E","alters":[{"id":"A"},{"id":"B"},{"id":"C"}],"ties":[{"from":"A","to":"B"}],
			"measures":["size","ties","density","effective_size","brokerage","ego_betweenness"]}`,
			map[string]any{"size": 3.0, "ties": 1.0, "density": 1.0 / 3, "effective_size": 3 - 2.0/3, "brokerage": 2.0, "ego_betweenness": 2.0},
			"by hand: density 1/3; n − 2t/n = 3 − 2/3 (Borgatti 1997); 3 pairs − 1 tie = 2 brokered pairs, each with no other 2-path"},
		{"triangle", `{"ego":"E","alters":[{"id":"A"},{"id":"B"}],"ties":[{"from":"A","to":"B"}],"measures":["constraint"]}`,
			map[string]any{"constraint": 1.125},
			"SPEC: a triangle gives 1.125"},
		{"composition", `{"ego":"E","ego_attrs":{"sex":"F"},"alters":[
			{"id":"A","attrs":{"role":"family","sex":"F"}},{"id":"B","attrs":{"role":"friend","sex":"M"}},
			{"id":"C","attrs":{"role":"family","sex":"NA"}}],
			"measures":["blau(role)","count(role=family|friend)","bonding(sex)","bridging(sex)","ei(sex)"]}`,
			map[string]any{"blau(role)": 1 - 4.0/9 - 1.0/9, "count(role=family|friend)": 3.0, "bonding(sex)": 1.0, "bridging(sex)": 1.0, "ei(sex)": 0.0},
			"by hand: roles 2 family, 1 friend → 1 − (2/3)² − (1/3)²; sex: A same as ego, B different, C missing drops out; E-I (1 − 1)/2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, out := post(t, srv, c.body)
			require.Equal(t, http.StatusOK, status, "%v", out)
			got, ok := out["measures"].(map[string]any)
			require.True(t, ok, "no measures in %v", out)
			assert.Len(t, got, len(c.want))
			for k, w := range c.want {
				if w == nil {
					assert.Nil(t, got[k], "%s: got %v want null (%s)", k, got[k], c.why)
					continue
				}
				assert.InDelta(t, w, got[k], 1e-12, "%s: got %v want %v (%s)", k, got[k], w, c.why)
			}
		})
	}

	// No measures list: every structural measure (SPEC section 3).
	_, out := post(t, srv, `{"ego":"E","alters":[{"id":"A"}]}`)
	assert.Len(t, out["measures"], 11)
}

func TestErrors(t *testing.T) {
	srv := httptest.NewServer(newHandler())
	defer srv.Close()
	cases := []struct {
		name, body string
		status     int
		contains   string
	}{
		{"not JSON", `ego network`, 400, "bad JSON"},
		{"unknown field", `{"ego":"E","friends":[]}`, 400, "unknown field"},
		{"two objects", `{"ego":"E"} {"ego":"F"}`, 400, "more than one"},
		{"no ego ID", `{"alters":[{"id":"A"}]}`, 400, "ego"},
		{"duplicate alter", `{"ego":"E","alters":[{"id":"A"},{"id":"A"}]}`, 400, "alters[1]"},
		{"tie to a stranger", `{"ego":"E","alters":[{"id":"A"}],"ties":[{"from":"A","to":"Z"}]}`, 400, "ties[0]"},
		{"negative weight", `{"ego":"E","alters":[{"id":"A","weight":-1}]}`, 400, "alters[0]"},
		{"unknown measure", `{"ego":"E","measures":["popularity"]}`, 400, "popularity"},
		{"unknown attribute", `{"ego":"E","alters":[{"id":"A"}],"measures":["blau(colour)"]}`, 400, "colour"},
		{"too large", `{"ego":"` + strings.Repeat("x", maxBody) + `"}`, 413, "larger than"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, out := post(t, srv, c.body)
			assert.Equal(t, c.status, status)
			assert.Contains(t, out["error"], c.contains)
		})
	}

	resp, err := http.Get(srv.URL + "/measures")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.Contains(t, string(body), `"error"`)
}
