package network

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PajekOptions configures ReadPajek. The zero value reads any Pajek .net
// file within the limits below.
type PajekOptions struct {
	// MaxVertices limits the vertex count a *Vertices line may declare
	// (default 1<<22 = 4,194,304). Every declared vertex is a node, so
	// without a limit a 30-byte file could declare a network of a hundred
	// million isolates; raise it to read larger Pajek files.
	MaxVertices int
	// MaxLineBytes limits the length of one line (default 1 MiB).
	MaxLineBytes int
}

// ReadPajek reads a whole network from a Pajek .net file (gzip compressed
// when it is). See ReadPajekFrom.
func ReadPajek(path string, opt PajekOptions) (*Graph, Report, error) {
	in, err := Open(path)
	if err != nil {
		return nil, Report{}, err
	}
	defer in.Close()
	return ReadPajekFrom(in, opt)
}

// ReadPajekFrom reads a whole network in Pajek's .net format:
//
//	*Vertices n
//	1 "label" [x y z and shape parameters, ignored]
//	*Edges | *Arcs
//	u v [weight]
//	*Edgeslist | *Arcslist
//	u v1 v2 ...
//
// Section names match in any letter case; lines starting with % are
// comments; CRLF line ends and blank lines are accepted; *Network lines
// are ignored. Vertices are numbered 1..n and become nodes 0..n-1 labelled by
// their label (quoted or not), or by their number when the file gives no
// label; labels must be unique. The graph is directed when the file has
// *Arcs or *Arcslist sections, undirected with *Edges or *Edgeslist; a file
// with both is an ErrMixedDirection error. It is weighted when some edge
// line has a weight (a third field; drawing parameters such as "c Blue",
// which start with a letter, are ignored); edges without one then get
// weight 1. Weights must be
// finite and non-negative. Self-loops are dropped and duplicate edges merged
// (weights summed), both counted in the Report.
//
// Errors are *ParseErrors naming the line: no *Vertices line
// (ErrEmptyFile), a vertex number out of range (ErrUnknownNode), a bad
// count, a bad weight (ErrBadWeight), a duplicate label (ErrDuplicateID),
// an unsupported section such as *Matrix, or a line that is too long
// (ErrTooLarge). The file is read line by line: time is linear in its size
// and memory is the Graph being built.
func ReadPajekFrom(in *Input, opt PajekOptions) (*Graph, Report, error) {
	if opt.MaxVertices <= 0 {
		opt.MaxVertices = 1 << 22
	}
	if opt.MaxLineBytes <= 0 {
		opt.MaxLineBytes = 1 << 20
	}
	var rep Report
	if in.BOM {
		rep.Add(in.Name, RepairBOM, 1)
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, min(64<<10, opt.MaxLineBytes)), opt.MaxLineBytes)
	file := in.Name
	line := 0
	errf := func(err error, format string, args ...any) error { return errAt(file, line, err, format, args...) }

	const (
		secNone = iota
		secVertices
		secEdges
		secList
	)
	sec := secNone
	n := -1
	var labels []string
	var labelLine []int
	var b *Builder
	weighted := false
	dirSet, directed := false, false
	startNodes := func() error {
		if b != nil {
			return nil
		}
		b = NewBuilder(false, true)
		for i, l := range labels {
			if l == "" {
				l = strconv.Itoa(i + 1)
			}
			if b.HasNode(l) {
				line = labelLine[i]
				return errf(ErrDuplicateID, "vertex %d has label %q, which another vertex has", i+1, l)
			}
			b.LookupOrAdd(l)
		}
		return nil
	}
	vertex := func(s string) (int64, error) {
		k, err := strconv.Atoi(s)
		if err != nil {
			return 0, errf(ErrSyntax, "%q is not a vertex number", s)
		}
		if k < 1 || k > n {
			return 0, errf(ErrUnknownNode, "vertex %d is out of range 1..%d", k, n)
		}
		return int64(k - 1), nil
	}
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if !utf8.ValidString(text) {
			return nil, rep, errf(ErrInvalidUTF8, "")
		}
		if text == "" || text[0] == '%' {
			continue
		}
		if text[0] == '*' {
			fields := strings.Fields(text)
			name := strings.ToLower(fields[0])
			switch name {
			case "*network":
				continue
			case "*vertices":
				if n >= 0 {
					return nil, rep, errf(ErrSyntax, "a second *Vertices line")
				}
				if len(fields) < 2 {
					return nil, rep, errf(ErrSyntax, "*Vertices needs the number of vertices")
				}
				k, err := strconv.Atoi(fields[1])
				if err != nil || k < 0 {
					return nil, rep, errf(ErrSyntax, "%q is not a vertex count", fields[1])
				}
				if len(fields) > 2 {
					// "*Vertices 4 2": a two-mode (bipartite) network, the
					// first 2 vertices one mode; this reader has one mode.
					return nil, rep, errf(ErrSyntax, "a two-mode network (*Vertices %s %s) is not supported: the reader would take it as one-mode", excerpt(fields[1]), excerpt(fields[2]))
				}
				if k > opt.MaxVertices {
					return nil, rep, errf(ErrTooLarge, "%d vertices (the limit is %d; PajekOptions.MaxVertices raises it)", k, opt.MaxVertices)
				}
				n = k
				labels = make([]string, n)
				labelLine = make([]int, n)
				sec = secVertices
				continue
			case "*edges", "*arcs", "*edgeslist", "*arcslist":
				if n < 0 {
					return nil, rep, errf(ErrSyntax, "%s before *Vertices", fields[0])
				}
				d := strings.HasPrefix(name, "*arcs")
				if dirSet && d != directed {
					return nil, rep, errf(ErrMixedDirection, "%s after a section of the other kind (the graph must be all edges or all arcs)", fields[0])
				}
				dirSet, directed = true, d
				if err := startNodes(); err != nil {
					return nil, rep, err
				}
				sec = secEdges
				if strings.HasSuffix(name, "list") {
					sec = secList
				}
				continue
			default:
				return nil, rep, errf(ErrSyntax, "section %s is not supported (want *Vertices, *Edges, *Arcs, *Edgeslist or *Arcslist)", fields[0])
			}
		}
		switch sec {
		case secNone:
			return nil, rep, errf(ErrSyntax, "a line before *Vertices")
		case secVertices:
			num, rest := text, ""
			if i := strings.IndexFunc(text, unicode.IsSpace); i >= 0 {
				num, rest = text[:i], text[i+1:]
			}
			k, err := vertex(num)
			if err != nil {
				return nil, rep, err
			}
			label, err := pajekLabel(strings.TrimSpace(rest))
			if err != nil {
				return nil, rep, errf(ErrSyntax, "vertex %d: %v", k+1, err)
			}
			if labelLine[k] != 0 {
				return nil, rep, errf(ErrDuplicateID, "vertex %d is declared twice (first on line %d)", k+1, labelLine[k])
			}
			labels[k], labelLine[k] = label, line
		case secEdges:
			f := strings.Fields(text)
			if len(f) < 2 {
				return nil, rep, errf(ErrFieldCount, "an edge line needs two vertex numbers")
			}
			u, err := vertex(f[0])
			if err != nil {
				return nil, rep, err
			}
			v, err := vertex(f[1])
			if err != nil {
				return nil, rep, err
			}
			w := 1.0
			if len(f) >= 3 && !pajekParam(f[2]) {
				if w, err = parseWeight(f[2]); err != nil {
					return nil, rep, errf(err, "edge %s %s", f[0], f[1])
				}
				weighted = true
			}
			if err := b.AddEdge(int(u), int(v), w); err != nil {
				return nil, rep, errf(err, "")
			}
		case secList:
			f := strings.Fields(text)
			u, err := vertex(f[0])
			if err != nil {
				return nil, rep, err
			}
			for _, s := range f[1:] {
				v, err := vertex(s)
				if err != nil {
					return nil, rep, err
				}
				if err := b.AddEdge(int(u), int(v), 1); err != nil {
					return nil, rep, errf(err, "")
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		line++
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, rep, errf(ErrTooLarge, "a line longer than %d bytes", opt.MaxLineBytes)
		}
		var pe *ParseError
		if errors.As(err, &pe) {
			return nil, rep, err
		}
		if err == io.ErrUnexpectedEOF {
			return nil, rep, errf(ErrSyntax, "the file is truncated")
		}
		return nil, rep, &ParseError{File: file, Line: line, Err: err}
	}
	if n < 0 {
		return nil, rep, &ParseError{File: file, Line: line, Err: fmt.Errorf("%w: no *Vertices line", ErrEmptyFile)}
	}
	if err := startNodes(); err != nil {
		return nil, rep, err
	}
	b.directed = directed
	if !weighted {
		b.weighted = false
		b.w = nil
	}
	g, st := b.Build()
	rep.addStats(file, st)
	return g, rep, nil
}

// pajekLabel returns the label at the start of the rest of a vertex line:
// the text between double quotes, or the first field; "" when there is none.
func pajekLabel(rest string) (string, error) {
	if rest == "" {
		return "", nil
	}
	if rest[0] == '"' {
		end := strings.IndexByte(rest[1:], '"')
		if end < 0 {
			return "", errors.New("the label's closing quote is missing")
		}
		return rest[1 : 1+end], nil
	}
	return strings.Fields(rest)[0], nil
}

// pajekParam reports whether a field after an edge's endpoints is a drawing
// parameter (c Blue, w 2, l "label", ...) rather than a weight: it starts
// with a letter, as networkx's read_pajek also assumes.
func pajekParam(f string) bool {
	c := f[0]
	return (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && !strings.EqualFold(f, "nan") && !strings.EqualFold(f, "inf")
}
