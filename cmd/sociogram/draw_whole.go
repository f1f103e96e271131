package main

import (
	"fmt"

	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

// maxDrawNodes is the largest whole network draw lays out (the
// force-directed layout of 20,000 nodes takes about a minute).
const maxDrawNodes = 20000

// drawWhole draws a whole network, or the ego network of --ego.
func (d *drawFlags) drawWhole(g *network.Graph) error {
	if d.all || len(d.egos) > 1 {
		return usagef("a whole network draws as one sociogram, or the ego network of one --ego")
	}
	if d.before != "" || d.atWave != "" {
		return usagef("--at-wave, --before and --after need survey data with waves")
	}
	format, err := d.outFormat()
	if err != nil {
		return err
	}
	if format == "" {
		return usagef("-o %s: a whole network draws to one FILE ending in .png, .svg or .pdf", d.out)
	}
	// The style of the whole network, so that an ego network drawn from
	// it has the colours it has in the whole.
	_, hasSize := g.Attrs().Index(d.size)
	st := d.style(g.Order())
	if hasSize {
		st.Size = d.size
	}
	if d.study, err = visualize.NewGraphStyle(g, st); err != nil {
		return err
	}
	ego := ""
	if len(d.egos) == 1 {
		v, ok := g.Lookup(d.egos[0])
		if !ok {
			return fmt.Errorf("%w: no node %q in the network", network.ErrUnknownNode, d.egos[0])
		}
		if d.layout == "egogram" {
			// The rings and sectors come from the ego network's own
			// alters (its dataset): the style is computed from it.
			d.study = nil
			e := network.EgoNetOf(g, v)
			if len(e.Alters)+1 > maxDrawNodes {
				return fmt.Errorf("the ego network of %q has %d nodes, too many to draw legibly (at most %d)", d.egos[0], len(e.Alters)+1, maxDrawNodes)
			}
			f, err := d.egoFigure(e, g.Attrs())
			if err != nil {
				return err
			}
			return d.write(d.out, format, "", f)
		}
		g, v = network.Extract(g, v, 1)
		ego = g.Label(v)
		if g.Order() > maxDrawNodes {
			return fmt.Errorf("the ego network of %q has %d nodes, too many to draw legibly (at most %d)", ego, g.Order(), maxDrawNodes)
		}
	} else if d.layout == "egogram" {
		return usagef("--layout egogram needs an ego: give --ego ID")
	} else if g.Order() > maxDrawNodes {
		return fmt.Errorf("the network has %d nodes, too many to draw legibly (at most %d); draw the ego network of one node with --ego ID", g.Order(), maxDrawNodes)
	}
	st = d.style(g.Order())
	if err := d.sizeBy(&st, hasSize, g); err != nil {
		return err
	}
	title := d.title
	if title == "" && ego != "" {
		title = "ego network of " + ego
	}
	layout, _ := visualize.ParseLayout(d.layout)
	f, err := visualize.SociogramFigure(d.ctx, g, visualize.SociogramOptions{Style: st, Study: d.study, Layout: layout, Seed: d.seed, Title: title, Ego: ego})
	if err != nil {
		return err
	}
	return d.write(d.out, format, "", f)
}
