package network

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The one number grammar (issue 18 item 15). Expected values are the
// decimal literals themselves (exact in float64 or the nearest float64, as
// Go's own constant conversion gives them); the refusals are the grammar's
// written rules in ParseNumber's doc comment.
func TestParseNumber(t *testing.T) {
	ok := []struct {
		in   string
		want float64
	}{
		{"0", 0}, {"-0", 0}, {"007", 7}, {"1", 1}, {"-0.5", -0.5}, {".5", 0.5}, {"5.", 5},
		{"1e3", 1000}, {"+2E-3", 0.002}, {" 42 ", 42}, {"0e999", 0}, {"0.000", 0},
		{"1.7976931348623157e308", math.MaxFloat64}, {"5e-324", 5e-324}, {"2.2e-310", 2.2e-310},
	}
	for _, c := range ok {
		got, err := ParseNumber(c.in)
		if assert.NoError(t, err, c.in) {
			assert.Equal(t, c.want, got, "ParseNumber(%q): got %v want %v", c.in, got, c.want)
		}
	}
	bad := []struct {
		in   string
		want error
	}{
		{"", ErrNotNumber}, {"-", ErrNotNumber}, {".", ErrNotNumber}, {"e5", ErrNotNumber}, {"1e", ErrNotNumber},
		{"1e+", ErrNotNumber}, {"0x1F", ErrNotNumber}, {"0x1p-2", ErrNotNumber}, {"1_000", ErrNotNumber},
		{"1,000", ErrNotNumber}, {"1 000", ErrNotNumber}, {"Inf", ErrNotNumber}, {"-inf", ErrNotNumber},
		{"Infinity", ErrNotNumber}, {"NaN", ErrNotNumber}, {"NA", ErrNotNumber}, {"1.2.3", ErrNotNumber},
		{"++1", ErrNotNumber}, {"1e400", ErrNumberRange}, {"-1e400", ErrNumberRange}, {"1e-400", ErrNumberRange},
		{"0." + strings.Repeat("0", 400) + "1", ErrNumberRange},
	}
	for _, c := range bad {
		_, err := ParseNumber(c.in)
		assert.True(t, errors.Is(err, c.want), "ParseNumber(%q): got %v want %v", c.in, err, c.want)
	}
	// Attributes follow the same grammar: a number or text, never a number
	// in one reader and text in another.
	for _, c := range ok {
		if v := ParseValue(c.in); v.Kind != Number {
			t.Errorf("ParseValue(%q): got kind %v want Number", c.in, v.Kind)
		}
	}
	for _, c := range bad[5:] {
		if v := ParseValue(c.in); v.Kind == Number {
			t.Errorf("ParseValue(%q): got Number want text or missing", c.in)
		}
	}
}
