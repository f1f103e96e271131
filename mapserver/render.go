package mapserver

import (
	"fmt"
	"math"
	"strconv"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/store"
	"github.com/sociogram/sociogram/visualize"
)

// Alter and tie attribute names of the maps the server draws: the columns
// of the three-table files the store exports.
const (
	colName    = "name"
	colRole    = "role"
	colType    = "type"
	colRing    = "ring"
	colQuality = "quality"
	colFlow    = "flow"
	colNote    = "note"
)

// numRings is the number of closeness rings of a map (1 = closest).
const numRings = 3

// personMaps is one person's maps at every wave as a network.Dataset (one
// ego per wave, alters keyed by their store key), so that every picture
// and measure of the library works on it.
type personMaps struct {
	ds    *network.Dataset
	waves []string // in the person's order
}

// ego returns the person's map at wave, or nil.
func (p *personMaps) ego(id, wave string) *network.EgoNet { return p.ds.Ego(id, wave) }

// buildMaps turns a person's interviews, alters and ties into a dataset.
func buildMaps(person string, ivs []store.Interview, alters []store.Alter, ties []store.Tie) (*personMaps, error) {
	b := network.NewDatasetBuilder(network.DatasetOptions{WaveColumn: "wave"})
	as := b.AlterAttrs()
	cols := []string{colName, colRole, colType, colRing, colQuality, colFlow, colNote}
	idx := make(map[string]int, len(cols))
	for _, c := range cols {
		idx[c] = as.Add(c)
	}
	ts := b.TieAttrs()
	tq := ts.Add(colQuality)
	tf := ts.Add(colFlow)
	pm := &personMaps{}
	for _, iv := range ivs {
		if err := b.AddEgo(person, waveLabel(iv.Wave), nil); err != nil {
			return nil, fmt.Errorf("person %s: %w", person, err)
		}
		pm.waves = append(pm.waves, iv.Wave)
	}
	for _, a := range alters {
		row := make(network.Attrs, as.Len())
		row[idx[colName]] = text(a.Name)
		row[idx[colRole]] = text(a.Role)
		row[idx[colType]] = text(a.Type)
		if a.Ring > 0 {
			row[idx[colRing]] = network.NumberValue(float64(a.Ring))
		}
		row[idx[colQuality]] = text(a.Quality)
		row[idx[colFlow]] = text(a.Flow)
		row[idx[colNote]] = text(a.Attrs[colNote])
		if err := b.AddAlter(person, waveLabel(a.Wave), a.Key, 1, row); err != nil {
			return nil, fmt.Errorf("person %s wave %s alter %s: %w", person, a.Wave, a.Key, err)
		}
	}
	for _, t := range ties {
		row := make(network.Attrs, ts.Len())
		row[tq], row[tf] = text(t.Quality), text(t.Flow)
		if err := b.AddTie(person, waveLabel(t.Wave), t.A, t.B, 1, row); err != nil {
			return nil, fmt.Errorf("person %s wave %s tie %s-%s: %w", person, t.Wave, t.A, t.B, err)
		}
	}
	pm.ds, _ = b.Build()
	return pm, nil
}

// waveLabel is the wave of the dataset: the store's label, or "1" for a
// study without waves (a dataset with a wave column needs one).
func waveLabel(w string) string {
	if w == "" {
		return "1"
	}
	return w
}

// text is a text value, missing when empty (never parsed as a number or
// NA: a name is a name).
func text(s string) network.Value {
	if s == "" {
		return network.Value{}
	}
	return network.TextValue(s)
}

// drawOptions is how the server draws every map of the study: rings by
// closeness 1..3 (1 = closest), sectors and colours by role in the
// study's fixed order (so that a colour never changes meaning while the
// map is edited), alters labelled by name.
func (s *Server) drawOptions() visualize.DrawOptions {
	return visualize.DrawOptions{
		EgogramOptions: visualize.EgogramOptions{
			Rings: colRing, NumRings: numRings,
			Sectors: colRole, SectorOrder: s.sectors,
		},
		Style: visualize.Style{Color: colRole, ColorOrder: s.sectors, Label: colName},
	}
}

// wordsOptions are the options of the measures in words.
func (s *Server) wordsOptions() measures.WordsOptions {
	return measures.WordsOptions{
		Rules: s.opt.Rules, Instruments: s.opt.Instruments,
		Ring: colRing, Role: colRole, Label: colName,
	}
}

// The page's pictures are drawn on a smaller page than the CLI's
// (visualize.SingleWidth × SingleHeight = 600 × 480, PairWidth ×
// PairHeight = 960 × 540) with the same text sizes, so that the text is
// larger once the browser scales the picture to the space it has: the
// map's column is about 766 CSS px wide at 1280 × 800, where 8-unit alter
// names become 8 × 766 / 420 = 14.6 px (10.2 px on a 600-unit page). The
// before/after picture fills its dialog, at most 600 px high (75vh), so
// 1067 px wide: names are 8 × 1067 / 680 = 12.6 px (8.9 px on a 960-unit
// page); a smaller page would crowd its two maps. The aspect ratios stay
// those of visualize's sizes.
const (
	mapWidth, mapHeight   = 420, 336
	pairWidth, pairHeight = 680, 383
)

// mapFigure draws one wave's map: the egogram (view "egogram" or "") or
// the ecomap (view "ecomap"), titled with the person's pseudonym.
func (s *Server) mapFigure(e *network.EgoNet, title, view string) (*visualize.Figure, error) {
	opt := s.drawOptions()
	opt.Title = title
	var f *visualize.Figure
	var err error
	switch view {
	case "", "egogram":
		f, err = visualize.EgogramFigure(e, opt)
	case "ecomap":
		f, err = visualize.EcomapFigure(e, visualize.EcomapOptions{
			Systems: colRole, SystemOrder: s.sectors, Quality: colQuality, Flow: colFlow,
			Style: opt.Style, Title: title,
		})
	default:
		return nil, fmt.Errorf("%w: view %q (want egogram or ecomap)", errBadRequest, view)
	}
	if err != nil {
		return nil, err
	}
	f.Width, f.Height = mapWidth, mapHeight
	return f, nil
}

// Geometry is the map geometry of api19.md: where the SVG of the map put
// its centre, rings, sectors and alters, in the SVG's units.
type Geometry struct {
	Width     float64          `json:"width"`
	Height    float64          `json:"height"`
	Centre    Point            `json:"centre"`
	EgoRadius float64          `json:"ego_radius"`
	Rings     []RingGeometry   `json:"rings"`
	Sectors   []SectorGeometry `json:"sectors"`
	Alters    []AlterGeometry  `json:"alters"`
}

// Point is a point in the SVG's units.
type Point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// RingGeometry is one ring: its closeness (nil for the ring of alters not
// placed), label and radii.
type RingGeometry struct {
	Ring  *int    `json:"ring"`
	Label string  `json:"label"`
	Inner float64 `json:"inner"`
	Outer float64 `json:"outer"`
}

// SectorGeometry is one sector: its role ("" for the sector of alters
// without one), label and angles in degrees clockwise from 12 o'clock.
type SectorGeometry struct {
	Role  string  `json:"role"`
	Label string  `json:"label"`
	Start float64 `json:"start"`
	End   float64 `json:"end"`
}

// AlterGeometry is where an alter's marker is: its centre and radius.
type AlterGeometry struct {
	Key  string  `json:"key"`
	Name string  `json:"name"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	R    float64 `json:"r"`
}

// geometryOf returns the geometry of a map figure of e.
func geometryOf(f *visualize.Figure, e *network.EgoNet) (*Geometry, error) {
	m, err := f.MapGeometry()
	if err != nil {
		return nil, err
	}
	g := &Geometry{
		Width: round2(m.Width), Height: round2(m.Height),
		Centre: Point{round2(m.CentreX), round2(m.CentreY)}, EgoRadius: round2(m.EgoRadius),
		Rings: []RingGeometry{}, Sectors: []SectorGeometry{}, Alters: []AlterGeometry{},
	}
	for _, r := range m.Rings {
		rg := RingGeometry{Label: r.Label, Inner: round2(r.Inner), Outer: round2(r.Outer)}
		if k, err := strconv.Atoi(r.Label); err == nil {
			rg.Ring = &k
		}
		g.Rings = append(g.Rings, rg)
	}
	for _, sec := range m.Sectors {
		sg := SectorGeometry{Role: sec.Label, Label: sec.Label, Start: sec.Start, End: sec.End}
		if sec.Label == visualize.Unknown {
			sg.Role = ""
		}
		g.Sectors = append(g.Sectors, sg)
	}
	names, _ := e.AlterValues(colName)
	for i, a := range e.Alters {
		if i >= len(m.Nodes) {
			break
		}
		n := m.Nodes[i]
		ag := AlterGeometry{Key: a.ID, X: round2(n.X), Y: round2(n.Y), R: round2(n.R)}
		if i < len(names) {
			ag.Name = names[i].Text
		}
		g.Alters = append(g.Alters, ag)
	}
	return g, nil
}

// round2 rounds to 1/100 of a point, far below a pixel.
func round2(x float64) float64 { return math.Round(x*100) / 100 }
