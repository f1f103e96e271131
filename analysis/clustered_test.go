package analysis

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sociogram/sociogram/network"
)

// Three egos, alter categories family and friend (role):
//
//	E1 (agency A): f1, f2 family; r1 friend; ties f1–f2, f1–r1.
//	   n_family 2, n_friend 1. family–family 1 / (2·1/2) = 1;
//	   family–friend 1 / (2·1) = 1/2; friend–friend undefined (n = 1).
//	E2 (agency A): f1 family; r1, r2, r3 friend; ties r1–r2, f1–r3, f1–r1.
//	   n_family 1, n_friend 3. family–family undefined (n = 1);
//	   family–friend 2 / (1·3) = 2/3; friend–friend 1 / (3·2/2) = 1/3.
//	E3 (agency B): r1 friend; x1 with no role; tie r1–x1.
//	   n_family 0, n_friend 1; x1 and its tie are in no category; every
//	   density undefined.
//
// All three egos:
//
//	family–family: egos 1 (E1); mean counts (2+1+0)/3 = 1 and 1; density 1.
//	family–friend: egos 2 (E1, E2); mean counts 1 and (1+3+1)/3 = 5/3;
//	               density (1/2 + 2/3)/2 = 7/12.
//	friend–friend: egos 1 (E2); mean counts 5/3 and 5/3; density 1/3.
//
// By agency, A (E1, E2): counts family (2+1)/2 = 3/2, friend (1+3)/2 = 2;
// densities as above (family–friend 7/12 over 2 egos). B (E3): counts
// family 0, friend 1; no density defined (egos 0, NA).
const (
	clEgos   = "egoID,agency\nE1,A\nE2,A\nE3,B\n"
	clAlters = "egoID,alterID,role\nE1,f1,family\nE1,f2,family\nE1,r1,friend\nE2,f1,family\nE2,r1,friend\nE2,r2,friend\nE2,r3,friend\nE3,r1,friend\nE3,x1,\n"
	clTies   = "egoID,Source,Target\nE1,f1,f2\nE1,f1,r1\nE2,r1,r2\nE2,f1,r3\nE2,f1,r1\nE3,r1,x1\n"
)

func TestClusteredHand(t *testing.T) {
	ds := readStudy(t, clEgos, clAlters, clTies, network.EgoCSVOptions{})
	cg, err := Clustered(ds, ClusteredOptions{By: "role"})
	require.NoError(t, err)
	assert.Equal(t, []string{"family", "friend"}, cg.Categories)
	got := csvRows(t, func(b *bytes.Buffer) error { return cg.WriteCSV(b) })
	assert.Equal(t, [][]string{
		{"category_a", "category_b", "egos", "mean_count_a", "mean_count_b", "mean_density"},
		{"family", "family", "1", "1", "1", "1"},
		{"family", "friend", "2", "1", "1.66666666666667", "0.583333333333333"},
		{"friend", "friend", "1", "1.66666666666667", "1.66666666666667", "0.333333333333333"},
	}, got)

	cg, err = Clustered(ds, ClusteredOptions{By: "role", GroupBy: "agency"})
	require.NoError(t, err)
	got = csvRows(t, func(b *bytes.Buffer) error { return cg.WriteCSV(b) })
	assert.Equal(t, [][]string{
		{"group", "category_a", "category_b", "egos", "mean_count_a", "mean_count_b", "mean_density"},
		{"A", "family", "family", "1", "1.5", "1.5", "1"},
		{"A", "family", "friend", "2", "1.5", "2", "0.583333333333333"},
		{"A", "friend", "friend", "1", "2", "2", "0.333333333333333"},
		{"B", "family", "family", "0", "0", "0", "NA"},
		{"B", "family", "friend", "0", "0", "1", "NA"},
		{"B", "friend", "friend", "0", "1", "1", "NA"},
	}, got)
}

func TestClusteredDirectedAndWaves(t *testing.T) {
	// Directed: E1 at wave 1 has family f1, f2 and friend r1 with arcs
	// f1→f2, f2→f1, f1→r1. family–family 2 / (2·1) = 1; family–friend
	// 1 / (2·2·1) = 1/4. Wave 2: E1 names only r1 (no pair defined) —
	// a drop-out of the family keeps the frame (both categories listed).
	ds := readStudy(t, "egoID,wave\nE1,1\nE1,2\n",
		"egoID,wave,alterID,role\nE1,1,f1,family\nE1,1,f2,family\nE1,1,r1,friend\nE1,2,r1,friend\n",
		"egoID,wave,Source,Target\nE1,1,f1,f2\nE1,1,f2,f1\nE1,1,f1,r1\n",
		network.EgoCSVOptions{Wave: "wave", Directed: true})
	cg, err := Clustered(ds, ClusteredOptions{By: "role"})
	require.NoError(t, err)
	got := csvRows(t, func(b *bytes.Buffer) error { return cg.WriteCSV(b) })
	assert.Equal(t, [][]string{
		{"wave", "category_a", "category_b", "egos", "mean_count_a", "mean_count_b", "mean_density"},
		{"1", "family", "family", "1", "2", "2", "1"},
		{"1", "family", "friend", "1", "2", "1", "0.25"},
		{"1", "friend", "friend", "0", "1", "1", "NA"},
		{"2", "family", "family", "0", "0", "0", "NA"},
		{"2", "family", "friend", "0", "0", "1", "NA"},
		{"2", "friend", "friend", "0", "1", "1", "NA"},
	}, got)
}

func TestClusteredErrors(t *testing.T) {
	ds := readStudy(t, clEgos, clAlters, clTies, network.EgoCSVOptions{})
	_, err := Clustered(ds, ClusteredOptions{By: "sex"})
	assert.ErrorIs(t, err, network.ErrMissingColumn)
	_, err = Clustered(ds, ClusteredOptions{By: "role", GroupBy: "region"})
	assert.ErrorIs(t, err, network.ErrMissingColumn)
}
