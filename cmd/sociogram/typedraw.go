package main

import (
	"flag"
	"math"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/visualize"
)

// typeDrawFlags are draw's flags for the ecomap and the clustered graphs
// (issue 16); the hooks in draw.go and draw_survey.go call this file.
type typeDrawFlags struct {
	clustered           bool
	by, groupBy         string
	quality, qualityMap string
	flow, flowMap       string
}

func (t *typeDrawFlags) add(fs *flag.FlagSet) {
	fs.BoolVar(&t.clustered, "clustered", false, "draw the clustered graph of the study (with --by; see sociogram clustered)")
	fs.StringVar(&t.by, "by", "", "alter `ATTR` whose values are the categories of --clustered")
	fs.StringVar(&t.groupBy, "group-by", "", "ego `ATTR`: one clustered graph per value (and per wave)")
	fs.StringVar(&t.quality, "quality", "", "ecomap: alter `ATTR` with the quality of each relationship (strong, tenuous, stressful)")
	fs.StringVar(&t.qualityMap, "quality-map", "", "ecomap: the study's own quality words, `MAP` such as 'strong=3|4,tenuous=1|2,stressful=conflict'")
	fs.StringVar(&t.flow, "flow", "", "ecomap: alter `ATTR` with the direction energy and resources flow (to ego, from ego, both)")
	fs.StringVar(&t.flowMap, "flow-map", "", "ecomap: the study's own flow words, `MAP` such as 'to=receives,from=gives,both=mutual'")
}

// drawTypes draws --clustered, and refuses --layout ecomap for a whole
// network; done is false when neither applies.
func (d *drawFlags) drawTypes(src *loaded) (done bool, err error) {
	if d.layout == "ecomap" && src.ds == nil {
		return true, usagef("--layout ecomap draws survey ego networks (the ego and the systems of --sectors)")
	}
	if d.layout == "ecomap" && d.sectors == "" {
		return true, usagef("--layout ecomap needs --sectors ATTR, the alter attribute of the systems (family, friends, services, ...)")
	}
	if !d.types.clustered {
		return false, nil
	}
	if d.types.by == "" {
		return true, usagef("--clustered needs --by ATTR, the alter attribute whose values are the categories")
	}
	if src.ds == nil {
		return true, usagef("--clustered draws survey data, not a whole network")
	}
	format, err := d.outFormat()
	if err != nil {
		return true, err
	}
	if format == "" {
		return true, usagef("--clustered draws one file: -o FILE.png, .svg or .pdf")
	}
	cg, err := analysis.Clustered(src.ds, analysis.ClusteredOptions{By: d.types.by, GroupBy: d.types.groupBy})
	if err != nil {
		return true, err
	}
	ss, err := visualize.NewStudyStyle(src.ds, visualize.DrawOptions{Style: visualize.Style{Color: d.types.by}})
	if err != nil {
		return true, err
	}
	k := len(cg.Categories)
	idx := map[string]int{}
	for i, c := range cg.Categories {
		idx[c] = i
	}
	var panels []visualize.ClusteredPanel
	at := map[[2]string]int{}
	for _, r := range cg.Rows {
		key := [2]string{r.Wave, r.Group}
		p, ok := at[key]
		if !ok {
			p = len(panels)
			at[key] = p
			title := "all people"
			if r.Group != "" {
				title = d.types.groupBy + " " + r.Group
			}
			if r.Wave != "" {
				title += ", wave " + r.Wave
			}
			dens := make([][]float64, k)
			for i := range dens {
				dens[i] = make([]float64, k)
				for j := range dens[i] {
					dens[i][j] = math.NaN()
				}
			}
			panels = append(panels, visualize.ClusteredPanel{Title: title, Counts: make([]float64, k), Density: dens})
		}
		a, b := idx[r.A], idx[r.B]
		panels[p].Counts[a], panels[p].Counts[b] = r.MeanCountA, r.MeanCountB
		panels[p].Density[a][b], panels[p].Density[b][a] = r.MeanDensity, r.MeanDensity
	}
	title := d.title
	if title == "" {
		title = "clustered graph by " + d.types.by
	}
	f, err := visualize.ClusteredFigure(panels, visualize.ClusteredOptions{Title: title, By: d.types.by, Categories: cg.Categories, Study: ss})
	if err != nil {
		return true, err
	}
	return true, d.write(d.out, format, "", f)
}

// ecomapFigure draws e's ecomap: systems from --sectors, quality and flow
// from --quality and --flow.
func (d *drawFlags) ecomapFigure(e *network.EgoNet) (*visualize.Figure, error) {
	opt := visualize.EcomapOptions{Systems: d.sectors, SystemOrder: splitList(d.sectorOrder), Quality: d.types.quality, Flow: d.types.flow,
		Style: d.style(len(e.Alters)), Study: d.study, Title: d.title}
	var err error
	if d.types.qualityMap != "" {
		if opt.QualityMap, err = visualize.ParseQualityMap(d.types.qualityMap); err != nil {
			return nil, usagef("--quality-map: %v", err)
		}
	}
	if d.types.flowMap != "" {
		if opt.FlowMap, err = visualize.ParseFlowMap(d.types.flowMap); err != nil {
			return nil, usagef("--flow-map: %v", err)
		}
	}
	return visualize.EcomapFigure(e, opt)
}
