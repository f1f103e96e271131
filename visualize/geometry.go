package visualize

import (
	"errors"
	"math"
)

// MapGeometry is where a figure of one egogram, drawn at its size, put the
// frame and the people: in the units of the picture written by Write as
// SVG (its viewBox: points from the top-left corner, y growing downwards),
// so that a page showing the SVG can put a button on every alter and turn
// a point the user dropped an alter on into a ring and a sector.
type MapGeometry struct {
	Width, Height float64 // page size, the SVG's viewBox
	CentreX       float64 // the ego's centre
	CentreY       float64
	EgoRadius     float64 // radius of the ego's disc (inner edge of the first ring)
	Rings         []RingGeometry
	Sectors       []SectorGeometry
	Nodes         []NodeGeometry // alters in input order, then the ego
}

// RingGeometry is one ring of the frame: its label (Unknown for the ring
// of alters without a value) and its inner and outer radius.
type RingGeometry struct {
	Label        string
	Inner, Outer float64
}

// SectorGeometry is one sector of the frame: its label and the angles at
// which it starts and ends, in degrees clockwise from 12 o'clock (Start <
// End; the sectors run clockwise from the top, as in LayoutEgogram).
type SectorGeometry struct {
	Label      string
	Start, End float64
}

// NodeGeometry is where a node's marker was drawn: its centre and the
// radius of the circle around the marker (outline included).
type NodeGeometry struct {
	ID      string
	X, Y, R float64
}

// ErrNoFrame reports a figure without an egogram frame.
var ErrNoFrame = errors.New("the figure has no egogram frame")

// MapGeometry draws the figure at its size (on a canvas that keeps
// nothing) and returns the geometry of its first panel with an egogram
// frame (EgogramFigure; EcomapFigure, whose systems are its sectors). It
// fails with ErrNoFrame for a figure without one.
//
// Cost: one layout of the figure, as Positions.
func (f *Figure) MapGeometry() (*MapGeometry, error) {
	f.layout()
	w, h := f.size()
	for _, fn := range f.nets {
		d, g := fn.net.drawn, fn.net.Frame
		if d == nil || g == nil {
			continue
		}
		unit := float64(d.unit)
		m := &MapGeometry{
			Width: w.Points(), Height: h.Points(),
			CentreX: d.origin.X.Points(), CentreY: h.Points() - d.origin.Y.Points(),
			EgoRadius: g.EgoRadius * unit,
		}
		for k, label := range g.Rings {
			in, out := g.RingRadii(k)
			m.Rings = append(m.Rings, RingGeometry{Label: label, Inner: in * unit, Outer: out * unit})
		}
		for s, label := range g.Sectors {
			start, end := g.SectorAngles(s)
			m.Sectors = append(m.Sectors, SectorGeometry{Label: label, Start: clockDegrees(start), End: clockDegrees(start) + (start-end)*180/math.Pi})
		}
		for i, p := range d.centres {
			m.Nodes = append(m.Nodes, NodeGeometry{ID: d.ids[i], X: p.X.Points(), Y: h.Points() - p.Y.Points(), R: d.reach[i].Points()})
		}
		return m, nil
	}
	return nil, ErrNoFrame
}

// clockDegrees turns an angle in radians counter-clockwise from the
// positive x axis into degrees clockwise from 12 o'clock, in [0, 360).
func clockDegrees(a float64) float64 {
	d := math.Mod(90-a*180/math.Pi, 360)
	if d < 0 {
		d += 360
	}
	// Round away the error of the radian round trip (0.9999999° → 1°).
	return math.Round(d*1e9) / 1e9
}

// Cell returns the ring and sector (indices into Rings and Sectors) of the
// point (x, y) in the geometry's units: the ring whose annulus holds the
// point (the first ring for a point on the ego's disc; the outermost ring
// not labelled Unknown for a point beyond the frame) and the sector whose
// angles hold it. A point in the Unknown ring or sector gets that ring or
// sector. Both are -1 when the geometry has no rings or no sectors.
func (m *MapGeometry) Cell(x, y float64) (ring, sector int) {
	ring, sector = -1, -1
	dx, dy := x-m.CentreX, y-m.CentreY
	d := math.Hypot(dx, dy)
	for k, r := range m.Rings {
		if r.Label != Unknown || ring < 0 {
			ring = k
		}
		if d < r.Outer {
			ring = k
			break
		}
	}
	theta := 0.0 // the centre itself: straight up
	if d > 0 {
		theta = math.Mod(math.Atan2(dx, -dy)*180/math.Pi+360, 360)
	}
	for s, sec := range m.Sectors {
		if theta >= sec.Start && theta < sec.End {
			return ring, s
		}
	}
	if len(m.Sectors) > 0 {
		// 360° itself, after rounding: the last sector ends there.
		sector = len(m.Sectors) - 1
	}
	return ring, sector
}
