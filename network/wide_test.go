package network

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readWideString(t *testing.T, content string, opt WideOptions) (*Dataset, Report, error) {
	t.Helper()
	dir := writeFiles(t, map[string]string{"wide.csv": content})
	return ReadWide(filepath.Join(dir, "wide.csv"), opt)
}

// Hand-checked cases, degenerate first:
//
//	e0: no alter named (all slots NA): size 0.
//	e1: alter 1 only; tie_1_2 NA (not asked, alter 2 not named): no count.
//	e2: alters 1 and 2; tie_1_2 = 2 (weight 2).
//	e3: alters 1 and 2; tie_1_2 NA: a skipped question, counted, no tie.
func TestReadWide(t *testing.T) {
	ds, rep, err := readWideString(t, "egoID,sex,alter_sex_1,alter_sex_2,tie_1_2\n"+
		"e0,f,NA,NA,NA\ne1,m,f,,NA\ne2,f,m,f,2\ne3,m,f,f,NA\n", WideOptions{})
	require.NoError(t, err)
	require.Len(t, ds.Egos, 4)
	assert.Equal(t, []string{"sex"}, ds.EgoAttrs.Names())
	assert.Equal(t, []string{"sex"}, ds.AlterAttrs.Names())
	got := []int{len(ds.Egos[0].Alters), len(ds.Egos[1].Alters), len(ds.Egos[2].Alters), len(ds.Egos[3].Alters)}
	assert.Equal(t, []int{0, 1, 2, 2}, got)
	require.Len(t, ds.Egos[2].Ties, 1)
	assert.Equal(t, 2.0, ds.Egos[2].Ties[0].Weight)
	assert.Empty(t, ds.Egos[3].Ties)
	assert.Equal(t, 1, rep.Count(RepairSkippedTieQuestions))
	assert.Equal(t, "1", ds.Egos[1].Alters[0].ID, "alters are numbered")
}

// GSS-style names: attribute then number without separator, ties as
// close{i}{j} with one digit each; unweighted with Weight "-".
func TestReadWideGSSNames(t *testing.T) {
	ds, _, err := readWideString(t, "id,educ,alter_sex1,alter_sex2,alter_sex3,close12,close13,close23\n7,12,1,2,1,1,0,2\n",
		WideOptions{EgoID: "id", TieColumns: "close{i}{j}", Weight: "-"})
	require.NoError(t, err)
	e := ds.Egos[0]
	require.Len(t, e.Alters, 3)
	require.Len(t, e.Ties, 2, "1–2 and 2–3; 1–3 is 0")
	assert.False(t, ds.TieWeighted)
	assert.Equal(t, "id", ds.EgoIDColumn)
}

func TestReadWideErrors(t *testing.T) {
	cases := []struct {
		name, content string
		opt           WideOptions
		want          string
		is            error
	}{
		{"tie to an alter not named", "egoID,alter.sex.1,alter.sex.2,tie_1_2\ne1,f,NA,1\n", WideOptions{}, `wide.csv:2:4: unknown alter: column "tie_1_2" records a tie to alter 2, whom ego "e1" did not name`, ErrUnknownAlter},
		{"tie value not a number", "egoID,alter.sex.1,alter.sex.2,tie_1_2\ne1,f,m,yes\n", WideOptions{}, `wide.csv:2:4: bad weight: "yes" is not a number (column "tie_1_2")`, ErrBadWeight},
		{"alter beyond the maximum", "egoID,alter.sex.1,alter.sex.3\ne1,f,m\n", WideOptions{MaxAlters: 2}, `wide.csv:1:3: syntax error: alter column "alter.sex.3" is for alter 3, beyond the maximum of 2 alters`, ErrSyntax},
		{"tie column beyond the alters", "egoID,alter.sex.1,tie_1_2\ne1,f,0\n", WideOptions{}, `wide.csv:1:3: syntax error: tie column "tie_1_2" joins alters 1 and 2; the table has alters 1 to 1`, ErrSyntax},
		{"no ego ID", "id,alter.sex.1\ne1,f\n", WideOptions{}, `wide.csv:1: missing required column "egoID"`, ErrMissingColumn},
		{"header only", "egoID,alter.sex.1\n", WideOptions{}, `wide.csv:1: empty file`, ErrEmptyFile},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := readWideString(t, c.content, c.opt)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			assert.True(t, errors.Is(err, c.is), "got %v", err)
		})
	}
	_, _, err := readWideString(t, "egoID\ne1\n", WideOptions{TieColumns: "tie_{i}"})
	assert.ErrorContains(t, err, `want {i} and {j}`)
}

func readEgoWebStrings(t *testing.T, alters, pairs string, opt EgoWebOptions) (*Dataset, Report, error) {
	t.Helper()
	dir := writeFiles(t, map[string]string{"a.csv": alters, "p.csv": pairs})
	return ReadEgoWeb(filepath.Join(dir, "a.csv"), filepath.Join(dir, "p.csv"), opt)
}

// EgoWeb: E1 names Ann (1) and Bob (2), who know each other; E2 names
// nobody (an empty Alter Number); E3 names two alters whose pair question
// was skipped.
func TestReadEgoWeb(t *testing.T) {
	alters := "EgoID,Interview ID,age,Alter Number,Alter Name,rel\nE1,1,30,1,Ann,kin\nE1,1,30,2,Bob,friend\nE2,2,40,,,\nE3,3,50,1,Cy,kin\nE3,3,50,2,Di,kin\n"
	pairs := "Interview ID,EgoID,Alter 1 Number,Alter 1 Name,Alter 2 Number,Alter 2 Name,knows,Alter 1 ID,Alter 2 ID\n1,E1,1,Ann,2,Bob,1,11,12\n3,E3,1,Cy,2,Di,SKIPPED,13,14\n"
	ds, rep, err := readEgoWebStrings(t, alters, pairs, EgoWebOptions{})
	require.NoError(t, err)
	require.Len(t, ds.Egos, 3)
	assert.Equal(t, []string{"Interview ID", "age"}, ds.EgoAttrs.Names())
	assert.Equal(t, []string{"Alter Name", "rel"}, ds.AlterAttrs.Names())
	assert.Len(t, ds.Egos[0].Ties, 1)
	assert.Empty(t, ds.Egos[1].Alters)
	assert.Empty(t, ds.Egos[2].Ties)
	assert.Equal(t, 1, rep.Count(RepairSkippedTieQuestions))

	// Text answers with TieValues.
	ds, _, err = readEgoWebStrings(t, alters, "EgoID,Alter 1 Number,Alter 2 Number,knows\nE1,1,2,Yes\nE3,1,2,No\n", EgoWebOptions{TieValues: []string{"yes"}})
	require.NoError(t, err)
	assert.Len(t, ds.Egos[0].Ties, 1)
	assert.Empty(t, ds.Egos[2].Ties)

	// Errors.
	_, _, err = readEgoWebStrings(t, alters, "EgoID,Alter 1 Number,Alter 2 Number,knows\nE1,1,2,Yes\n", EgoWebOptions{})
	assert.ErrorContains(t, err, `p.csv:2: syntax error: column "knows": "Yes" is not a number; give the answers that mean a tie`)
	_, _, err = readEgoWebStrings(t, alters, "EgoID,Alter 1 Number,Alter 2 Number,knows\nE1,1,9,1\n", EgoWebOptions{})
	assert.True(t, errors.Is(err, ErrUnknownAlter), "got %v", err)
	assert.ErrorContains(t, err, "p.csv:2:")
	_, _, err = readEgoWebStrings(t, "EgoID,age,Alter Number\nE1,30,1\nE1,31,2\n", "", EgoWebOptions{})
	assert.ErrorContains(t, err, `a.csv:3: duplicate ID: ego "E1": column "age" is "31" here and "30" on line 2`)
}
