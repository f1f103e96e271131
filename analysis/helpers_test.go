package analysis

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// readStudy builds a dataset from the three ego CSV tables given as text.
func readStudy(t *testing.T, egos, alters, ties string, opt network.EgoCSVOptions) *network.Dataset {
	t.Helper()
	e, err := network.NewInput("egos.csv", strings.NewReader(egos), false)
	require.NoError(t, err)
	a, err := network.NewInput("alters.csv", strings.NewReader(alters), false)
	require.NoError(t, err)
	ds, _, err := network.ReadEgoCSVFrom(e, a, strings.NewReader(ties), opt)
	require.NoError(t, err)
	return ds
}

// csvRows writes with write and parses the CSV back into records.
func csvRows(t *testing.T, write func(*bytes.Buffer) error) [][]string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, write(&buf))
	recs, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	return recs
}
