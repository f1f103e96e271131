package main

import (
	"errors"
	"flag"
	"io"
	"strings"

	"github.com/sociogram/sociogram/network"
)

// inputFlags are the input flags shared by every command that reads data
// (egos, nodes, draw, compare, convert): either survey ego networks (three
// CSV tables, a Network Canvas CSV export, or GraphML with one graph per ego)
// or a whole network (an edge list with an optional node file, a Pajek file,
// or a GraphML file).
type inputFlags struct {
	// survey ego networks
	egos, alters, ties string
	egoID, alterID     string
	source, target     string
	alterWeight        string
	wave               string
	netcanvas          string

	// whole networks
	edges, nodes string
	nodeID       string
	pajek        string

	// GraphML: a whole network or survey ego networks (see loadGraphML)
	graphml string

	// both
	weight   string
	directed bool
}

// addEgo registers the survey-data flags on fs.
func (f *inputFlags) addEgo(fs *flag.FlagSet) {
	fs.StringVar(&f.egos, "egos", "", "egos table `FILE` (egoID, attributes...)")
	fs.StringVar(&f.alters, "alters", "", "alters table `FILE` (egoID, alterID, attributes...)")
	fs.StringVar(&f.ties, "ties", "", "alter-alter ties table `FILE` (egoID, Source, Target[, weight]); optional")
	fs.StringVar(&f.egoID, "ego-id", "egoID", "ego ID `COLUMN` in all three tables")
	fs.StringVar(&f.alterID, "alter-id", "alterID", "alter ID `COLUMN` of the alters table")
	fs.StringVar(&f.source, "source", "", "first endpoint `COLUMN` of a tie (default Source in the ties table, source in an edge list)")
	fs.StringVar(&f.target, "target", "", "second endpoint `COLUMN` of a tie (default Target in the ties table, target in an edge list)")
	fs.StringVar(&f.alterWeight, "alter-weight", "", "ego-alter tie weight `COLUMN` of the alters table")
	fs.StringVar(&f.wave, "wave", "", "wave (time point) `COLUMN` of the egos table")
	fs.StringVar(&f.netcanvas, "netcanvas", "", "survey ego networks from a Network Canvas CSV export `DIR` (one ego per interview; --ego-id networkCanvasCaseID for case IDs)")
}

// addWhole registers the whole-network flags on fs.
func (f *inputFlags) addWhole(fs *flag.FlagSet) {
	fs.StringVar(&f.edges, "edges", "", "edge list `FILE` (source,target[,weight])")
	fs.StringVar(&f.nodes, "nodes", "", "node attributes `FILE` (id, attributes...); optional")
	fs.StringVar(&f.nodeID, "node-id", "", "node ID `COLUMN` of the node file (default id)")
	fs.StringVar(&f.pajek, "pajek", "", "whole network as a Pajek .net `FILE`")
}

// addCommon registers the flags that apply to both kinds of input.
func (f *inputFlags) addCommon(fs *flag.FlagSet) {
	fs.StringVar(&f.weight, "weight", "", "tie weight `COLUMN` (default \"weight\" when present; \"-\" for none)")
	fs.BoolVar(&f.directed, "directed", false, "ties are directed (Source -> Target); GraphML and Pajek files say so themselves")
	fs.StringVar(&f.graphml, "graphml", "", "GraphML `FILE|DIR`: a directory, or a file with a graph-level egoID key, Network Canvas's nc:caseId or several graphs, holds survey ego networks, one graph per ego; any other file is a whole network")
}

// isEgo reports whether survey input was given.
func (f *inputFlags) isEgo() bool { return f.egos != "" || f.alters != "" || f.ties != "" }

// isWhole reports whether whole-network CSV input was given.
func (f *inputFlags) isWhole() bool { return f.edges != "" || f.nodes != "" }

// graphMLOptions returns the GraphML reader options of the flags.
func (f *inputFlags) graphMLOptions() network.GraphMLOptions {
	return network.GraphMLOptions{Weight: f.weight, EgoID: f.egoID, Wave: f.wave, AlterWeight: f.alterWeight}
}

// loadGraphML reads --graphml: survey ego networks when
// network.IsGraphMLDataset says the path holds them (a directory, or a file
// with a graph-level ego ID key or Network Canvas metadata) or when the file
// turns out to hold several graphs, else a whole network.
func (f *inputFlags) loadGraphML(stderr io.Writer) (*loaded, error) {
	opt := f.graphMLOptions()
	isDS, err := network.IsGraphMLDataset(f.graphml, opt)
	if err != nil {
		return nil, err
	}
	if isDS {
		ds, rep, err := network.ReadGraphMLDataset(f.graphml, opt)
		if err != nil {
			return nil, err
		}
		warn(stderr, rep.Lines())
		return &loaded{ds: ds}, nil
	}
	g, rep, err := network.ReadGraphML(f.graphml, opt)
	if errors.Is(err, network.ErrSeveralGraphs) {
		// Several graphs without ego IDs: ego networks named by their
		// graph ids.
		ds, rep, err := network.ReadGraphMLDataset(f.graphml, opt)
		if err != nil {
			return nil, err
		}
		warn(stderr, rep.Lines())
		return &loaded{ds: ds}, nil
	}
	if err != nil {
		return nil, err
	}
	warn(stderr, rep.Lines())
	return &loaded{g: g}, nil
}

// inputKinds returns the names of the kinds of input the flags give.
func (f *inputFlags) inputKinds() []string {
	var k []string
	if f.isEgo() {
		k = append(k, "survey tables (--egos/--alters/--ties)")
	}
	if f.isWhole() {
		k = append(k, "an edge list (--edges/--nodes)")
	}
	if f.graphml != "" {
		k = append(k, "--graphml")
	}
	if f.pajek != "" {
		k = append(k, "--pajek")
	}
	if f.netcanvas != "" {
		k = append(k, "--netcanvas")
	}
	return k
}

// egoOptions returns the reader options of the survey flags.
func (f *inputFlags) egoOptions() network.EgoCSVOptions {
	return network.EgoCSVOptions{
		EgoID: f.egoID, AlterID: f.alterID, Source: f.source, Target: f.target,
		Weight: f.weight, AlterWeight: f.alterWeight, Wave: f.wave, Directed: f.directed,
	}
}

// wholeOptions returns the reader options of the whole-network flags.
func (f *inputFlags) wholeOptions() network.EdgeListOptions {
	return network.EdgeListOptions{Source: f.source, Target: f.target, Weight: f.weight, NodeID: f.nodeID, Directed: f.directed}
}

// loaded is what an input holds: a survey dataset or a whole network.
// noteInputs records the input files, so that no output replaces one.
func (f *inputFlags) noteInputs() {
	noteInputs(f.egos, f.alters, f.ties, f.netcanvas, f.edges, f.nodes, f.pajek, f.graphml)
}

type loaded struct {
	ds *network.Dataset
	g  *network.Graph
}

// load reads the input the flags name, prints the reader's repairs as
// warnings on stderr, and returns a usage error when no input, or both
// kinds, are given.
func (f *inputFlags) load(stderr io.Writer) (*loaded, error) {
	f.noteInputs()
	if k := f.inputKinds(); len(k) > 1 {
		return nil, usagef("give one input, not %s", strings.Join(k, " and "))
	}
	switch {
	case f.graphml != "":
		return f.loadGraphML(stderr)
	case f.netcanvas != "":
		opt := network.NetCanvasOptions{Directed: f.directed}
		if f.egoID != "egoID" {
			opt.EgoID = f.egoID
		}
		ds, rep, err := network.ReadNetCanvas(f.netcanvas, opt)
		if err != nil {
			return nil, err
		}
		warn(stderr, rep.Lines())
		return &loaded{ds: ds}, nil
	case f.pajek != "":
		g, rep, err := network.ReadPajek(f.pajek, network.PajekOptions{})
		if err != nil {
			return nil, err
		}
		warn(stderr, rep.Lines())
		return &loaded{g: g}, nil
	case f.isEgo():
		if f.egos == "" || f.alters == "" {
			return nil, usagef("survey input needs --egos and --alters (and --ties for alter-alter ties)")
		}
		ds, rep, err := network.ReadEgoCSV(f.egos, f.alters, f.ties, f.egoOptions())
		if err != nil {
			return nil, err
		}
		warn(stderr, rep.Lines())
		return &loaded{ds: ds}, nil
	case f.isWhole():
		if f.edges == "" {
			return nil, usagef("whole-network input needs --edges (the node file is optional)")
		}
		g, rep, err := network.ReadEdgeList(f.edges, f.nodes, f.wholeOptions())
		if err != nil {
			return nil, err
		}
		warn(stderr, rep.Lines())
		return &loaded{g: g}, nil
	}
	return nil, usagef("no input: give --egos/--alters[/--ties], --edges[/--nodes], --graphml, --pajek or --netcanvas")
}
