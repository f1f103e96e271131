package network

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readStudy writes the three tables and reads them with ReadEgoCSV and
// StreamEgoCSV, which must agree; it returns ReadEgoCSV's result.
func readEgoBoth(t *testing.T, egos, alters, ties string, opt EgoCSVOptions) (*Dataset, Report, error) {
	t.Helper()
	dir := writeFiles(t, map[string]string{"egos.csv": egos, "alters.csv": alters, "aaties.csv": ties})
	e, a, ti := filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv")
	ds, rep, err := ReadEgoCSV(e, a, ti, opt)
	var streamed []*EgoNet
	srep, serr := StreamEgoCSV(e, a, ti, opt, func(n *EgoNet) error { streamed = append(streamed, n); return nil })
	if err != nil {
		require.Error(t, serr, "StreamEgoCSV accepted what ReadEgoCSV refused: %v", err)
		assert.Equal(t, err.Error(), serr.Error(), "the two readers give the same error")
		return nil, rep, err
	}
	require.NoError(t, serr)
	assert.Equal(t, rep, srep, "the two readers report the same")
	require.Len(t, streamed, len(ds.Egos))
	for i, e := range ds.Egos {
		assert.Equal(t, len(e.Alters), len(streamed[i].Alters), "ego %s alters", e.ID)
		assert.Equal(t, len(e.Ties), len(streamed[i].Ties), "ego %s ties", e.ID)
	}
	return ds, rep, err
}

func TestDetectDelimiter(t *testing.T) {
	cases := []struct {
		name, header string
		want         rune
	}{
		{"comma", "egoID,alterID,sex\n", ','},
		{"semicolon (write.csv2)", "\"\";\"egoID\";\"alter.sex\"\n", ';'},
		{"tab", "egoID\talterID\n", '\t'},
		{"one column", "egoID\n", ','},
		{"delimiters inside quotes do not count", "\"a;b;c\",x,y\n", ','},
		{"only the header line counts", "egoID,sex\ne1;a;b;c;d\n", ','},
		{"a tie is a comma", "a;b,c\n", ','},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"f.csv": c.header})
			got, err := DetectDelimiter(filepath.Join(dir, "f.csv"))
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

// egor's sample layout (write.csv2 with row names): ';', a leading ""
// column, decimal commas; read with the zero options.
func TestReadEgoCSVWriteCSV2RowNames(t *testing.T) {
	ds, rep, err := readEgoBoth(t,
		"\"\";\"egoID\";\"score\"\n\"1\";1;\"2,5\"\n\"2\";2;NA\n",
		"\"\";\"egoID\";\"alterID\";\"closeness\";\"note\"\n\"1\";\"1\";1;0,75;\"a,b\"\n\"2\";\"1\";2;1;\"x\"\n",
		"\"\";\"egoID\";\"Source\";\"Target\";\"weight\"\n\"1\";1;1;2;1,5\n",
		EgoCSVOptions{})
	require.NoError(t, err)
	assert.Empty(t, rep.Repairs)
	require.Len(t, ds.Egos, 2)
	assert.Equal(t, "egoID", ds.EgoIDColumn)
	assert.Equal(t, []string{"score"}, ds.EgoAttrs.Names(), "the row-names column is no attribute")
	assert.Equal(t, []string{"closeness", "note"}, ds.AlterAttrs.Names())
	// 2,5 is the number 2.5 (decimal comma), kept as "2.5".
	assert.Equal(t, Value{Text: "2.5", Num: 2.5, Kind: Number}, ds.Egos[0].Attrs.At(0))
	c, _ := ds.AlterAttrs.Index("closeness")
	assert.Equal(t, 0.75, ds.Egos[0].Alters[0].Attrs.At(c).Num)
	n, _ := ds.AlterAttrs.Index("note")
	assert.Equal(t, Value{Text: "a,b", Kind: Text}, ds.Egos[0].Alters[0].Attrs.At(n), "text with a comma stays text")
	require.Len(t, ds.Egos[0].Ties, 1)
	assert.Equal(t, 1.5, ds.Egos[0].Ties[0].Weight, "weight 1,5")

	// A ';' file with Decimal '.' reads "2,5" as text.
	ds, _, err = readEgoBoth(t, "egoID;score\n1;2,5\n", "egoID;alterID\n1;a\n", "egoID;Source;Target\n", EgoCSVOptions{Decimal: '.'})
	require.NoError(t, err)
	assert.Equal(t, Text, ds.Egos[0].Attrs.At(0).Kind)
}

// egor's internal names (as_egos_df, as_alters_df, as_aaties_df) are
// found when ours are not there; a name given explicitly is the only one.
func TestReadEgoCSVEgorNames(t *testing.T) {
	egos := "\"\",\"sex\",\".egoID\"\n\"1\",\"f\",1\n"
	alters := "\"\",\".altID\",\".egoID\",\"sex\"\n\"1\",1,1,\"m\"\n\"2\",2,1,NA\n"
	ties := "\"\",\".egoID\",\".srcID\",\".tgtID\",\"weight\"\n\"1\",1,1,2,2\n"
	ds, _, err := readEgoBoth(t, egos, alters, ties, EgoCSVOptions{})
	require.NoError(t, err)
	assert.Equal(t, ".egoID", ds.EgoIDColumn)
	require.Len(t, ds.Egos[0].Alters, 2)
	require.Len(t, ds.Egos[0].Ties, 1)
	assert.Equal(t, 2.0, ds.Egos[0].Ties[0].Weight)

	_, _, err = readEgoBoth(t, egos, alters, ties, EgoCSVOptions{EgoID: "person"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `egos.csv:1: missing required column "person"; the header has "sex", ".egoID"`)
	_, _, err = readEgoBoth(t, "id\n1\n", alters, ties, EgoCSVOptions{})
	assert.Contains(t, err.Error(), `missing required column "egoID" (or ".egoID", ".EGOID"); the header has "id"`)
}

// Each missing-weight choice, for tie weights and alter weights.
//
//	ego e: alters a, b, c (c's closeness NA); ties a–b weight NA, a–c 2,
//	b–c 3.
//	error: the NA stops the reading at its line.
//	drop:  tie a–b left out (ties a–c, b–c); alter c dropped drops a–c
//	       and b–c as well.
//	fill 0.5: a–b has weight 0.5; c's closeness weight 0.5.
func TestMissingWeights(t *testing.T) {
	egos := "egoID\ne\n"
	alters := "egoID,alterID,closeness\ne,a,1\ne,b,2\ne,c,NA\n"
	ties := "egoID,Source,Target,weight\ne,a,b,NA\ne,a,c,2\ne,b,c,3\n"

	_, _, err := readEgoBoth(t, egos, alters, ties, EgoCSVOptions{})
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrMissingWeight))
	assert.Contains(t, err.Error(), `aaties.csv:2: missing weight: column "weight" is NA; a missing tie weight can stop the reading (the default), drop the tie, or be set to a value`)

	ds, rep, err := readEgoBoth(t, egos, alters, ties, EgoCSVOptions{MissingWeight: MissingWeight{Action: MissingDrop}})
	require.NoError(t, err)
	assert.Len(t, ds.Egos[0].Ties, 2)
	assert.Equal(t, 1, rep.Count(RepairMissingTieWeightDropped))

	ds, rep, err = readEgoBoth(t, egos, alters, ties, EgoCSVOptions{MissingWeight: MissingWeight{Action: MissingFill, Value: 0.5}})
	require.NoError(t, err)
	require.Len(t, ds.Egos[0].Ties, 3)
	assert.Equal(t, 0.5, ds.Egos[0].Ties[0].Weight)
	assert.Equal(t, 1, rep.Count(RepairMissingWeightsFilled))
	assert.Contains(t, rep.String(), "1 missing weight set to 0.5", "the value filled in is in the report")

	// Alter weights.
	fill := MissingWeight{Action: MissingFill, Value: 1}
	_, _, err = readEgoBoth(t, egos, alters, ties, EgoCSVOptions{AlterWeight: "closeness", MissingWeight: fill})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `alters.csv:4: missing weight: column "closeness" is NA; a missing alter weight can stop the reading (the default), drop the alter, or be set to a value`)

	ds, rep, err = readEgoBoth(t, egos, alters, ties, EgoCSVOptions{AlterWeight: "closeness", MissingWeight: fill, MissingAlterWeight: MissingWeight{Action: MissingDrop}})
	require.NoError(t, err)
	assert.Len(t, ds.Egos[0].Alters, 2)
	assert.Len(t, ds.Egos[0].Ties, 1, "a–c and b–c go with c")
	assert.Equal(t, 1, rep.Count(RepairMissingAlterWeightDropped))
	assert.Equal(t, 2, rep.Count(RepairTiesOfDroppedAlters))

	ds, _, err = readEgoBoth(t, egos, alters, ties, EgoCSVOptions{AlterWeight: "closeness", MissingWeight: fill, MissingAlterWeight: MissingWeight{Action: MissingFill, Value: 0.5}})
	require.NoError(t, err)
	assert.Equal(t, 0.5, ds.Egos[0].Alters[2].Weight)

	_, _, err = readEgoBoth(t, egos, alters, ties, EgoCSVOptions{MissingWeight: MissingWeight{Action: MissingFill, Value: -1}})
	assert.True(t, errors.Is(err, ErrBadWeight), "a negative fill value: %v", err)
}

// With Weight "-", a weight column is ignored altogether: a tie listed
// twice with different weights merges as unweighted (without it, the
// weight would be an attribute and the two rows would contradict).
func TestWeightDashIgnoresTheColumn(t *testing.T) {
	ds, rep, err := readEgoBoth(t, "egoID\ne\n", "egoID,alterID\ne,a\ne,b\n", "egoID,Source,Target,weight\ne,a,b,1\ne,b,a,5\n", EgoCSVOptions{Weight: "-"})
	require.NoError(t, err)
	assert.False(t, ds.TieWeighted)
	assert.Equal(t, 0, ds.TieAttrs.Len(), "weight is no attribute")
	require.Len(t, ds.Egos[0].Ties, 1)
	assert.Equal(t, 1, rep.Count(RepairDuplicates))
}
