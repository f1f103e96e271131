package measures

import (
	"bytes"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Names as R's make.names would accept them, by hand from the rule in
// SyntacticName's doc comment.
func TestSyntacticName(t *testing.T) {
	cases := map[string]string{
		"size":                      "size",
		"blau(role)":                "blau_role",
		"count(role=family|friend)": "count_role_family_friend",
		"size:before":               "size_before",
		"count(age>=65)":            "count_age_65",
		".egoID":                    "egoID",
		"2nd":                       "X2nd",
		"(x)":                       "x",
		"":                          "X",
	}
	for in, want := range cases {
		assert.Equal(t, want, SyntacticName(in), "SyntacticName(%q)", in)
	}
}

// 4.199999999999999 is the float64 just below 4.2 (what a sum of
// rounded terms gives); 15 digits print it as R's write.csv does, 17 exactly.
func TestFormatValueDigits(t *testing.T) {
	x := math.Nextafter(4.2, 0)
	require.Equal(t, "4.199999999999999", FormatValue(x))
	assert.Equal(t, "4.2", FormatValueDigits(x, 15))
	assert.Equal(t, "4.1999999999999993", FormatValueDigits(x, 17))
	assert.Equal(t, "0.9", FormatValueDigits(0.8999999999999999, 15))
	assert.Equal(t, "3", FormatValueDigits(3, 2), "whole numbers keep every digit")
	assert.Equal(t, "123457", FormatValueDigits(123456.7, 6))
	assert.Equal(t, "NA", FormatValueDigits(math.NaN(), 15))
}

func TestWriteCSVWith(t *testing.T) {
	tab := &Table{KeyNames: []string{"egoID", "wave"}, Columns: []string{"blau(role)", "blau[role]"},
		Keys: [][]string{{"P1", "1"}}, Values: [][]float64{{math.Nextafter(4.2, 0), math.NaN()}}}
	var b bytes.Buffer
	require.NoError(t, tab.WriteCSVWith(&b, WriteOptions{Digits: 15, KeyNames: []string{"person", "interview"}, Syntactic: true}))
	assert.Equal(t, "person,interview,blau_role,blau_role_2\nP1,1,4.2,NA\n", b.String(), "the second blau_role made unique")
	b.Reset()
	require.NoError(t, tab.WriteJSONWith(&b, WriteOptions{Digits: 15}))
	assert.Equal(t, "[\n{\"egoID\":\"P1\",\"wave\":\"1\",\"blau(role)\":4.2,\"blau[role]\":null}\n]\n", b.String())
	assert.Error(t, tab.WriteCSVWith(&b, WriteOptions{KeyNames: []string{"one"}}), "key names must match the key columns")
}
