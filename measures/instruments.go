package measures

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// Social-capital instruments are questionnaires asked of the ego. Their
// answers arrive as ego attributes (columns of the egos table), one column
// per item; the item IDs below are those column names and can be changed.
// Which item belongs to which subscale is data too (the Subscales maps), so
// a study can replace it, e.g. with a translated or shortened version.
//
// Answers are checked: an item column that does not exist, or an answer
// outside the item's range, is an error naming the item and the ego (see
// the Check methods). A missing answer (empty or NA) is not an error; it
// makes the scores that need it NaN (no prorating).

// ErrInstrument is wrapped by every error about instrument items or answers.
var ErrInstrument = errors.New("bad instrument data")

func instrumentErr(e *network.EgoNet, item, format string, args ...any) error {
	who := fmt.Sprintf("ego %q", e.ID)
	if e.Wave != "" {
		who += fmt.Sprintf(" (wave %s)", e.Wave)
	}
	return fmt.Errorf("%w: %s, item %q: %s", ErrInstrument, who, item, fmt.Sprintf(format, args...))
}

func validateItems(name string, items []string, sub map[string][]string, more func() error) error {
	if len(items) == 0 {
		return fmt.Errorf("%w: %s: no items", ErrInstrument, name)
	}
	seen := map[string]bool{}
	for _, it := range items {
		if it == "" {
			return fmt.Errorf("%w: %s: an empty item ID", ErrInstrument, name)
		}
		if seen[it] {
			return fmt.Errorf("%w: %s: item %q listed twice", ErrInstrument, name, it)
		}
		seen[it] = true
	}
	for _, sn := range sortedKeys(sub) {
		for _, it := range sub[sn] {
			if !seen[it] {
				return fmt.Errorf("%w: %s: subscale %q names item %q, which is not one of the items", ErrInstrument, name, sn, it)
			}
		}
	}
	if more != nil {
		return more()
	}
	return nil
}

// answer reads item of ego e; ok is false when the answer is missing. A
// missing column is an error.
func answer(e *network.EgoNet, item string) (network.Value, error) {
	if _, ok := e.Dataset().EgoAttrs.Index(item); !ok {
		return network.Value{}, instrumentErr(e, item, "the egos table has no such column")
	}
	return e.EgoValue(item), nil
}

// Instruments gathers the instruments a study uses and where their answers
// are. The zero value has none; DefaultInstruments has LSNS-6, RG-UK and
// the ring attribute "ring".
type Instruments struct {
	LSNS6 *Scale             `json:"lsns6,omitempty"`
	RGUK  *ResourceGenerator `json:"rguk,omitempty"`
	// RG is a study's own Resource Generator (e.g. van der Gaag &
	// Snijders' 35-item Dutch version), measures rg_total, rg(SUBSCALE).
	RG *ResourceGenerator `json:"rg,omitempty"`
	PG *PositionGenerator `json:"pg,omitempty"`
	// Ring is the alter attribute holding the ring; "" means "ring".
	Ring string `json:"ring,omitempty"`
	// Source names where the instruments came from, for errors.
	Source string `json:"-"`
}

// DefaultInstruments returns LSNS6(), RGUK() and Ring "ring".
func DefaultInstruments() *Instruments {
	return &Instruments{LSNS6: LSNS6(), RGUK: RGUK(), Ring: "ring"}
}

// RingAttr returns the ring attribute ("ring" when unset).
func (in *Instruments) RingAttr() string {
	if in == nil || in.Ring == "" {
		return "ring"
	}
	return in.Ring
}

// Validate checks every instrument's definition.
func (in *Instruments) Validate() error {
	var errs []error
	if in.LSNS6 != nil {
		errs = append(errs, in.LSNS6.Validate())
	}
	for _, g := range []*ResourceGenerator{in.RGUK, in.RG} {
		if g != nil {
			errs = append(errs, g.Validate())
		}
	}
	if in.PG != nil {
		errs = append(errs, in.PG.Validate())
	}
	if err := errors.Join(errs...); err != nil {
		if in.Source != "" {
			return fmt.Errorf("%s: %w", in.Source, err)
		}
		return err
	}
	return nil
}

// ReadInstrumentsFrom reads instrument definitions in JSON from r, starting from
// DefaultInstruments: an instrument given in the file replaces the default
// one whole. name is used in errors. Example, giving the RG-UK subscales and
// a three-position Position Generator:
//
//	{"rguk": {"name": "rguk", "items": ["rg01", …, "rg27"],
//	          "subscales": {"domestic": ["rg01", …], "expert": […], …}},
//	 "pg": {"name": "pg", "positions": [
//	          {"item": "pg1", "occupation": "doctor", "prestige": 78},
//	          {"item": "pg2", "occupation": "nurse", "prestige": 54},
//	          {"item": "pg3", "occupation": "cleaner", "prestige": 22}]},
//	 "ring": "circle"}
//
// Unknown fields, a key given twice and anything after the object are
// errors; a UTF-8 byte-order mark is removed; syntax errors give the line
// and column.
func ReadInstrumentsFrom(r io.Reader, name string) (*Instruments, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	in := &Instruments{}
	if err := decodeJSON(name, data, in); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInstrument, err)
	}
	def := DefaultInstruments()
	if in.LSNS6 == nil {
		in.LSNS6 = def.LSNS6
	}
	if in.RGUK == nil {
		in.RGUK = def.RGUK
	}
	if in.Ring == "" {
		in.Ring = def.Ring
	}
	in.Source = name
	return in, in.Validate()
}

// ReadInstruments reads a JSON instruments file (see ReadInstrumentsFrom).
func ReadInstruments(path string) (*Instruments, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadInstrumentsFrom(f, path)
}

// instruments returns the table's instruments (DefaultInstruments when the
// options give none).
func instrumentsOf(opt *TableOptions) *Instruments {
	if opt == nil || opt.Instruments == nil {
		return DefaultInstruments()
	}
	return opt.Instruments
}

// validateEgos runs score on every ego of the table so that a wrong item
// or answer is an error naming the ego and the item, before any row.
func validateEgos(p population, score func(e *network.EgoNet) error) error {
	for _, e := range p.egos() {
		if err := score(e); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func init() {
	defineScale()
	defineGenerator("rguk", func(in *Instruments) *ResourceGenerator { return in.RGUK })
	defineGenerator("rg", func(in *Instruments) *ResourceGenerator { return in.RG })
	definePositions()
	defineRings()
}
