package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/sociogram/sociogram/analysis"
	"github.com/sociogram/sociogram/internal/demo"
	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
)

// demoGroups is the measures list of the demo's comparison of agencies.
const demoGroups = "bridging,size,lsns6"

// demoTypes is the measures list of the demo's typology at wave 1, after
// the network types of Sweet et al. (2018): how large, how dense, how
// much family, how much formal (professional) support, how much of the
// wider community (friends, neighbours, groups).
const demoTypes = "size,density,prop(role=family),prop(role=professional),prop(role=friend|neighbour|group)"

// demoTypesK is the number of network types of the demo.
const demoTypesK = 3

// demoAnalysis compares the change of people supported by third-sector and
// statutory agencies and builds a network typology at wave 1, writes the
// tables and charts under dir and returns the lines to print.
func demoAnalysis(ctx context.Context, ds *network.Dataset, opt measures.TableOptions, dir string, res *demoResult) (groups, types []string, err error) {
	specs, err := measures.ParseList(demoGroups)
	if err != nil {
		return nil, nil, err
	}
	gt, err := analysis.Groups(ctx, ds, specs, analysis.GroupOptions{
		By: "agency", Groups: []string{demo.ThirdSector, demo.Statutory}, Change: true, Table: opt})
	if err != nil {
		return nil, nil, err
	}
	path := filepath.Join(dir, "groups.csv")
	if err := writeOutput(path, nil, gt.WriteCSV); err != nil {
		return nil, nil, err
	}
	res.add(path, "change by agency: third sector vs statutory (effect sizes, tests)")
	path = filepath.Join(dir, "groups.png")
	if err := writeGroupChart(path, gt); err != nil {
		return nil, nil, err
	}
	res.add(path, "mean change with 95% CI by agency")
	for _, r := range gt.Rows {
		groups = append(groups, fmt.Sprintf("%-16s third sector %+.2f (n %d), statutory %+.2f (n %d); Hedges' g %.2f [%.2f, %.2f], Welch p %.3f, Mann-Whitney p %.3f",
			strings.TrimSuffix(r.Measure, ":change"), r.A.Mean, r.A.N, r.B.Mean, r.B.N, r.Hedges.G, r.Hedges.Low, r.Hedges.High, r.Welch.P, r.MannWhitney.P))
	}

	tspecs, err := measures.ParseList(demoTypes)
	if err != nil {
		return nil, nil, err
	}
	t, err := measures.EgoTable(ctx, ds, tspecs, opt)
	if err != nil {
		return nil, nil, err
	}
	t = waveRows(t, ds, "1")
	cols := make([]string, len(tspecs))
	for i, s := range tspecs {
		cols[i] = s.Column
	}
	ty, err := analysis.Types(t, cols, analysis.TypeOptions{K: demoTypesK})
	if err != nil {
		return nil, nil, err
	}
	for _, f := range []struct {
		name, what string
		write      func(string) error
	}{
		{"types.csv", "network type of every person at wave 1 (Ward, 3 types) and silhouette",
			func(p string) error { return writeOutput(p, nil, ty.WriteCSV) }},
		{"type_profiles.csv", "size and mean measures of each network type",
			func(p string) error { return writeOutput(p, nil, ty.WriteProfilesCSV) }},
		{"types.png", "network type profiles (mean z-scores)", func(p string) error { return writeTypeChart(p, ty, "1") }},
		{"types_tree.png", "Ward's tree of the typology", func(p string) error { return writeDendrogram(p, ty, "1") }},
	} {
		path := filepath.Join(dir, f.name)
		if err := f.write(path); err != nil {
			return nil, nil, err
		}
		res.add(path, f.what)
	}
	for _, p := range ty.Profiles {
		var parts []string
		for i, c := range cols {
			parts = append(parts, fmt.Sprintf("%s %.2f", c, p.Mean[i]))
		}
		types = append(types, fmt.Sprintf("type %d (%d people): %s", p.Type, p.Size, strings.Join(parts, ", ")))
	}
	types = append(types, fmt.Sprintf("average silhouette %.2f; %d people without a type (a measure undefined)", ty.AvgSilhouette, ty.Missing))
	return groups, types, nil
}
