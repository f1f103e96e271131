package network

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// streamAll collects what StreamEgoCSV passes to fn.
func streamAll(t *testing.T, dir string, ties bool, opt EgoCSVOptions) ([]*EgoNet, Report, error) {
	t.Helper()
	tp := ""
	if ties {
		tp = filepath.Join(dir, "aaties.csv")
	}
	var got []*EgoNet
	rep, err := StreamEgoCSV(filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), tp, opt, func(e *EgoNet) error {
		require.Len(t, e.Dataset().Egos, 1, "each ego comes in a dataset of its own")
		got = append(got, e)
		return nil
	})
	return got, rep, err
}

// TestStreamEgoCSVSameAsRead checks that on grouped files StreamEgoCSV
// passes on, ego by ego, what ReadEgoCSV reads, with the same Report, and
// fails with the same error.
func TestStreamEgoCSVSameAsRead(t *testing.T) {
	egos := "egoID,sex,age\nE1,f,40\nE2,m,NA\nE3,f,71\nE4,m,25\n"
	tests := []struct {
		name                 string
		egos, alters, aaties string
		opt                  EgoCSVOptions
	}{
		{"one ego, no alters", "egoID\nE1\n", "egoID,alterID\n", "egoID,Source,Target\n", EgoCSVOptions{}},
		{"egos without alters first, middle and last", egos,
			"egoID,alterID,sex\nE2,a,f\nE2,b,m\nE3,a,f\n",
			"egoID,Source,Target\nE2,a,b\n", EgoCSVOptions{}},
		{"ties of an ego with no alters table rows before", egos,
			"egoID,alterID\nE1,x\nE1,y\nE1,z\nE4,p\nE4,q\n",
			"egoID,Source,Target\nE1,x,y\nE1,y,z\nE4,p,q\n", EgoCSVOptions{}},
		{"self-ties and duplicates", egos,
			"egoID,alterID\nE1,x\nE1,y\nE3,x\nE3,y\n",
			"egoID,Source,Target,weight\nE1,x,y,1\nE1,y,x,2\nE1,x,x,1\nE3,x,y,0.5\nE3,x,x,1\n", EgoCSVOptions{}},
		{"weights and directed", egos,
			"egoID,alterID,close\nE1,x,1\nE1,y,3\n",
			"egoID,Source,Target,weight\nE1,x,y,2\nE1,y,x,1\n", EgoCSVOptions{AlterWeight: "close", Directed: true}},
		{"waves", "egoID,wave,sex\nE1,1,f\nE1,2,f\nE2,1,m\n",
			"egoID,wave,alterID\nE1,1,a\nE1,2,a\nE1,2,b\nE2,1,c\n",
			"egoID,wave,Source,Target\nE1,2,a,b\n", EgoCSVOptions{Wave: "wave"}},
		{"rows without a wave, IDs in one wave each", "egoID,wave\nE1,1\nE2,2\n",
			"egoID,alterID\nE1,a\nE2,b\n", "egoID,Source,Target\n", EgoCSVOptions{Wave: "wave"}},
		{"BOM", "\ufeffegoID\nE1\n", "\ufeffegoID,alterID\nE1,a\n", "egoID,Source,Target\n", EgoCSVOptions{}},
		// errors
		{"no egos", "egoID\n", "egoID,alterID\n", "egoID,Source,Target\n", EgoCSVOptions{}},
		{"empty ego ID", "egoID\nE1\n \n", "egoID,alterID\n", "egoID,Source,Target\n", EgoCSVOptions{}},
		{"duplicate ego in a wave", "egoID,wave\nE1,1\nE1,2\nE1,1\n", "egoID,wave,alterID\n", "egoID,Source,Target\n", EgoCSVOptions{Wave: "wave"}},
		{"row without a wave, ID in two waves", "egoID,wave\nE1,1\nE1,2\n", "egoID,alterID\nE1,a\n", "egoID,Source,Target\n", EgoCSVOptions{Wave: "wave"}},
		{"unknown ego in a wave", "egoID,wave\nE1,1\n", "egoID,wave,alterID\nE1,2,a\n", "egoID,Source,Target\n", EgoCSVOptions{Wave: "wave"}},
		{"duplicate ego", "egoID\nE1\nE1\n", "egoID,alterID\n", "egoID,Source,Target\n", EgoCSVOptions{}},
		{"missing column", egos, "ego,alterID\nE1,a\n", "egoID,Source,Target\n", EgoCSVOptions{}},
		{"unknown ego in alters", egos, "egoID,alterID\nE1,a\nE9,b\n", "egoID,Source,Target\n", EgoCSVOptions{}},
		{"duplicate alter", egos, "egoID,alterID\nE1,a\nE1,a\n", "egoID,Source,Target\n", EgoCSVOptions{}},
		{"bad alter weight", egos, "egoID,alterID,close\nE1,a,x\n", "egoID,Source,Target\n", EgoCSVOptions{AlterWeight: "close"}},
		{"unknown alter in a tie", egos, "egoID,alterID\nE1,a\nE1,b\n", "egoID,Source,Target\nE1,a,c\n", EgoCSVOptions{}},
		{"bad tie weight", egos, "egoID,alterID\nE1,a\nE1,b\n", "egoID,Source,Target,weight\nE1,a,b,-2\n", EgoCSVOptions{}},
		{"contradicting duplicate tie", egos, "egoID,alterID\nE1,a\nE1,b\n", "egoID,Source,Target,kind\nE1,a,b,x\nE1,b,a,y\n", EgoCSVOptions{}},
		{"wrong number of fields", egos, "egoID,alterID\nE1,a\nE1\n", "egoID,Source,Target\n", EgoCSVOptions{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"egos.csv": tc.egos, "alters.csv": tc.alters, "aaties.csv": tc.aaties})
			ds, wantRep, wantErr := ReadEgoCSV(filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv"), tc.opt)
			got, rep, err := streamAll(t, dir, true, tc.opt)
			if wantErr != nil {
				require.Error(t, err, "ReadEgoCSV fails with %v", wantErr)
				if errors.Is(wantErr, ErrUnknownAlter) {
					// The stream cannot tell an unknown alter from one
					// listed further down in an ungrouped file.
					assert.ErrorIs(t, err, ErrUngrouped)
					assert.True(t, strings.HasPrefix(err.Error(), wantErr.Error()), "got %v, want %v and more", err, wantErr)
					return
				}
				assert.Equal(t, wantErr.Error(), err.Error())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, wantRep, rep, "report")
			require.Len(t, got, len(ds.Egos))
			for i, want := range ds.Egos {
				e := got[i]
				assert.Equal(t, want.ID, e.ID)
				assert.Equal(t, want.Wave, e.Wave)
				assert.Equal(t, want.Attrs, e.Attrs, "ego %s attributes", want.ID)
				assert.Equal(t, want.Alters, e.Alters, "ego %s alters", want.ID)
				assert.Equal(t, want.Ties, e.Ties, "ego %s ties", want.ID)
				assert.Equal(t, want.Dataset().EgoAttrs.Names(), e.Dataset().EgoAttrs.Names())
				assert.Equal(t, want.Dataset().AlterAttrs.Names(), e.Dataset().AlterAttrs.Names())
				assert.Equal(t, want.Dataset().TieAttrs.Names(), e.Dataset().TieAttrs.Names())
				assert.Equal(t, want.Directed(), e.Directed())
			}
		})
	}
}

// TestStreamEgoCSVUngrouped checks that a row breaking the grouping is an
// error that names its line and wraps ErrUngrouped, after the egos before it
// were passed on.
func TestStreamEgoCSVUngrouped(t *testing.T) {
	tests := []struct {
		name, alters, aaties string
		want                 string
		passed               int
	}{
		{"alter of an earlier ego", "egoID,alterID\nE1,a\nE2,b\nE1,c\n", "egoID,Source,Target\n",
			`alters.csv:4: rows not grouped by ego in the order of egos.csv: its ego "E1" comes earlier`, 1},
		{"tie of an earlier ego", "egoID,alterID\nE1,a\nE1,b\nE2,c\n", "egoID,Source,Target\nE1,a,b\nE2,c,c\nE1,b,a\n",
			`aaties.csv:4: rows not grouped by ego in the order of egos.csv: its ego "E1" comes earlier`, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"egos.csv": "egoID\nE1\nE2\n", "alters.csv": tc.alters, "aaties.csv": tc.aaties})
			_, _, err := ReadEgoCSV(filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv"), EgoCSVOptions{})
			require.NoError(t, err, "ReadEgoCSV reads ungrouped files")
			got, _, err := streamAll(t, dir, true, EgoCSVOptions{})
			require.ErrorIs(t, err, ErrUngrouped)
			assert.Contains(t, err.Error(), tc.want)
			assert.Len(t, got, tc.passed)
		})
	}
}

// TestStreamEgoCSVStop checks that an error from fn stops the stream and is
// returned as it is.
func TestStreamEgoCSVStop(t *testing.T) {
	dir := writeFiles(t, map[string]string{"egos.csv": "egoID\nE1\nE2\nE3\n", "alters.csv": "egoID,alterID\nE1,a\nE2,a\nE3,a\n"})
	stop := errors.New("stop")
	n := 0
	_, err := StreamEgoCSV(filepath.Join(dir, "egos.csv"), filepath.Join(dir, "alters.csv"), "", EgoCSVOptions{}, func(e *EgoNet) error {
		n++
		if e.ID == "E2" {
			return stop
		}
		return nil
	})
	require.ErrorIs(t, err, stop)
	assert.Equal(t, 2, n)
}

// TestStreamEgoCSVMany streams a few thousand generated egos and compares
// them with ReadEgoCSV.
func TestStreamEgoCSVMany(t *testing.T) {
	var e, a, ti strings.Builder
	e.WriteString("egoID,sex\n")
	a.WriteString("egoID,alterID,age\n")
	ti.WriteString("egoID,Source,Target\n")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&e, "E%d,%c\n", i, "fm"[i%2])
		k := i % 7
		for j := 0; j < k; j++ {
			fmt.Fprintf(&a, "E%d,A%d,%d\n", i, j, 20+(i*j)%50)
		}
		for j := 1; j < k; j++ {
			fmt.Fprintf(&ti, "E%d,A%d,A%d\n", i, j-1, j)
		}
	}
	dir := writeFiles(t, map[string]string{"egos.csv.gz": e.String(), "alters.csv": a.String(), "aaties.csv": ti.String()})
	ds, wantRep, err := ReadEgoCSV(filepath.Join(dir, "egos.csv.gz"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv"), EgoCSVOptions{})
	require.NoError(t, err)
	var got []*EgoNet
	rep, err := StreamEgoCSV(filepath.Join(dir, "egos.csv.gz"), filepath.Join(dir, "alters.csv"), filepath.Join(dir, "aaties.csv"), EgoCSVOptions{}, func(e *EgoNet) error {
		got = append(got, e)
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, wantRep, rep)
	require.Len(t, got, len(ds.Egos))
	for i, want := range ds.Egos {
		require.Equal(t, want.ID, got[i].ID)
		require.Equal(t, want.Alters, got[i].Alters)
		require.Equal(t, want.Ties, got[i].Ties)
	}
}
