package measures

import (
	"errors"
	"fmt"
	"io"
	"math"
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

// Scale is a rating scale scored by summing its items, such as the Lubben
// Social Network Scale. Every answer must be a whole number in [Min, Max].
type Scale struct {
	// Name names the scale in errors and output, e.g. "lsns6".
	Name string `json:"name"`
	// Items are the ego columns holding the answers, in item order.
	Items []string `json:"items"`
	// Min and Max bound each answer.
	Min float64 `json:"min"`
	Max float64 `json:"max"`
	// Subscales maps a subscale name to its items (each one of Items).
	Subscales map[string][]string `json:"subscales,omitempty"`
	// Cutoff, when not nil, flags a total below it (e.g. LSNS-6 < 12:
	// risk of social isolation).
	Cutoff *float64 `json:"cutoff,omitempty"`
}

// LSNS6 returns the abbreviated Lubben Social Network Scale (Lubben et al.
// 2006) with answers in the ego columns lsns1 … lsns6:
//
//	items 1–3  family:  how many relatives do you see or hear from at least
//	           once a month / feel at ease talking to about private matters
//	           / feel close to such that you could call on them for help
//	items 4–6  friends: the same three questions about friends
//	answers    0 = none, 1 = one, 2 = two, 3 = three or four,
//	           4 = five to eight, 5 = nine or more
//	total      0–30;  family and friends subscales 0–15 each
//	isolated   total < 12 (risk of social isolation)
//
// Lubben, J., Blozik, E., Gillmann, G., Iliffe, S., von Renteln Kruse, W.,
// Beck, J. C. & Stuck, A. E. (2006). Performance of an abbreviated version
// of the Lubben Social Network Scale among three European community-dwelling
// older adult populations. The Gerontologist 46(4):503–513.
// doi:10.1093/geront/46.4.503.
func LSNS6() *Scale {
	cut := 12.0
	return &Scale{
		Name:  "lsns6",
		Items: []string{"lsns1", "lsns2", "lsns3", "lsns4", "lsns5", "lsns6"},
		Min:   0, Max: 5,
		Subscales: map[string][]string{
			"family":  {"lsns1", "lsns2", "lsns3"},
			"friends": {"lsns4", "lsns5", "lsns6"},
		},
		Cutoff: &cut,
	}
}

// ScaleScore is one ego's score on a Scale.
type ScaleScore struct {
	// Total is the sum of all items; NaN if any answer is missing.
	Total float64
	// Subscales holds each subscale's sum; NaN if one of its answers is missing.
	Subscales map[string]float64
	// Flag is 1 when Total < Cutoff, 0 when not, NaN when Total is NaN or
	// the scale has no cutoff.
	Flag float64
}

// Validate checks the scale's definition: items named, no duplicates,
// Min ≤ Max, subscale items among Items.
func (s *Scale) Validate() error {
	return validateItems(s.Name, s.Items, s.Subscales, func() error {
		if !(s.Min <= s.Max) {
			return fmt.Errorf("%w: %s: min %v is above max %v", ErrInstrument, s.Name, s.Min, s.Max)
		}
		return nil
	})
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

// Score returns ego e's total, subscale sums and flag. Errors name the ego
// and the item: a missing column, a non-numeric answer, or one that is not
// a whole number in [Min, Max].
//
// Complexity O(k) for k items.
func (s *Scale) Score(e *network.EgoNet) (ScaleScore, error) {
	vals := make(map[string]float64, len(s.Items))
	out := ScaleScore{Total: 0, Flag: math.NaN(), Subscales: map[string]float64{}}
	for _, it := range s.Items {
		v, err := answer(e, it)
		if err != nil {
			return out, err
		}
		if v.IsMissing() {
			vals[it] = math.NaN()
			continue
		}
		x, ok := v.Float()
		if !ok || x != math.Trunc(x) || x < s.Min || x > s.Max {
			return out, instrumentErr(e, it, "answer %q is not a whole number from %v to %v", v.Text, s.Min, s.Max)
		}
		vals[it] = x
	}
	for _, it := range s.Items {
		out.Total += vals[it]
	}
	for name, its := range s.Subscales {
		sum := 0.0
		for _, it := range its {
			sum += vals[it]
		}
		out.Subscales[name] = sum
	}
	if s.Cutoff != nil && !math.IsNaN(out.Total) {
		out.Flag = 0
		if out.Total < *s.Cutoff {
			out.Flag = 1
		}
	}
	return out, nil
}

// Access is how an ego can reach a resource or position: not at all, or
// through someone of a tie type (family, friend, acquaintance).
//
// Answers are read as text, without regard to case or spaces: "0", "no",
// "none", "nobody" mean no access; "1" or "yes" mean access through a tie
// of unrecorded type; one of the instrument's TieTypes means access through
// that type of tie. In the Resource and Position Generators the respondent
// names the closest such tie when there are several (van der Gaag &
// Snijders 2005).
var noAccess = map[string]bool{"0": true, "no": true, "none": true, "nobody": true, "no one": true}
var yesAccess = map[string]bool{"1": true, "yes": true}

// DefaultTieTypes returns the tie types of the Resource and Position
// Generators (van der Gaag & Snijders 2005; Lin, Fu & Hsung 2001), a new
// slice on every call.
func DefaultTieTypes() []string { return []string{"family", "friend", "acquaintance"} }

// access parses one generator answer: accessed, the tie type ("" when not
// recorded), missing, or an error.
func access(e *network.EgoNet, item string, tieTypes []string) (ok bool, tie string, missing bool, err error) {
	v, err := answer(e, item)
	if err != nil {
		return false, "", false, err
	}
	if v.IsMissing() {
		return false, "", true, nil
	}
	t := normValue(v.Text)
	switch {
	case noAccess[t]:
		return false, "", false, nil
	case yesAccess[t]:
		return true, "", false, nil
	}
	for _, tt := range tieTypes {
		if normValue(tt) == t {
			return true, tt, false, nil
		}
	}
	return false, "", false, instrumentErr(e, item, "answer %q is not 0/1, yes/no or a tie type (%s)", v.Text, strings.Join(tieTypes, ", "))
}

// ResourceGenerator is a Resource Generator: a list of concrete resources
// ("Do you know anyone who can repair a broken bicycle?"), each answered
// with whether the ego knows someone who has it and through which kind of
// tie (see Access for the answers accepted).
//
// van der Gaag, M. & Snijders, T. A. B. (2005). The Resource Generator:
// social capital quantification with concrete items. Social Networks
// 27(1):1–29. doi:10.1016/j.socnet.2004.10.001.
type ResourceGenerator struct {
	// Name names the instrument in errors and output, e.g. "rguk".
	Name string `json:"name"`
	// Items are the ego columns holding the answers.
	Items []string `json:"items"`
	// Subscales maps a subscale name to its items.
	Subscales map[string][]string `json:"subscales,omitempty"`
	// TieTypes are the accepted tie types; nil means DefaultTieTypes.
	TieTypes []string `json:"tie_types,omitempty"`
}

// RGUK returns the Resource Generator-UK (Webber & Huxley 2007): 27 items,
// answers in the ego columns rg01 … rg27, total 0–27.
//
// The published instrument has four subscales — domestic resources, expert
// advice, personal skills and problem-solving resources. Their item
// assignment (Webber & Huxley 2007) could not be checked against the paper
// while this package was written, so NO subscale assignment is built in:
// Subscales is empty, and rguk(SUBSCALE) needs an instruments file that
// gives the assignment from the paper (see ReadInstrumentsFrom). Totals and
// access by tie type need no assignment.
//
// Webber, M. P. & Huxley, P. J. (2007). Measuring access to social capital:
// the validity and reliability of the Resource Generator-UK and its
// association with common mental disorder. Social Science & Medicine
// 65(3):481–492. doi:10.1016/j.socscimed.2007.03.030.
func RGUK() *ResourceGenerator {
	items := make([]string, 27)
	for i := range items {
		items[i] = fmt.Sprintf("rg%02d", i+1)
	}
	return &ResourceGenerator{Name: "rguk", Items: items}
}

// ResourceScore is one ego's Resource Generator score.
type ResourceScore struct {
	// Total is the number of items the ego has access to (0 … k); NaN if
	// any answer is missing.
	Total float64
	// Subscales holds the number of accessed items of each subscale; NaN
	// if one of its answers is missing.
	Subscales map[string]float64
	// ByTie holds, for each tie type, the number of items accessed through
	// that type; NaN if any answer is missing. Items answered plain "yes"
	// or "1" count in Total only.
	ByTie map[string]float64
}

func (g *ResourceGenerator) tieTypes() []string {
	if g.TieTypes == nil {
		return DefaultTieTypes()
	}
	return g.TieTypes
}

// Validate checks the instrument's definition.
func (g *ResourceGenerator) Validate() error {
	return validateItems(g.Name, g.Items, g.Subscales, nil)
}

// Score returns ego e's Resource Generator score:
//
//	total        = Σ_items access(item)            (access = 0 or 1)
//	subscale s   = Σ_{item ∈ s} access(item)
//	by tie t     = Σ_items [accessed through a tie of type t]
//
// Errors name the ego and the item: a missing column or an answer that is
// not one of those listed under Access. Complexity O(k) for k items.
func (g *ResourceGenerator) Score(e *network.EgoNet) (ResourceScore, error) {
	tts := g.tieTypes()
	out := ResourceScore{Subscales: map[string]float64{}, ByTie: map[string]float64{}}
	for _, t := range tts {
		out.ByTie[t] = 0
	}
	got := make(map[string]float64, len(g.Items))
	missing := false
	for _, it := range g.Items {
		ok, tie, miss, err := access(e, it, tts)
		if err != nil {
			return out, err
		}
		switch {
		case miss:
			got[it] = math.NaN()
			missing = true
		case ok:
			got[it] = 1
			out.Total++
			if tie != "" {
				out.ByTie[tie]++
			}
		default:
			got[it] = 0
		}
	}
	if missing {
		out.Total = math.NaN()
		for t := range out.ByTie {
			out.ByTie[t] = math.NaN()
		}
	}
	for name, its := range g.Subscales {
		s := 0.0
		for _, it := range its {
			s += got[it]
		}
		out.Subscales[name] = s
	}
	return out, nil
}

// Position is one occupation of a Position Generator and its prestige
// score (e.g. on the SIOPS or ISEI scale, or a national prestige scale).
type Position struct {
	Item       string  `json:"item"`       // ego column holding the answer
	Occupation string  `json:"occupation"` // e.g. "nurse"
	Prestige   float64 `json:"prestige"`
}

// PositionGenerator is a Position Generator: a list of occupations, each
// answered with whether the ego knows someone in it and through which kind
// of tie (see Access for the answers accepted). The prestige list is data
// the study supplies.
//
// Lin, N. & Dumin, M. (1986). Access to occupations through social ties.
// Social Networks 8(4):365–385. doi:10.1016/0378-8733(86)90003-1.
// Lin, N., Fu, Y.-C. & Hsung, R.-M. (2001). The position generator:
// measurement techniques for investigations of social capital. In Lin,
// Cook & Burt (eds.), Social Capital: Theory and Research, 57–81.
// van der Gaag, M. & Snijders, T. A. B. (2005), doi:10.1016/j.socnet.2004.10.001.
type PositionGenerator struct {
	Name      string     `json:"name"`
	Positions []Position `json:"positions"`
	// TieTypes are the accepted tie types; nil means DefaultTieTypes.
	TieTypes []string `json:"tie_types,omitempty"`
}

// PositionAccess are the Position Generator measures over a set of
// accessed positions P (all, or those reached through one tie type):
//
//	extensity           |P|, the number of positions accessed
//	upper reachability  max_{p∈P} prestige(p)
//	range               max − min prestige over P
//	average             mean prestige over P
//	total               Σ_{p∈P} prestige(p)
//
// Upper reachability, range and average are NaN when P is empty;
// extensity and total are then 0. Every value is NaN when an answer is
// missing.
type PositionAccess struct {
	Extensity, UpperReachability, Range, Average, Total float64
}

// PositionScore is one ego's Position Generator score: over all positions
// accessed and by tie type (a position answered plain "yes" counts in All
// only).
type PositionScore struct {
	All   PositionAccess
	ByTie map[string]PositionAccess
}

// Validate checks the instrument's definition: positions with items, no
// duplicate items, finite prestige.
func (g *PositionGenerator) Validate() error {
	items := make([]string, len(g.Positions))
	for i, p := range g.Positions {
		items[i] = p.Item
		if math.IsNaN(p.Prestige) || math.IsInf(p.Prestige, 0) {
			return fmt.Errorf("%w: %s: item %q: prestige must be a finite number", ErrInstrument, g.Name, p.Item)
		}
	}
	return validateItems(g.Name, items, nil, nil)
}

// Score returns ego e's Position Generator measures (see PositionAccess).
// Errors name the ego and the item. Complexity O(k) for k positions.
func (g *PositionGenerator) Score(e *network.EgoNet) (PositionScore, error) {
	tts := g.TieTypes
	if tts == nil {
		tts = DefaultTieTypes()
	}
	all := []float64{}
	by := map[string][]float64{}
	missing := false
	for _, p := range g.Positions {
		ok, tie, miss, err := access(e, p.Item, tts)
		if err != nil {
			return PositionScore{}, err
		}
		if miss {
			missing = true
		}
		if ok {
			all = append(all, p.Prestige)
			if tie != "" {
				by[tie] = append(by[tie], p.Prestige)
			}
		}
	}
	out := PositionScore{All: positionAccess(all, missing), ByTie: map[string]PositionAccess{}}
	for _, t := range tts {
		out.ByTie[t] = positionAccess(by[t], missing)
	}
	return out, nil
}

func positionAccess(p []float64, missing bool) PositionAccess {
	nan := math.NaN()
	if missing {
		return PositionAccess{nan, nan, nan, nan, nan}
	}
	if len(p) == 0 {
		return PositionAccess{Extensity: 0, UpperReachability: nan, Range: nan, Average: nan, Total: 0}
	}
	lo, hi, sum := math.Inf(1), math.Inf(-1), 0.0
	for _, x := range p {
		lo, hi, sum = math.Min(lo, x), math.Max(hi, x), sum+x
	}
	return PositionAccess{
		Extensity: float64(len(p)), UpperReachability: hi, Range: hi - lo,
		Average: sum / float64(len(p)), Total: sum,
	}
}

// RingCounts is the number of alters an ego placed in each ring of a
// network map (concentric circles: inner = closest), and the number whose
// ring is missing.
type RingCounts struct {
	// Counts maps each ring value (as written) to its number of alters.
	Counts map[string]int
	// Missing is the number of alters with no ring recorded.
	Missing int
}

// Rings counts the alters of e per value of the ring attribute attr (the
// circle of a hierarchical mapping, Antonucci 1986; Network Canvas
// "categorical bins" or concentric circles). Alters with a missing ring
// are counted in Missing, never dropped. Complexity O(n).
//
// Antonucci, T. C. (1986). Hierarchical mapping technique. Generations
// 10(4):10–12.
func Rings(e *network.EgoNet, attr string) RingCounts {
	out := RingCounts{Counts: map[string]int{}}
	vals, ok := e.AlterValues(attr)
	if !ok {
		out.Missing = len(e.Alters)
		return out
	}
	for _, v := range vals {
		if v.IsMissing() {
			out.Missing++
			continue
		}
		out.Counts[v.Text]++
	}
	return out
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

// defineScale registers lsns6, lsns6_family, lsns6_friends, lsns6_isolated.
func defineScale() {
	scale := func(c *evalContext) *Scale { return instrumentsOf(c.Options).LSNS6 }
	check := func(s *Spec, opt *TableOptions) error {
		if instrumentsOf(opt).LSNS6 == nil {
			return errors.New("no LSNS-6 instrument is defined")
		}
		return nil
	}
	prep := func(c *evalContext, p population) error {
		sc := scale(c)
		return validateEgos(p, func(e *network.EgoNet) error { _, err := sc.Score(e); return err })
	}
	value := map[string]func(ScaleScore) float64{
		"lsns6":          func(s ScaleScore) float64 { return s.Total },
		"lsns6_family":   func(s ScaleScore) float64 { return subscale(s.Subscales, "family") },
		"lsns6_friends":  func(s ScaleScore) float64 { return subscale(s.Subscales, "friends") },
		"lsns6_isolated": func(s ScaleScore) float64 { return s.Flag },
	}
	for name, f := range value {
		define(definition{name: name, arg: argNone, check: check, prepare: prep,
			eval: func(e *network.EgoNet, c *evalContext) float64 {
				s, err := scale(c).Score(e)
				if err != nil {
					return math.NaN()
				}
				return f(s)
			}})
	}
}

func subscale(m map[string]float64, name string) float64 {
	x, ok := m[name]
	if !ok {
		return math.NaN()
	}
	return x
}

// defineGenerator registers NAME_total, NAME(SUBSCALE) and NAME_tie(TYPE)
// for a Resource Generator (rguk or rg).
func defineGenerator(name string, get func(*Instruments) *ResourceGenerator) {
	gen := func(opt *TableOptions) *ResourceGenerator { return get(instrumentsOf(opt)) }
	exists := func(opt *TableOptions) error {
		if gen(opt) == nil {
			return fmt.Errorf("no %s instrument is defined (give one in an instruments file)", name)
		}
		return nil
	}
	prep := func(c *evalContext, p population) error {
		g := gen(c.Options)
		return validateEgos(p, func(e *network.EgoNet) error { _, err := g.Score(e); return err })
	}
	score := func(e *network.EgoNet, c *evalContext) (ResourceScore, bool) {
		s, err := gen(c.Options).Score(e)
		return s, err == nil
	}
	define(definition{name: name + "_total", arg: argNone, prepare: prep,
		check: func(s *Spec, opt *TableOptions) error { return exists(opt) },
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			s, ok := score(e, c)
			if !ok {
				return math.NaN()
			}
			return s.Total
		}})
	define(definition{name: name, arg: argAttr, argName: true, prepare: prep,
		check: func(s *Spec, opt *TableOptions) error {
			if err := exists(opt); err != nil {
				return err
			}
			g := gen(opt)
			if _, ok := g.Subscales[s.Attr]; !ok {
				if len(g.Subscales) == 0 {
					return fmt.Errorf("%s has no subscales defined; give the item-to-subscale assignment in an instruments file", name)
				}
				return fmt.Errorf("%s has no subscale %q (subscales: %s)", name, s.Attr, strings.Join(sortedKeys(g.Subscales), ", "))
			}
			return nil
		},
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			s, ok := score(e, c)
			if !ok {
				return math.NaN()
			}
			return subscale(s.Subscales, c.Spec.Attr)
		}})
	define(definition{name: name + "_tie", arg: argAttr, argName: true, prepare: prep,
		check: func(s *Spec, opt *TableOptions) error {
			if err := exists(opt); err != nil {
				return err
			}
			if tts := gen(opt).tieTypes(); !containsFold(tts, s.Attr) {
				return fmt.Errorf("unknown tie type %q (tie types: %s)", s.Attr, strings.Join(tts, ", "))
			}
			return nil
		},
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			s, ok := score(e, c)
			if !ok {
				return math.NaN()
			}
			for t, x := range s.ByTie {
				if strings.EqualFold(t, c.Spec.Attr) {
					return x
				}
			}
			return math.NaN()
		}})
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// definePositions registers pg_extensity, pg_upper, pg_range, pg_average,
// pg_total, each also with a tie type: pg_extensity(family).
func definePositions() {
	gen := func(opt *TableOptions) *PositionGenerator { return instrumentsOf(opt).PG }
	prep := func(c *evalContext, p population) error {
		g := gen(c.Options)
		return validateEgos(p, func(e *network.EgoNet) error { _, err := g.Score(e); return err })
	}
	check := func(s *Spec, opt *TableOptions) error {
		g := gen(opt)
		if g == nil {
			return errors.New("no Position Generator is defined (give the positions and their prestige in an instruments file)")
		}
		tts := g.TieTypes
		if tts == nil {
			tts = DefaultTieTypes()
		}
		if s.Attr != "" && !containsFold(tts, s.Attr) {
			return fmt.Errorf("unknown tie type %q (tie types: %s)", s.Attr, strings.Join(tts, ", "))
		}
		return nil
	}
	value := map[string]func(PositionAccess) float64{
		"pg_extensity": func(a PositionAccess) float64 { return a.Extensity },
		"pg_upper":     func(a PositionAccess) float64 { return a.UpperReachability },
		"pg_range":     func(a PositionAccess) float64 { return a.Range },
		"pg_average":   func(a PositionAccess) float64 { return a.Average },
		"pg_total":     func(a PositionAccess) float64 { return a.Total },
	}
	for name, f := range value {
		define(definition{name: name, arg: argNone | argAttr, argName: true, check: check, prepare: prep,
			eval: func(e *network.EgoNet, c *evalContext) float64 {
				s, err := gen(c.Options).Score(e)
				if err != nil {
					return math.NaN()
				}
				if c.Spec.Attr == "" {
					return f(s.All)
				}
				for t, a := range s.ByTie {
					if strings.EqualFold(t, c.Spec.Attr) {
						return f(a)
					}
				}
				return math.NaN()
			}})
	}
}

// defineRings registers ring(V), the number of alters in ring V, and
// ring_missing, the number with no ring recorded.
func defineRings() {
	prep := func(c *evalContext, p population) error {
		attr := instrumentsOf(c.Options).RingAttr()
		if egos := p.egos(); len(egos) > 0 {
			if _, ok := egos[0].Dataset().AlterAttrs.Index(attr); !ok {
				return fmt.Errorf("the alters table has no ring column %q", attr)
			}
		}
		return nil
	}
	define(definition{name: "ring", arg: argAttr, argName: true, prepare: prep,
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			r := Rings(e, instrumentsOf(c.Options).RingAttr())
			want := network.ParseValue(c.Spec.Attr)
			n := 0
			for v, k := range r.Counts {
				if sameValue(network.ParseValue(v), want) {
					n += k
				}
			}
			return float64(n)
		}})
	define(definition{name: "ring_missing", arg: argNone, prepare: prep,
		eval: func(e *network.EgoNet, c *evalContext) float64 {
			return float64(Rings(e, instrumentsOf(c.Options).RingAttr()).Missing)
		}})
}

func init() {
	defineScale()
	defineGenerator("rguk", func(in *Instruments) *ResourceGenerator { return in.RGUK })
	defineGenerator("rg", func(in *Instruments) *ResourceGenerator { return in.RG })
	definePositions()
	defineRings()
}
