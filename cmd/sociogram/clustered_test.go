package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The three egos of analysis/clustered_test.go (hand computation there):
// family–friend over agency A has 2 egos, mean counts 3/2 and 2, mean
// density (1/2 + 2/3)/2 = 7/12.
func TestClusteredCommand(t *testing.T) {
	f := writeFiles(t, map[string]string{
		"egos.csv":   "egoID,agency\nE1,A\nE2,A\nE3,B\n",
		"alters.csv": "egoID,alterID,role\nE1,f1,family\nE1,f2,family\nE1,r1,friend\nE2,f1,family\nE2,r1,friend\nE2,r2,friend\nE2,r3,friend\nE3,r1,friend\nE3,x1,\n",
		"aaties.csv": "egoID,Source,Target\nE1,f1,f2\nE1,f1,r1\nE2,r1,r2\nE2,f1,r3\nE2,f1,r1\nE3,r1,x1\n",
	})
	args := []string{"clustered", "--egos", f["egos.csv"], "--alters", f["alters.csv"], "--ties", f["aaties.csv"], "--by", "role"}
	status, out, errs := runCLI(append(args, "--group-by", "agency")...)
	require.Equal(t, 0, status, errs)
	assert.Contains(t, out, "group,category_a,category_b,egos,mean_count_a,mean_count_b,mean_density\n")
	assert.Contains(t, out, "A,family,friend,2,1.5,2,0.583333333333333\n")
	assert.Contains(t, out, "B,friend,friend,0,1,1,NA\n")

	status, out, errs = runCLI(append(args, "--format", "json")...)
	require.Equal(t, 0, status, errs)
	assert.Contains(t, out, `"mean_density": 0.5833333333333333`)

	for _, bad := range [][]string{{"clustered", "--egos", f["egos.csv"], "--alters", f["alters.csv"]}, append(args, "--group-by", "region"), append(args[:len(args)-1], "sex")} {
		status, _, errs := runCLI(bad...)
		assert.NotEqual(t, 0, status, "%v: %s", bad, errs)
	}
}
