package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

// outFormat returns the image format of -o FILE, or "" when -o names a
// directory (no image extension).
func (d *drawFlags) outFormat() (string, error) {
	if d.out == "-" {
		// Standard output: one picture, in --format (default png).
		return d.dirFormat()
	}
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(d.out)), ".")
	if slices.Contains(visualize.Formats(), ext) {
		if d.format != "" && d.format != ext {
			return "", usagef("--format %s does not match -o %s", d.format, d.out)
		}
		return ext, nil
	}
	if ext != "" {
		return "", usagef("-o %s: unknown image extension .%s (want .png, .svg or .pdf, or a directory)", d.out, ext)
	}
	return "", nil
}

// dirFormat is the format of the files written into a directory.
func (d *drawFlags) dirFormat() (string, error) {
	switch d.format {
	case "":
		return "png", nil
	case "png", "svg", "pdf":
		return d.format, nil
	}
	return "", usagef("unknown --format %q (want png, svg or pdf)", d.format)
}

// style returns the look flags for a picture of n nodes (labels off above
// 60 unless asked for).
func (d *drawFlags) style(n int) visualize.Style {
	st := visualize.Style{Color: d.color, Dashed: d.dashed}
	switch d.label {
	case "-":
		st.NoLabels = true
	case "":
		st.NoLabels = n > 60
	default:
		st.Label = d.label
	}
	return st
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	out := strings.Split(s, ",")
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	return out
}

func (d *drawFlags) egogramOptions() visualize.EgogramOptions {
	return visualize.EgogramOptions{Rings: d.rings, RingOrder: splitList(d.ringOrder), ReverseRings: d.reverseRings, NumRings: d.numRings,
		Sectors: d.sectors, SectorOrder: splitList(d.sectorOrder)}
}

// sizeBy fills st's size fields: a node attribute when one has that name
// (exists reports it), else a measure computed on g for every node.
func (d *drawFlags) sizeBy(st *visualize.Style, exists bool, g *network.Graph) error {
	if d.size == "" {
		return nil
	}
	if exists {
		st.Size = d.size
		return nil
	}
	specs, err := measures.ParseList(d.size)
	if err != nil {
		return usagef("--size %s: no such attribute, and not a measure: %v", d.size, err)
	}
	t, err := measures.NodeTable(context.Background(), g, specs, measures.TableOptions{Workers: 1})
	if err != nil {
		return err
	}
	st.SizeValues = make([]float64, t.Len())
	for i, row := range t.Values {
		st.SizeValues[i] = row[0]
	}
	st.SizeName = d.size
	return nil
}

// maxGrow is how many times its size draw lets a page grow to keep every
// tie clear of the people it does not join.
const maxGrow = 3

// write fits f (see visualize.Figure.Fit), says on standard error what
// still breaks the guarantee, records its positions for --positions
// (panel names prefixed by panel when not ""), and draws it to path
// atomically in format ("-": standard output).
func (d *drawFlags) write(path, format, panel string, f *visualize.Figure) error {
	if v := f.Fit(maxGrow); len(v) > 0 {
		name := path
		if panel != "" {
			name = panel
		}
		fmt.Fprintf(d.stderr, "draw: %s: %d places where a tie passes within 2 pt of someone it does not join, or markers overlap, even at %d times the page size; e.g. %s\n",
			name, len(v), maxGrow, v[0])
	}
	if d.positions != "" {
		for _, p := range f.Positions() {
			if panel != "" {
				p.Panel = strings.TrimPrefix(panel+" "+p.Panel, " ")
				p.Panel = strings.TrimSpace(p.Panel)
			}
			d.pos = append(d.pos, p)
		}
	}
	return writeOutput(path, d.stdout, func(w io.Writer) error { return f.Write(w, format) })
}

// writePositions writes --positions.
func (d *drawFlags) writePositions() error {
	if d.positions == "" {
		return nil
	}
	return writeOutput(d.positions, d.stdout, func(w io.Writer) error { return visualize.WritePositions(w, d.pos) })
}
