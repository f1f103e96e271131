package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected values follow from the sample export's contents, tabled in
// network/testdata/README.md ("Network Canvas CSV export"):
//   - P001: Ann, Bob, Cal (Person) and GP surgery (Service); ties Ann–Bob
//     (in both edge types: one tie), Bob–Cal, Ann–GP surgery. Structural
//     measures count people only by default (the GP surgery is a service),
//     so size 3 and ties Ann–Bob, Bob–Cal → 2 of 3·2/2 = 3 possible,
//     density 2/3; the counts by type see every alter (3 people, 1
//     service); closeness 5 and 3, Cal's missing and services have none →
//     mean 4.
//   - P002: Dee alone (closeness 4): density undefined.
//   - P003: nobody named: size 0, the mean undefined.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	require.NoError(t, run(&out, filepath.Join("..", "..", sample), dir))
	want := "egoID,size,ties,density,count(type=Person),count(type=Service),mean(closeness)\n" +
		"P001,3,2,0.6666666666666666,3,1,4\n" +
		"P002,1,0,NA,1,0,4\n" +
		"P003,0,0,NA,0,0,NA\n"
	assert.Contains(t, out.String(), want)
	assert.Contains(t, out.String(), "tie of several edge types between the same alters merged", "the merge of Ann–Bob is reported")
	for _, id := range []string{"P001", "P002", "P003"} {
		b, err := os.ReadFile(filepath.Join(dir, id+".png"))
		if assert.NoError(t, err) {
			assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG")), "%s: not a PNG", id)
		}
	}

	assert.Error(t, run(&out, filepath.Join(dir, "no-such-export"), ""), "a missing export is an error")
}
