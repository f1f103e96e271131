package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/sociogram/sociogram/measures"
	"github.com/sociogram/sociogram/network"
	"github.com/sociogram/sociogram/parquetio"
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

	// one-file survey tables
	wide, alterPrefix, tieColumns string
	maxAlters                     int
	egoweb, egowebPairs           string
	tieQuestion, tieValues        string

	// whole networks
	edges, nodes string
	nodeID       string
	pajek        string
	maxVertices  int

	// GraphML: a whole network or survey ego networks (see loadGraphML)
	graphml string

	// both
	weight   string
	directed bool

	// CSV reading (see addCSV)
	delimiter, decimal                string
	missingWeight, missingAlterWeight string
	delimitersSaid                    bool // sayDelimiters has spoken

	// --classify and --instruments for commands that take them through
	// addCapital (draw); egos, nodes and compare register their own.
	capital *capitalFlags

	typeFlags                // node types, tie types, tie rule (typeflags.go)
	limits    network.Limits // --max-record-bytes, --max-fields, --max-gzip-ratio

	graphMLMaxKeys, graphMLMaxAttrs int // --max-graphml-keys, --max-graphml-attrs
}

// addCapital registers --classify and --instruments on fs; load then
// checks them against the data and puts them in loaded.table.
func (f *inputFlags) addCapital(fs *flag.FlagSet) {
	f.capital = &capitalFlags{}
	f.capital.add(fs)
}

// addEgo registers the survey-data flags on fs.
func (f *inputFlags) addEgo(fs *flag.FlagSet) {
	fs.StringVar(&f.egos, "egos", "", "egos table `FILE` (egoID, attributes...)")
	fs.StringVar(&f.alters, "alters", "", "alters table `FILE` (egoID, alterID, attributes...)")
	fs.StringVar(&f.ties, "ties", "", "alter-alter ties table `FILE` (egoID, Source, Target[, weight]); optional")
	fs.StringVar(&f.egoID, "ego-id", "egoID", "ego ID `COLUMN` in all three tables (egor's .egoID is found too)")
	fs.StringVar(&f.alterID, "alter-id", "alterID", "alter ID `COLUMN` of the alters table (egor's .altID is found too)")
	fs.StringVar(&f.alterWeight, "alter-weight", "", "ego-alter tie weight `COLUMN` of the alters table")
	fs.StringVar(&f.missingAlterWeight, "missing-alter-weight", "error", "what to do with an alter whose --alter-weight is empty or NA: `error`, drop (the alter and its ties), or a VALUE to use")
	fs.StringVar(&f.wave, "wave", "", "wave (time point) `COLUMN` of the egos table")
	fs.StringVar(&f.wide, "wide", "", "survey ego networks from one wide `FILE`, one row per ego (alters in numbered columns, ties as a half-matrix; see --alter-prefix, --tie-columns)")
	fs.StringVar(&f.alterPrefix, "alter-prefix", "alter", "with --wide: the `PREFIX` of the alter columns (alter.sex.1, alter_1_sex, ...)")
	fs.IntVar(&f.maxAlters, "max-alters", 0, "with --wide: the number `N` of alter slots (default: the largest alter number in the columns)")
	fs.StringVar(&f.tieColumns, "tie-columns", "tie_{i}_{j}", "with --wide: the `PATTERN` of the tie columns, {i} and {j} the alters' numbers (0 no tie, empty/NA skipped, else the weight)")
	fs.StringVar(&f.egoweb, "egoweb", "", "survey ego networks from EgoWeb 2.0's ego-alter export `FILE` (one row per alter)")
	fs.StringVar(&f.egowebPairs, "egoweb-pairs", "", "with --egoweb: EgoWeb 2.0's alter-pair export `FILE`")
	fs.StringVar(&f.tieQuestion, "tie-question", "", "with --egoweb-pairs: the alter-pair question `COLUMN` that says whether two alters are tied (default: the first)")
	fs.StringVar(&f.tieValues, "tie-values", "", "with --egoweb-pairs: the answers that mean a tie, `A|B` (default: any positive number)")
	fs.StringVar(&f.netcanvas, "netcanvas", "", "survey ego networks from a Network Canvas CSV export `DIR` (one ego per interview; --ego-id networkCanvasCaseID for case IDs)")
}

// addWhole registers the whole-network flags on fs.
func (f *inputFlags) addWhole(fs *flag.FlagSet) {
	fs.StringVar(&f.edges, "edges", "", "edge list `FILE` (source,target[,weight]): CSV, or Parquet when named *.parquet")
	fs.StringVar(&f.nodes, "nodes", "", "node attributes `FILE` (id, attributes...), CSV or *.parquet as --edges; optional")
	fs.StringVar(&f.nodeID, "node-id", "", "node ID `COLUMN` of the node file (default id)")
	fs.StringVar(&f.pajek, "pajek", "", "whole network as a Pajek .net `FILE`")
	fs.IntVar(&f.maxVertices, "max-vertices", 0, "largest vertex `COUNT` a Pajek *Vertices line may declare (0: 4194304)")
}

// addCommon registers the flags that apply to both kinds of input.
func (f *inputFlags) addCommon(fs *flag.FlagSet) {
	fs.StringVar(&f.source, "source", "", "first endpoint `COLUMN` of a tie (default Source or egor's .srcID in the ties table, source in an edge list)")
	fs.StringVar(&f.target, "target", "", "second endpoint `COLUMN` of a tie (default Target or egor's .tgtID in the ties table, target in an edge list)")
	fs.StringVar(&f.weight, "weight", "", "tie weight `COLUMN` (default \"weight\" when present; \"-\" ignores a weight column: ties unweighted)")
	fs.StringVar(&f.missingWeight, "missing-weight", "error", "what to do with a tie whose weight is empty or NA (survey tables): `error`, drop (the tie), or a VALUE to use")
	fs.StringVar(&f.delimiter, "delimiter", "", "CSV field `DELIMITER`: , or ; or tab (default: detected from each file's header, and said on stderr)")
	fs.StringVar(&f.decimal, "decimal", "", "decimal `MARK` of numbers in CSV files: . or , (default , in ;-separated files, as R's write.csv2, else .)")
	fs.BoolVar(&f.directed, "directed", false, "ties are directed (Source -> Target); GraphML and Pajek files say so themselves")
	f.addTypes(fs)
	fs.IntVar(&f.limits.MaxRecordBytes, "max-record-bytes", 16<<20, "refuse a CSV record (line) longer than `N` bytes")
	fs.IntVar(&f.limits.MaxFields, "max-fields", 1<<16, "refuse a CSV record of more than `N` fields")
	fs.IntVar(&f.limits.MaxGzipRatio, "max-gzip-ratio", 200, "refuse gzip input that expands more than `N` times (past its first 64 MiB)")
	fs.IntVar(&f.graphMLMaxKeys, "max-graphml-keys", 1000, "refuse GraphML with more than `N` <key> declarations")
	fs.IntVar(&f.graphMLMaxAttrs, "max-graphml-attrs", 256, "refuse a GraphML tag with more than `N` attributes")
	switch {
	case fs.Lookup("egos") == nil: // nodes: whole networks only
		fs.StringVar(&f.graphml, "graphml", "", "whole network as a GraphML `FILE` (one graph)")
	case fs.Lookup("edges") == nil: // egos, compare, classify: survey data only
		fs.StringVar(&f.graphml, "graphml", "", "survey ego networks as GraphML, one graph per ego: a `DIR` of files, or a FILE with several graphs, a graph-level egoID key or Network Canvas's nc:caseId")
	default:
		fs.StringVar(&f.graphml, "graphml", "", "GraphML `FILE|DIR`: a directory, or a file with a graph-level egoID key, Network Canvas's nc:caseId or several graphs, holds survey ego networks, one graph per ego; any other file is a whole network")
	}
}

// isEgo reports whether survey input was given.
func (f *inputFlags) isEgo() bool { return f.egos != "" || f.alters != "" || f.ties != "" }

// isWhole reports whether whole-network CSV input was given.
func (f *inputFlags) isWhole() bool { return f.edges != "" || f.nodes != "" }

// graphMLOptions returns the GraphML reader options of the flags.
func (f *inputFlags) graphMLOptions() network.GraphMLOptions {
	egoID := f.egoID
	if egoID == "egoID" {
		egoID = "" // the default: the data's own ego ID column when writing
	}
	return network.GraphMLOptions{Weight: f.weight, EgoID: egoID, Wave: f.wave, AlterWeight: f.alterWeight,
		MaxKeys: f.graphMLMaxKeys, MaxAttrs: f.graphMLMaxAttrs}
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
		warnReport(stderr, rep)
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
		warnReport(stderr, rep)
		return &loaded{ds: ds}, nil
	}
	if err != nil {
		return nil, err
	}
	warnReport(stderr, rep)
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
	if f.wide != "" {
		k = append(k, "--wide")
	}
	if f.egoweb != "" || f.egowebPairs != "" {
		k = append(k, "--egoweb")
	}
	return k
}

// egoOptions returns the reader options of the survey flags; checkCSV has
// checked them.
func (f *inputFlags) egoOptions() network.EgoCSVOptions {
	comma, _ := parseDelimiter(f.delimiter)
	mw, _ := parseMissing("--missing-weight", f.missingWeight)
	maw, _ := parseMissing("--missing-alter-weight", f.missingAlterWeight)
	dec := rune(0)
	if f.decimal != "" {
		dec = rune(f.decimal[0])
	}
	return network.EgoCSVOptions{
		EgoID: f.egoID, AlterID: f.alterID, Source: f.source, Target: f.target,
		Weight: f.weight, AlterWeight: f.alterWeight, Wave: f.wave, Directed: f.directed,
		Comma: comma, Decimal: dec, MissingWeight: mw, MissingAlterWeight: maw,
		TieType: f.tieTypeColumn,
		Limits:  f.limits,
	}
}

// wideOptions returns the reader options of --wide.
func (f *inputFlags) wideOptions() network.WideOptions {
	o := f.egoOptions()
	return network.WideOptions{EgoID: o.EgoID, Wave: f.wave, AlterPrefix: f.alterPrefix, MaxAlters: f.maxAlters,
		TieColumns: f.tieColumns, Weight: f.weight, Directed: f.directed, Comma: o.Comma, Decimal: o.Decimal}
}

// egowebOptions returns the reader options of --egoweb.
func (f *inputFlags) egowebOptions() network.EgoWebOptions {
	o := network.EgoWebOptions{TieQuestion: f.tieQuestion, Directed: f.directed, Comma: f.egoOptions().Comma}
	if f.egoID != "egoID" {
		o.EgoID = f.egoID
	}
	if f.tieValues != "" {
		o.TieValues = strings.Split(f.tieValues, "|")
	}
	return o
}

// wholeOptions returns the reader options of the whole-network flags.
func (f *inputFlags) wholeOptions() network.EdgeListOptions {
	comma, _ := parseDelimiter(f.delimiter)
	return network.EdgeListOptions{Source: f.source, Target: f.target, Weight: f.weight, NodeID: f.nodeID, Directed: f.directed, Comma: comma, Limits: f.limits}
}

// checkCSV checks the CSV reading flags before any data is read.
func (f *inputFlags) checkCSV() error {
	if _, err := parseDelimiter(f.delimiter); err != nil {
		return err
	}
	switch f.decimal {
	case "", ".", ",":
	default:
		return usagef("unknown --decimal %q (want . or ,)", f.decimal)
	}
	if f.missingAlterWeight != "error" && f.missingAlterWeight != "" && f.alterWeight == "" {
		return usagef("--missing-alter-weight needs --alter-weight COLUMN")
	}
	if _, err := parseMissing("--missing-weight", f.missingWeight); err != nil {
		return err
	}
	_, err := parseMissing("--missing-alter-weight", f.missingAlterWeight)
	return err
}

// hintMissing adds the flag that chooses what to do to a missing-weight
// error.
func (f *inputFlags) hintMissing(err error) error {
	if !errors.Is(err, network.ErrMissingWeight) {
		return err
	}
	flag := "--missing-weight"
	var pe *network.ParseError
	if errors.As(err, &pe) && pe.File == f.alters {
		flag = "--missing-alter-weight"
	}
	return fmt.Errorf("%w (%s error|drop|VALUE)", err, flag)
}

// parseDelimiter reads --delimiter: "" (detect), ",", ";", "tab" or a tab.
func parseDelimiter(s string) (rune, error) {
	switch s {
	case "":
		return 0, nil
	case ",", ";", "\t":
		return rune(s[0]), nil
	case "tab", "TAB", `\t`:
		return '\t', nil
	}
	return 0, usagef("unknown --delimiter %q (want , or ; or tab)", s)
}

// parseMissing reads --missing-weight and --missing-alter-weight: error,
// drop, or a weight.
func parseMissing(flag, s string) (network.MissingWeight, error) {
	switch s {
	case "", "error":
		return network.MissingWeight{}, nil
	case "drop":
		return network.MissingWeight{Action: network.MissingDrop}, nil
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return network.MissingWeight{}, usagef("%s %q: want error, drop, or a weight (a finite number, not negative)", flag, s)
	}
	return network.MissingWeight{Action: network.MissingFill, Value: v}, nil
}

// sayDelimiters prints, for each CSV file whose delimiter was not given,
// the delimiter the readers detect from its header, when it is not a comma
// (so that a surprise shows before a confusing error).
func (f *inputFlags) sayDelimiters(stderr io.Writer, files ...string) {
	if f.delimiter != "" || f.delimitersSaid {
		return
	}
	f.delimitersSaid = true
	var found []string // the files of each delimiter, in order
	by := map[rune][]string{}
	for _, p := range files {
		if p == "" {
			continue
		}
		c, err := network.DetectDelimiter(p)
		if err != nil || c == ',' {
			continue // the reader reports a file it cannot open
		}
		if by[c] == nil {
			found = append(found, string(c))
		}
		by[c] = append(by[c], p)
	}
	for _, k := range found {
		c := rune(k[0])
		name := map[rune]string{';': "';'", '\t': "tab"}[c]
		dec := ""
		if c == ';' && f.decimal == "" {
			dec = " with decimal commas"
		}
		fmt.Fprintf(stderr, "sociogram: %s: %s-separated%s (detected from the header; --delimiter to choose)\n", strings.Join(by[c], ", "), name, dec)
	}
}

// noteInputs records the input files, so that no output replaces one.
func (f *inputFlags) noteInputs() {
	noteInputs(f.egos, f.alters, f.ties, f.netcanvas, f.edges, f.nodes, f.pajek, f.graphml)
}

// loaded is what an input holds: a survey dataset or a whole network, and
// the measure table options of --classify and --instruments (addCapital).
type loaded struct {
	ds    *network.Dataset
	g     *network.Graph
	table measures.TableOptions
}

// capitalOptions returns the table options of a capitalFlags for src,
// the rules checked against its attributes (for a whole network, the node
// attributes stand for the ego's and the alters').
func capitalOptions(cf *capitalFlags, src *loaded) (measures.TableOptions, error) {
	ds := src.ds
	if ds == nil {
		g := src.g
		ds = &network.Dataset{EgoAttrs: g.Attrs(), AlterAttrs: g.Attrs(), TieAttrs: network.NewSchema(),
			Directed: g.Directed(), AlterWeighted: g.IsWeighted()}
	}
	return cf.options(ds, measures.TableOptions{})
}

// load reads the input the flags name, prints the reader's repairs as
// warnings on stderr, and returns a usage error when no input, or both
// kinds, are given. With addCapital, the rules and instruments are read
// and checked too.
func (f *inputFlags) load(stderr io.Writer) (*loaded, error) {
	src, err := f.loadData(stderr)
	if err == nil {
		src, err = f.applyTypes(src, stderr) // --tie-rule, --tie-type (typeflags.go)
	}
	if err != nil || f.capital == nil {
		return src, err
	}
	if src.table, err = capitalOptions(f.capital, src); err != nil {
		return nil, err
	}
	src.table.Types = f.tableTypes() // typeflags.go
	return src, nil
}

// loadData is load without the rules and instruments.
func (f *inputFlags) loadData(stderr io.Writer) (*loaded, error) {
	f.noteInputs()
	if k := f.inputKinds(); len(k) > 1 {
		return nil, usagef("give one input, not %s", strings.Join(k, " and "))
	}
	if err := f.checkCSV(); err != nil {
		return nil, err
	}
	switch {
	case f.graphml != "":
		return f.loadGraphML(stderr)
	case f.netcanvas != "":
		opt := network.NetCanvasOptions{Directed: f.directed, Type: f.nodeTypeColumn, Limits: f.limits}
		if f.egoID != "egoID" {
			opt.EgoID = f.egoID
		}
		ds, rep, err := network.ReadNetCanvas(f.netcanvas, opt)
		if err != nil {
			return nil, err
		}
		warnReport(stderr, rep)
		return &loaded{ds: ds}, nil
	case f.wide != "":
		f.sayDelimiters(stderr, f.wide)
		ds, rep, err := network.ReadWide(f.wide, f.wideOptions())
		if err != nil {
			return nil, err
		}
		warnReport(stderr, rep)
		return &loaded{ds: ds}, nil
	case f.egoweb != "" || f.egowebPairs != "":
		if f.egoweb == "" {
			return nil, usagef("--egoweb-pairs needs --egoweb, the ego-alter file")
		}
		f.sayDelimiters(stderr, f.egoweb, f.egowebPairs)
		ds, rep, err := network.ReadEgoWeb(f.egoweb, f.egowebPairs, f.egowebOptions())
		if err != nil {
			return nil, err
		}
		warnReport(stderr, rep)
		return &loaded{ds: ds}, nil
	case f.pajek != "":
		g, rep, err := network.ReadPajek(f.pajek, network.PajekOptions{MaxVertices: f.maxVertices})
		if err != nil {
			return nil, err
		}
		warnReport(stderr, rep)
		return &loaded{g: g}, nil
	case f.isEgo():
		if f.egos == "" || f.alters == "" {
			return nil, usagef("survey input needs --egos and --alters (and --ties for alter-alter ties)")
		}
		f.sayDelimiters(stderr, f.egos, f.alters, f.ties)
		ds, rep, err := network.ReadEgoCSV(f.egos, f.alters, f.ties, f.egoOptions())
		if err != nil {
			return nil, f.hintMissing(err)
		}
		warnReport(stderr, rep)
		return &loaded{ds: ds}, nil
	case f.isWhole():
		if f.edges == "" {
			return nil, usagef("whole-network input needs --edges (the node file is optional)")
		}
		if parquetio.IsParquet(f.edges) || (f.nodes != "" && parquetio.IsParquet(f.nodes)) {
			if !parquetio.IsParquet(f.edges) || (f.nodes != "" && !parquetio.IsParquet(f.nodes)) {
				return nil, usagef("give --edges and --nodes both as Parquet (*.parquet) or both as CSV")
			}
			g, rep, err := parquetio.ReadEdgeList(f.edges, f.nodes, f.wholeOptions())
			if err != nil {
				return nil, err
			}
			warnReport(stderr, rep)
			return &loaded{g: g}, nil
		}
		f.sayDelimiters(stderr, f.edges)
		g, rep, err := network.ReadEdgeList(f.edges, f.nodes, f.wholeOptions())
		if err != nil {
			return nil, err
		}
		warnReport(stderr, rep)
		return &loaded{g: g}, nil
	}
	return nil, usagef("no input: give --egos/--alters[/--ties], --wide, --egoweb, --edges[/--nodes], --graphml, --pajek or --netcanvas")
}

// quietRepairs are repairs that leave the user nothing to do, and are not
// printed: a whole network has no graph-level attributes, so the ones
// networkx writes into every GraphML file are dropped without a word.
var quietRepairs = map[network.RepairKind]bool{network.RepairGraphData: true}

// warnReport prints a reader's repairs as warnings on stderr: one line per
// file and kind, or, for a kind made in more than two files (a directory
// of GraphML files), one line with the total and the number of files.
func warnReport(stderr io.Writer, rep network.Report) {
	files := map[network.RepairKind][]network.Repair{}
	var order []network.RepairKind
	for _, x := range rep.Repairs {
		if quietRepairs[x.Kind] {
			continue
		}
		if _, ok := files[x.Kind]; !ok {
			order = append(order, x.Kind)
		}
		files[x.Kind] = append(files[x.Kind], x)
	}
	for _, k := range order {
		xs := files[k]
		if len(xs) <= 2 {
			var r network.Report
			r.Repairs = xs
			warn(stderr, r.Lines())
			continue
		}
		total := network.Repair{Kind: k, Value: xs[0].Value}
		for _, x := range xs {
			total.Count += x.Count
		}
		var r network.Report
		r.Repairs = []network.Repair{total}
		line := strings.TrimPrefix(r.Lines()[0], ": ")
		warn(stderr, []string{fmt.Sprintf("%s in %d files (the first %s)", line, len(xs), xs[0].File)})
	}
}
