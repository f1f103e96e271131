package network

import (
	"math"
	"strconv"
	"strings"
)

// Kind is the type of an attribute value or of an attribute column.
type Kind uint8

const (
	// Missing marks a value that was not recorded (empty field or NA).
	Missing Kind = iota
	// Text marks a categorical value.
	Text
	// Number marks a numeric value.
	Number
)

// String returns "missing", "text" or "number".
func (k Kind) String() string {
	switch k {
	case Text:
		return "text"
	case Number:
		return "number"
	default:
		return "missing"
	}
}

// Value is one attribute value. Text always holds the value as it was read,
// so a numeric code can also be used as a category; Num holds the number when
// Kind is Number. The zero Value is missing.
type Value struct {
	Text string
	Num  float64
	Kind Kind
}

// IsMissing reports whether v was not recorded.
func (v Value) IsMissing() bool { return v.Kind == Missing }

// Float returns the numeric value and whether there is one.
func (v Value) Float() (float64, bool) { return v.Num, v.Kind == Number }

// String returns the value's text, or "NA" when it is missing.
func (v Value) String() string {
	if v.Kind == Missing {
		return "NA"
	}
	return v.Text
}

// ParseValue turns a field into a Value. An empty field, or one that is "NA"
// after trimming spaces, is missing; a field that is a number by ParseNumber
// (the grammar of every reader) is a Number; anything else is Text.
func ParseValue(s string) Value {
	t := strings.TrimSpace(s)
	if t == "" || t == "NA" {
		return Value{}
	}
	if f, err := ParseNumber(t); err == nil {
		return Value{Text: t, Num: f, Kind: Number}
	}
	return Value{Text: t, Kind: Text}
}

// TextValue returns a categorical value, or a missing one for "" and "NA".
func TextValue(s string) Value {
	if s == "" || s == "NA" {
		return Value{}
	}
	return Value{Text: s, Kind: Text}
}

// NumberValue returns a numeric value, or a missing one for NaN.
func NumberValue(f float64) Value {
	if math.IsNaN(f) {
		return Value{}
	}
	return Value{Text: strconv.FormatFloat(f, 'g', -1, 64), Num: f, Kind: Number}
}

// Schema names the attribute columns of one table (egos, alters or ties) and
// records each column's kind: Number when every recorded value is numeric,
// Text otherwise (Missing for a column with no recorded value).
type Schema struct {
	names []string
	kinds []Kind
	index map[string]int
}

// NewSchema returns a schema with the given column names, all Missing kind
// until values are seen.
func NewSchema(names ...string) *Schema {
	s := &Schema{index: make(map[string]int)}
	for _, n := range names {
		s.Add(n)
	}
	return s
}

// Len returns the number of columns.
func (s *Schema) Len() int {
	if s == nil {
		return 0
	}
	return len(s.names)
}

// Names returns a copy of the column names in order.
func (s *Schema) Names() []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s.names...)
}

// Name returns the name of column i.
func (s *Schema) Name(i int) string { return s.names[i] }

// Kind returns the kind of column i.
func (s *Schema) Kind(i int) Kind { return s.kinds[i] }

// Index returns the position of the named column and whether it exists.
func (s *Schema) Index(name string) (int, bool) {
	if s == nil {
		return -1, false
	}
	i, ok := s.index[name]
	return i, ok
}

// Add appends a column if it is not there yet and returns its position.
func (s *Schema) Add(name string) int {
	if s.index == nil {
		s.index = make(map[string]int)
	}
	if i, ok := s.index[name]; ok {
		return i
	}
	s.index[name] = len(s.names)
	s.names = append(s.names, name)
	s.kinds = append(s.kinds, Missing)
	return len(s.names) - 1
}

// observe updates column i's kind with a value seen in it.
func (s *Schema) observe(i int, v Value) {
	switch {
	case v.Kind == Missing:
	case s.kinds[i] == Missing:
		s.kinds[i] = v.Kind
	case s.kinds[i] == Number && v.Kind == Text:
		s.kinds[i] = Text
	}
}

// Attrs is a row of attribute values aligned with a Schema. A row shorter
// than its schema holds missing values in the remaining columns.
type Attrs []Value

// At returns the value in column i, missing if the row is shorter.
func (a Attrs) At(i int) Value {
	if i < 0 || i >= len(a) {
		return Value{}
	}
	return a[i]
}

// set stores v in column i, growing the row as needed.
func (a *Attrs) set(i int, v Value) {
	for len(*a) <= i {
		*a = append(*a, Value{})
	}
	(*a)[i] = v
}

// decimalCommaToPoint rewrites a number written with a decimal comma (R's
// write.csv2, most of Europe: "4,2") in the '.' form strconv reads ("4.2"):
// a field with one comma and no point has the comma replaced. Any other
// field is returned as it is.
func decimalCommaToPoint(s string) string {
	t := strings.TrimSpace(s)
	if strings.Count(t, ",") != 1 || strings.Contains(t, ".") {
		return s
	}
	return strings.Replace(t, ",", ".", 1)
}

// parseValueDecimalComma is ParseValue for a file whose numbers have a
// decimal comma: "4,2" is the Number 4.2 with Text "4.2" (so that it is
// written back in the '.' form every reader accepts); a field that is not a
// number with its comma replaced is read by ParseValue as it is.
func parseValueDecimalComma(s string) Value {
	if t := decimalCommaToPoint(s); t != s {
		if v := ParseValue(t); v.Kind == Number {
			return v
		}
	}
	return ParseValue(s)
}
