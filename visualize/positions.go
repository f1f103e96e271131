package visualize

import (
	"encoding/csv"
	"io"
	"strconv"
)

// WritePositions writes positions as CSV: a header and one row per node,
// "node,x,y,r" (centre and marker radius in points of the final picture,
// from its bottom-left corner, to 3 decimals), with a first column
// "panel" when any position has a panel (the pictures of a grid or a
// before/after figure). An egogram's ego is the row whose node is its ID.
func WritePositions(w io.Writer, pos []Position) error {
	panels := false
	for _, p := range pos {
		panels = panels || p.Panel != ""
	}
	cw := csv.NewWriter(w)
	head := []string{"node", "x", "y", "r"}
	if panels {
		head = append([]string{"panel"}, head...)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }
	for _, p := range pos {
		row := []string{p.Node, num(p.X), num(p.Y), num(p.R)}
		if panels {
			row = append([]string{p.Panel}, row...)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
