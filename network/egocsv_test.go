package network

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeFiles writes name → content into a temporary directory and returns
// the directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		data := []byte(content)
		if strings.HasSuffix(name, ".gz") {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(data)
			zw.Close()
			data = buf.Bytes()
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	return dir
}

// The small study used by several tests: ego e1 with four alters, a
// duplicate tie (a-b twice, weights 1+2) and a self-tie; ego e2 with one
// alter; ego e3 with none. Alter d has a missing sex.
var studyFiles = map[string]string{
	"egos.csv":   "egoID,sex,age\ne1,f,34\ne2,m,NA\ne3,f,51\n",
	"alters.csv": "egoID,alterID,sex,closeness\ne1,a,f,1\ne1,b,m,2\ne1,c,f,3\ne1,d,,1\ne2,x,m,2\n",
	"aaties.csv": "egoID,Source,Target,weight\ne1,a,b,1\ne1,b,a,2\ne1,c,c,1\ne1,c,d,0.5\n",
}

func readStudy(t *testing.T, dir string, opt EgoCSVOptions) (*Dataset, Report) {
	t.Helper()
	ds, rep, err := ReadEgoCSV(filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv"), opt)
	require.NoError(t, err)
	return ds, rep
}

func TestReadEgoCSV(t *testing.T) {
	ds, rep := readStudy(t, writeFiles(t, studyFiles), EgoCSVOptions{})
	require.Len(t, ds.Egos, 3, "egos with zero alters keep their row")
	e1, e2, e3 := ds.Egos[0], ds.Egos[1], ds.Egos[2]
	assert.Equal(t, []string{"e1", "e2", "e3"}, []string{e1.ID, e2.ID, e3.ID})
	assert.Equal(t, 4, e1.Size())
	assert.Equal(t, 1, e2.Size())
	assert.Equal(t, 0, e3.Size())
	assert.True(t, ds.TieWeighted, "aaties has a weight column")
	assert.False(t, ds.AlterWeighted)
	// a-b merged with weight 3; c-c dropped; c-d kept.
	require.Len(t, e1.Ties, 2)
	assert.Equal(t, Tie{From: 0, To: 1, Weight: 3, Attrs: Attrs{}}, e1.Ties[0])
	assert.Equal(t, 0.5, e1.Ties[1].Weight)
	assert.Equal(t, 1, rep.Count(RepairSelfLoops))
	assert.Equal(t, 1, rep.Count(RepairDuplicates))
	// Attributes and kinds.
	assert.Equal(t, "f", e1.EgoValue("sex").Text)
	assert.True(t, e2.EgoValue("age").IsMissing())
	age, _ := ds.EgoAttrs.Index("age")
	assert.Equal(t, Number, ds.EgoAttrs.Kind(age))
	sex, ok := e1.AlterValues("sex")
	require.True(t, ok)
	assert.True(t, sex[3].IsMissing(), "empty field is missing")
	cl, _ := ds.AlterAttrs.Index("closeness")
	assert.Equal(t, Number, ds.AlterAttrs.Kind(cl))
	_, ok = ds.AlterAttrs.Index("alterID")
	assert.False(t, ok, "ID columns are not attributes")
}

func TestReadEgoCSVBOMCRLFGzip(t *testing.T) {
	files := map[string]string{
		"egos.csv.gz": "\uFEFFegoID,sex\r\ne1,f\r\n",
		"alters.csv":  "\uFEFFegoID,alterID\r\ne1,a\r\ne1,b\r\n",
		"aaties.csv":  "egoID,Source,Target\r\ne1,a,b\r\n",
	}
	dir := writeFiles(t, files)
	ds, rep, err := ReadEgoCSV(filepath.Join(dir, "egos.csv.gz"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv"), EgoCSVOptions{})
	require.NoError(t, err)
	assert.Equal(t, 2, ds.Egos[0].Size())
	assert.Len(t, ds.Egos[0].Ties, 1)
	assert.False(t, ds.TieWeighted)
	assert.Equal(t, 2, rep.Count(RepairBOM))
	_, ok := ds.EgoAttrs.Index("sex")
	assert.True(t, ok, "header name after the BOM is clean")
}

func TestReadEgoCSVWavesAndNames(t *testing.T) {
	// Custom column names, ego–alter weights, waves with a wave column in
	// the alters and ties tables, directed ties.
	files := map[string]string{
		"egos.csv":   "id;t;sex\np1;1;f\np1;2;f\n",
		"alters.csv": "id;t;who;close\np1;1;a;3\np1;1;b;1\np1;2;a;2\n",
		"aaties.csv": "id;t;from;to\np1;1;a;b\np1;1;b;a\n",
	}
	dir := writeFiles(t, files)
	opt := EgoCSVOptions{EgoID: "id", AlterID: "who", Source: "from", Target: "to", AlterWeight: "close", Wave: "t", Directed: true, Comma: ';'}
	ds, rep := readStudy(t, dir, opt)
	assert.Empty(t, rep.Repairs)
	require.Len(t, ds.Egos, 2)
	assert.Equal(t, []string{"1", "2"}, ds.Waves())
	w1 := ds.Ego("p1", "1")
	require.NotNil(t, w1)
	assert.Equal(t, 2, w1.Size())
	assert.Equal(t, 3.0, w1.Alters[0].Weight)
	assert.Len(t, w1.Ties, 2, "directed: a→b and b→a are two arcs")
	assert.Equal(t, 1, ds.Ego("p1", "2").Size())
	_, ok := ds.AlterAttrs.Index("close")
	assert.False(t, ok, "the weight column is not an attribute")
}

func TestEgoCSVRoundTrip(t *testing.T) {
	for _, opt := range []EgoCSVOptions{{}, {Directed: true}} {
		ds, _ := readStudy(t, writeFiles(t, studyFiles), opt)
		out := t.TempDir()
		require.NoError(t, WriteEgoCSVDir(out, ds, opt))
		back, rep := readStudy(t, out, opt)
		assert.Empty(t, rep.Repairs, "a written study needs no repair")
		assertSameDataset(t, ds, back)
	}
}

// assertSameDataset compares two datasets value by value.
func assertSameDataset(t *testing.T, want, got *Dataset) {
	t.Helper()
	assert.Equal(t, want.EgoAttrs.Names(), got.EgoAttrs.Names())
	assert.Equal(t, want.AlterAttrs.Names(), got.AlterAttrs.Names())
	assert.Equal(t, want.Directed, got.Directed)
	assert.Equal(t, want.TieWeighted, got.TieWeighted)
	require.Len(t, got.Egos, len(want.Egos))
	for i, we := range want.Egos {
		ge := got.Egos[i]
		assert.Equal(t, we.ID, ge.ID)
		assert.Equal(t, we.Wave, ge.Wave)
		for c := 0; c < want.EgoAttrs.Len(); c++ {
			assert.Equal(t, we.Attrs.At(c), ge.Attrs.At(c), "ego %s attr %d", we.ID, c)
		}
		require.Len(t, ge.Alters, len(we.Alters))
		for k, wa := range we.Alters {
			ga := ge.Alters[k]
			assert.Equal(t, wa.ID, ga.ID)
			assert.Equal(t, wa.Weight, ga.Weight)
			for c := 0; c < want.AlterAttrs.Len(); c++ {
				assert.Equal(t, wa.Attrs.At(c), ga.Attrs.At(c))
			}
		}
		require.Len(t, ge.Ties, len(we.Ties))
		for k, wt := range we.Ties {
			assert.Equal(t, wt.From, ge.Ties[k].From)
			assert.Equal(t, wt.To, ge.Ties[k].To)
			assert.Equal(t, wt.Weight, ge.Ties[k].Weight)
		}
	}
}

func TestReadEgoCSVErrors(t *testing.T) {
	base := func(over map[string]string) map[string]string {
		m := map[string]string{}
		for k, v := range studyFiles {
			m[k] = v
		}
		for k, v := range over {
			m[k] = v
		}
		return m
	}
	cases := []struct {
		name  string
		files map[string]string
		want  string // the error must contain this, starting with FILE:LINE
		is    error
	}{
		{"empty egos file", base(map[string]string{"egos.csv": ""}), "egos.csv: ", ErrEmptyFile},
		{"header-only egos", base(map[string]string{"egos.csv": "egoID,sex\n"}), "egos.csv:1: ", ErrEmptyFile},
		{"missing egoID column", base(map[string]string{"egos.csv": "id,sex\ne1,f\n"}), `egos.csv:1: missing required column "egoID"`, ErrMissingColumn},
		{"missing alterID column", base(map[string]string{"alters.csv": "egoID,alter\ne1,a\n"}), `alters.csv:1: missing required column "alterID"`, ErrMissingColumn},
		{"wrong number of fields", base(map[string]string{"alters.csv": "egoID,alterID,sex\ne1,a,f\ne1,b\n"}), "alters.csv:3:", ErrFieldCount},
		{"alter of no ego", base(map[string]string{"alters.csv": "egoID,alterID\ne1,a\ne9,b\n"}), `alters.csv:3: unknown ego: "e9"`, ErrUnknownEgo},
		{"tie to a non-alter", base(map[string]string{"aaties.csv": "egoID,Source,Target\ne1,a,b\ne1,a,zz\n"}), `aaties.csv:3: unknown alter: "zz" is not an alter of ego "e1"`, ErrUnknownAlter},
		{"tie across egos", base(map[string]string{"aaties.csv": "egoID,Source,Target\ne2,a,x\n"}), `aaties.csv:2: unknown alter: "a"`, ErrUnknownAlter},
		{"duplicate alter", base(map[string]string{"alters.csv": "egoID,alterID\ne1,a\ne1,a\n"}), `alters.csv:3: duplicate ID: alter "a" appears twice`, ErrDuplicateID},
		{"duplicate ego", base(map[string]string{"egos.csv": "egoID\ne1\ne1\n"}), `egos.csv:3: duplicate ID: ego "e1" appears twice`, ErrDuplicateID},
		{"non-numeric weight", base(map[string]string{"aaties.csv": "egoID,Source,Target,weight\ne1,a,b,strong\n"}), `aaties.csv:2: bad weight: "strong" is not a number`, ErrBadWeight},
		{"negative weight", base(map[string]string{"aaties.csv": "egoID,Source,Target,weight\ne1,a,b,-1\n"}), "aaties.csv:2: bad weight: -1", ErrBadWeight},
		{"NaN weight", base(map[string]string{"aaties.csv": "egoID,Source,Target,weight\ne1,a,b,NaN\n"}), `aaties.csv:2: bad weight: "NaN" is not a number`, ErrBadWeight},
		{"Inf weight", base(map[string]string{"aaties.csv": "egoID,Source,Target,weight\ne1,a,b,Inf\n"}), `aaties.csv:2: bad weight: "Inf" is not a number`, ErrBadWeight},
		{"missing weight", base(map[string]string{"aaties.csv": "egoID,Source,Target,weight\ne1,a,b,\n"}), `aaties.csv:2: missing weight: column "weight" is empty; a missing tie weight can stop the reading (the default), drop the tie, or be set to a value`, ErrMissingWeight},
		{"NA weight", base(map[string]string{"aaties.csv": "egoID,Source,Target,weight\ne1,a,b,NA\n"}), `aaties.csv:2: missing weight: column "weight" is NA`, ErrMissingWeight},
		{"quote left open", base(map[string]string{"alters.csv": "egoID,alterID\ne1,\"a\ne1,b\n"}), "alters.csv:2:", ErrSyntax},
		{"invalid UTF-8", base(map[string]string{"alters.csv": "egoID,alterID\ne1,\xff\n"}), "alters.csv:2:2: invalid UTF-8", ErrInvalidUTF8},
		{"empty alter ID", base(map[string]string{"alters.csv": "egoID,alterID\ne1, \n"}), "alters.csv:2: empty ID", ErrEmptyID},
		{"not gzip", base(map[string]string{"egos.csv": "x", "egos.csv.gz": "egoID\ne1\n"}), "content is not gzip", ErrSyntax},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeFiles(t, c.files)
			egos := filepath.Join(dir, "egos.csv")
			if c.name == "not gzip" {
				// Write plain text under a .gz name.
				egos = filepath.Join(dir, "plain.csv.gz")
				require.NoError(t, os.WriteFile(egos, []byte("egoID\ne1\n"), 0o644))
			}
			_, _, err := ReadEgoCSV(egos, filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv"), EgoCSVOptions{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			assert.True(t, errors.Is(err, c.is), "got %v, want it to wrap %v", err, c.is)
			assert.NotContains(t, err.Error(), "\n", "one line")
		})
	}
}
