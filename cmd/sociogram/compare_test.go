package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// waveFiles is a small two-wave study with LSNS-6 answers, relationship
// roles and rings, and bonding/bridging/linking rules. By hand:
//
//	P1 wave 1: A family ring 1, B professional ring 2, C neighbour ring 3;
//	           tie A–B (density 1/3); LSNS-6 2+1+1+3+2+2 = 11 (isolated)
//	P2 wave 1: nobody; LSNS-6 0+0+0+0+0+1 = 1 (isolated)
//	P1 wave 2: B professional ring 2, C neighbour ring 2, D group ring NA;
//	           ties B–C, C–D (density 2/3); LSNS-6 6×3 = 18
//	P3 wave 2: X friend ring 1; LSNS-6 6×5 = 30
//
// Rules: family, friend → bonding; neighbour, group → bridging;
// professional → linking.
var waveFiles = map[string]string{
	"egos.csv": "egoID,wave,sex,lsns1,lsns2,lsns3,lsns4,lsns5,lsns6\n" +
		"P1,1,F,2,1,1,3,2,2\n" +
		"P2,1,M,0,0,0,0,0,1\n" +
		"P1,2,F,3,3,3,3,3,3\n" +
		"P3,2,M,5,5,5,5,5,5\n",
	"alters.csv": "egoID,wave,alterID,sex,role,ring\n" +
		"P1,1,A,F,family,1\n" +
		"P1,1,B,M,professional,2\n" +
		"P1,1,C,F,neighbour,3\n" +
		"P1,2,B,M,professional,2\n" +
		"P1,2,C,F,neighbour,2\n" +
		"P1,2,D,F,group,NA\n" +
		"P3,2,X,M,friend,1\n",
	"aaties.csv": "egoID,wave,Source,Target\n" +
		"P1,1,A,B\n" +
		"P1,2,B,C\n" +
		"P1,2,C,D\n",
	"rules.json": `{"rules": [{"type": "role", "attribute": "role", "classes": {
  "bonding": ["family", "friend"], "bridging": ["neighbour", "group"], "linking": ["professional"]}}]}`,
}

func waveArgs(f map[string]string, cmd string) []string {
	return []string{cmd, "--egos", f["egos.csv"], "--alters", f["alters.csv"], "--ties", f["aaties.csv"], "--wave", "wave"}
}

// TestCompareCommand: compare end to end on the wave study. P1: kept B, C
// (2), gained D (1), lost A (1), jaccard 2/4; size 3 → 3; bridging 1 (C) →
// 2 (C, D); lsns6 11 → 18. P2 is only at wave 1 and P3 only at wave 2:
// listed with NA for the other wave.
func TestCompareCommand(t *testing.T) {
	f := writeFiles(t, waveFiles)
	var out, errb bytes.Buffer
	status := run(append(waveArgs(f, "compare"), "--classify", f["rules.json"], "--measures", "size,bridging,lsns6"), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Equal(t, "egoID,kept,gained,lost,jaccard,size:before,size:after,size:change,"+
		"bridging:before,bridging:after,bridging:change,lsns6:before,lsns6:after,lsns6:change\n"+
		"P1,2,1,1,0.5,3,3,0,1,2,1,11,18,7\n"+
		"P2,NA,NA,NA,NA,0,NA,NA,0,NA,NA,1,NA,NA\n"+
		"P3,NA,NA,NA,NA,NA,1,NA,NA,0,NA,NA,30,NA\n", out.String())

	// No measures: the alter changes only; reversed waves swap gained and lost.
	out.Reset()
	status = run(append(waveArgs(f, "compare"), "--before", "2", "--after", "1"), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Equal(t, "egoID,kept,gained,lost,jaccard\nP1,2,1,1,0.5\nP2,NA,NA,NA,NA\nP3,NA,NA,NA,NA\n", out.String())

	// JSON to a file: NA is null.
	path := filepath.Join(f["dir"], "out", "change.json")
	status = run(append(waveArgs(f, "compare"), "--measures", "size", "--format", "json", "-o", path), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(b, &rows))
	require.Len(t, rows, 3)
	assert.Equal(t, "P1", rows[0]["egoID"])
	assert.Equal(t, 0.5, rows[0]["jaccard"])
	assert.Nil(t, rows[1]["size:after"])
}

// TestEgosClassify: egos with --classify and instrument measures. By hand
// (see waveFiles): P1 w1 bonding 1 (A), bridging 1 (C), linking 1 (B);
// P1 w2 bridging 2 (C, D), linking 1 (B), D's ring missing; P3 bonding 1.
func TestEgosClassify(t *testing.T) {
	f := writeFiles(t, waveFiles)
	var out, errb bytes.Buffer
	status := run(append(waveArgs(f, "egos"), "--classify", f["rules.json"],
		"--measures", "bonding,bridging,linking,unclassified,linking(role=professional),ring(1),ring_missing,lsns6,lsns6_isolated"), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Equal(t, "egoID,wave,bonding,bridging,linking,unclassified,linking(role=professional),ring(1),ring_missing,lsns6,lsns6_isolated\n"+
		"P1,1,1,1,1,0,1,1,0,11,1\n"+
		"P2,1,0,0,0,0,0,0,0,1,1\n"+
		"P1,2,0,2,1,0,1,0,1,18,0\n"+
		"P3,2,1,0,0,0,0,1,0,30,0\n", out.String())
}

// TestSummaryCommand: by hand from waveFiles. Wave 1: P1 (3 alters, density
// 1/3), P2 (none): 2 egos, 3 alters, 1 with none, mean size 1.5, density
// over P1 only. Wave 2: P1 (3, density 2/3), P3 (1): mean size 2, density
// over P1 only (P3 has n < 2).
func TestSummaryCommand(t *testing.T) {
	f := writeFiles(t, waveFiles)
	var out, errb bytes.Buffer
	status := run(waveArgs(f, "summary"), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	assert.Equal(t, "wave,egos,alters,zero_alter_egos,size_mean,size_min,size_max,density_egos,density_mean,density_min,density_max\n"+
		"1,2,3,1,1.5,0,3,1,0.3333333333333333,0.3333333333333333,0.3333333333333333\n"+
		"2,2,4,0,2,1,3,1,0.6666666666666666,0.6666666666666666,0.6666666666666666\n", out.String())

	out.Reset()
	status = run(append(waveArgs(f, "summary"), "--format", "json"), &out, &errb)
	require.Equal(t, 0, status, "stderr: %s", errb.String())
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &rows))
	require.Len(t, rows, 2)
	assert.Equal(t, "2", rows[1]["wave"])
	assert.Equal(t, 2.0, rows[1]["size_mean"])
}

// TestCapitalCommandErrors: usage errors exit 2, data errors exit 1 with one
// line naming the file or the ego and item.
func TestCapitalCommandErrors(t *testing.T) {
	files := map[string]string{
		"bad.json":     "{\"rules\": [\n  {\"type\": \"role\",}]}",
		"nocol.json":   `{"rules": [{"type": "role", "attribute": "relation", "classes": {"bonding": ["family"]}}]}`,
		"badlsns.csv":  "egoID,wave,lsns1,lsns2,lsns3,lsns4,lsns5,lsns6\nP1,1,1,1,7,1,1,1\n",
		"alters1.csv":  "egoID,wave,alterID\n",
		"inst.json":    `{"lsns6": {"name": "lsns6", "items": ["lsns1"], "max": 5, "subscales": {"family": ["lsns9"]}}}`,
		"onewave.csv":  "egoID,wave\nP1,1\n",
		"onealter.csv": "egoID,wave,alterID\nP1,1,A\n",
	}
	for k, v := range waveFiles {
		files[k] = v
	}
	f := writeFiles(t, files)
	cases := []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"compare without wave", []string{"compare", "--egos", f["egos.csv"], "--alters", f["alters.csv"]}, 2, "needs --wave"},
		{"compare bad format", append(waveArgs(f, "compare"), "--format", "xml"), 2, `unknown --format "xml"`},
		{"compare unknown wave", append(waveArgs(f, "compare"), "--before", "1", "--after", "9"), 1, `egos.csv: bad waves: wave "9" does not occur`},
		{"compare one wave", []string{"compare", "--egos", f["onewave.csv"], "--alters", f["onealter.csv"], "--wave", "wave"}, 1, "comparing needs two"},
		{"compare unknown measure", append(waveArgs(f, "compare"), "--measures", "sizes"), 2, `unknown measure "sizes"`},
		{"rules syntax", append(waveArgs(f, "egos"), "--classify", f["bad.json"], "--measures", "bonding"), 1, "bad.json:2:19"},
		{"rules column", append(waveArgs(f, "compare"), "--classify", f["nocol.json"]), 1, `the alter table has no column "relation"`},
		{"bonding without rules", append(waveArgs(f, "egos"), "--measures", "linking"), 1, "classification rules"},
		{"lsns out of range", []string{"egos", "--egos", f["badlsns.csv"], "--alters", f["alters1.csv"], "--wave", "wave", "--measures", "lsns6"}, 1,
			`ego "P1" (wave 1), item "lsns3": answer "7" is not a whole number from 0 to 5`},
		{"instruments file", append(waveArgs(f, "egos"), "--instruments", f["inst.json"], "--measures", "lsns6"), 1, `inst.json: bad instrument data: lsns6: subscale "family" names item "lsns9"`},
		{"summary bad format", append(waveArgs(f, "summary"), "--format", "xml"), 2, `unknown --format "xml"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			status := run(c.args, &out, &errb)
			assert.Equal(t, c.status, status, "stderr: %s", errb.String())
			assert.Contains(t, errb.String(), c.want)
			assert.Equal(t, 1, bytes.Count(errb.Bytes(), []byte("\n")), "one line: %q", errb.String())
			assert.Empty(t, out.String())
		})
	}
}

// TestCompareWaveErrorNamesSource: a wave error names the input it is
// about. With a Network Canvas export (no egos table) it used to read
// "sociogram: : bad waves: ..." with an empty file name.
func TestCompareWaveErrorNamesSource(t *testing.T) {
	const nc = "../../network/testdata/netcanvas"
	var out, errb bytes.Buffer
	status := run([]string{"compare", "--netcanvas", nc, "--wave", "wave"}, &out, &errb)
	assert.Equal(t, 1, status)
	assert.Empty(t, out.String())
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	last := lines[len(lines)-1] // earlier lines are the reader's repair warnings
	assert.True(t, strings.HasPrefix(last, "sociogram: "+nc+": bad waves:"), "got %q", last)
}
