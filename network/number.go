package network

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ErrNotNumber and ErrNumberRange are the errors of ParseNumber: text that
// is not a number in the readers' grammar, and a number float64 cannot hold
// (its magnitude is beyond math.MaxFloat64, or it is not zero but would
// round to zero).
var (
	ErrNotNumber   = errors.New("not a number")
	ErrNumberRange = errors.New("out of range")
)

// ParseNumber reads a number the way every reader of this package does (CSV
// weights and attributes, Pajek weights, GraphML int and float data): one
// grammar, so that a value cannot be a number in one file format and text
// or an error in another. After spaces are trimmed, a number is
//
//	[+-] digits [. digits] [(e|E) [+-] digits]    or    [+-] . digits [exponent]
//
// in decimal: "1", "-0.5", ".5", "5.", "1e3", "007", "+2E-3". Not numbers:
// hexadecimal ("0x1F", "0x1p-2"), digit separators ("1_000", "1,000",
// "1 000"), the words Inf, Infinity and NaN, and anything around the digits.
// A number whose magnitude float64 cannot hold is an ErrNumberRange error:
// beyond math.MaxFloat64 ("1e400"), and also underflow ("1e-400" is not 0).
// Subnormal numbers (down to 5e-324) are accepted.
//
// A decimal comma ("1,5") is not part of the grammar; readers that accept
// one convert it to a point before calling ParseNumber.
func ParseNumber(s string) (float64, error) {
	t := strings.TrimSpace(s)
	nonzero, ok := scanNumber(t)
	if !ok {
		return 0, fmt.Errorf("%q is %w", excerpt(t), ErrNotNumber)
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(f, 0) || (f == 0 && nonzero) {
		return 0, fmt.Errorf("%q is %w (float64 holds %g to %g)", excerpt(t), ErrNumberRange, math.SmallestNonzeroFloat64, math.MaxFloat64)
	}
	return f, nil
}

// scanNumber reports whether t is a number of ParseNumber's grammar and
// whether its mantissa has a non-zero digit.
func scanNumber(t string) (nonzero, ok bool) {
	i := 0
	if i < len(t) && (t[i] == '+' || t[i] == '-') {
		i++
	}
	digits := 0
	for ; i < len(t) && t[i] >= '0' && t[i] <= '9'; i++ {
		digits++
		nonzero = nonzero || t[i] != '0'
	}
	if i < len(t) && t[i] == '.' {
		i++
		for ; i < len(t) && t[i] >= '0' && t[i] <= '9'; i++ {
			digits++
			nonzero = nonzero || t[i] != '0'
		}
	}
	if digits == 0 {
		return false, false
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			i++
		}
		exp := 0
		for ; i < len(t) && t[i] >= '0' && t[i] <= '9'; i++ {
			exp++
		}
		if exp == 0 {
			return false, false
		}
	}
	return nonzero, i == len(t)
}
