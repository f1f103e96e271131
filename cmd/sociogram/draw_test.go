package main

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// drawStudy writes a small two-wave study: ego P1 (5 alters at wave 1, one
// lost and two gained at wave 2, one alter with missing ring and sector),
// ego P2 with no alters, and a whole network.
func drawStudy(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"egos.csv": "egoID,wave,age\nP1,1,40\nP1,2,41\nP2,1,30\n",
		"alters.csv": "egoID,wave,alterID,closeness,role,age\n" +
			"P1,1,Mum,1,family,70\nP1,1,Sam,2,friends,38\nP1,1,GP,3,services,50\nP1,1,Ana,2,neighbours,33\nP1,1,Zed,,,\n" +
			"P1,2,Mum,1,family,71\nP1,2,Sam,1,friends,39\nP1,2,GP,3,services,51\nP1,2,Zed,,,\nP1,2,Choir,2,groups,60\nP1,2,Kim,3,friends,25\n",
		"aaties.csv": "egoID,wave,Source,Target,type\nP1,1,Mum,Sam,close\nP1,1,Sam,Ana,weak\nP1,2,Mum,Sam,close\nP1,2,Choir,Kim,weak\n",
		"edges.csv":  "source,target,weight\na,b,1\nb,c,2\nc,a,1\nc,d,3\nd,e,1\nf,g,1\n",
		"nodes.csv":  "id,group,age\na,x,1\nb,x,2\nc,y,3\nd,y,4\ne,y,5\nf,z,6\ng,z,7\n",
	}
	for name, body := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	return dir
}

func survey(dir string, extra ...string) []string {
	return append([]string{"draw", "--egos", dir + "/egos.csv", "--alters", dir + "/alters.csv",
		"--ties", dir + "/aaties.csv", "--wave", "wave"}, extra...)
}

func wholeArgs(dir string, extra ...string) []string {
	return append([]string{"draw", "--edges", dir + "/edges.csv", "--nodes", dir + "/nodes.csv"}, extra...)
}

// pngSize decodes a PNG file and returns its size in pixels.
func pngSize(t *testing.T, path string) (int, int) {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(b))
	require.NoError(t, err)
	return img.Bounds().Dx(), img.Bounds().Dy()
}

func TestDraw(t *testing.T) {
	dir := drawStudy(t)
	out := t.TempDir()
	cases := []struct {
		name  string
		args  []string
		files []string // files that must exist afterwards, relative to out
	}{
		{"egogram of an ego with no alters", survey(dir, "--ego", "P2", "--rings", "closeness", "--sectors", "role", "-o", out+"/p2.png"), []string{"p2.png"}},
		{"egogram", survey(dir, "--ego", "P1", "--rings", "closeness", "--sectors", "role", "--color", "role", "--dashed", "type", "-o", out+"/p1.png"), []string{"p1.png"}},
		{"egogram to standard output", survey(dir, "--ego", "P1", "--format", "svg", "-o", "-"), nil},
		{"egogram with 5 rings given", survey(dir, "--ego", "P1", "--rings", "closeness", "--num-rings", "5", "-o", out+"/p1r5.png"), []string{"p1r5.png"}},
		{"egogram at wave 2 sized by age, svg", survey(dir, "--ego", "P1", "--at-wave", "2", "--rings", "closeness", "--sectors", "role", "--size", "age", "-o", out+"/p1w2.svg"), []string{"p1w2.svg"}},
		{"egogram sized by a measure, pdf", survey(dir, "--ego", "P1", "--rings", "closeness", "--size", "constraint", "-o", out+"/p1c.pdf"), []string{"p1c.pdf"}},
		{"ego network as a force sociogram", survey(dir, "--ego", "P1", "--layout", "force", "--color", "role", "-o", out+"/p1f.png"), []string{"p1f.png"}},
		{"before and after", survey(dir, "--ego", "P1", "--before", "1", "--after", "2", "--rings", "closeness", "--sectors", "role", "-o", out+"/p1ba.png"), []string{"p1ba.png"}},
		{"all egos, one file each", survey(dir, "--all", "--rings", "closeness", "--sectors", "role", "-o", out+"/all"), []string{"all/P1_w1.png", "all/P2_w1.png"}},
		{"before and after into a directory", survey(dir, "--ego", "P1", "--before", "1", "--after", "2", "-o", out+"/ba"), []string{"ba/P1_w1-2.png"}},
		{"all egos on one page", survey(dir, "--all", "--rings", "closeness", "--sectors", "role", "-o", out+"/page.png"), []string{"page.png"}},
		{"histogram of a measure", survey(dir, "--chart", "size", "-o", out+"/hist.png"), []string{"hist.png"}},
		{"change chart", survey(dir, "--chart", "size", "--before", "1", "--after", "2", "-o", out+"/change.png"), []string{"change.png"}},
		{"whole network, force, sized by constraint", wholeArgs(dir, "--color", "group", "--size", "constraint", "--seed", "3", "-o", out+"/net.png"), []string{"net.png"}},
		{"histogram of a node measure", wholeArgs(dir, "--chart", "constraint", "-o", out+"/wc.svg"), []string{"wc.svg"}},
		{"whole network, concentric by degree", wholeArgs(dir, "--layout", "concentric", "-o", out+"/conc.png"), []string{"conc.png"}},
		{"whole network, circle", wholeArgs(dir, "--layout", "circle", "-o", out+"/circle.pdf"), []string{"circle.pdf"}},
		{"ego network of a node", wholeArgs(dir, "--ego", "c", "--color", "group", "-o", out+"/c.png"), []string{"c.png"}},
		{"egogram of a node", wholeArgs(dir, "--ego", "c", "--layout", "egogram", "--sectors", "group", "-o", out+"/c_ego.png"), []string{"c_ego.png"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			require.Equal(t, 0, run(c.args, &stdout, &stderr), "stderr: %s", stderr.String())
			if c.files == nil {
				assert.Contains(t, stdout.String(), "<svg", "picture on standard output")
			}
			for _, f := range c.files {
				info, err := os.Stat(filepath.Join(out, f))
				require.NoError(t, err)
				assert.Greater(t, info.Size(), int64(1000), f)
			}
		})
	}
	// Page sizes: one egogram is 800×640 px; before/after 1280×720.
	w, h := pngSize(t, out+"/p1.png")
	assert.Equal(t, [2]int{800, 640}, [2]int{w, h})
	w, h = pngSize(t, out+"/p1ba.png")
	assert.Equal(t, [2]int{1280, 720}, [2]int{w, h})
}

// TestDrawDeterministic runs the same command twice and compares bytes.
func TestDrawDeterministic(t *testing.T) {
	dir := drawStudy(t)
	out := t.TempDir()
	for _, ext := range []string{"png", "svg", "pdf"} {
		var got [2][]byte
		for i := range got {
			path := filepath.Join(out, "x."+ext)
			var so, se bytes.Buffer
			require.Equal(t, 0, run(wholeArgs(dir, "--color", "group", "-o", path), &so, &se), se.String())
			var err error
			got[i], err = os.ReadFile(path)
			require.NoError(t, err)
		}
		assert.True(t, bytes.Equal(got[0], got[1]), "%s output differs between runs", ext)
	}
}

func TestDrawErrors(t *testing.T) {
	dir := drawStudy(t)
	out := t.TempDir()
	// A path of 20,001 nodes: one more than draw lays out.
	var big strings.Builder
	big.WriteString("source,target\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&big, "%d,%d\n", i, i+1)
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "path.csv"), []byte(big.String()), 0o644))
	cases := []struct {
		name   string
		args   []string
		status int
		msg    string
	}{
		{"no output", survey(dir, "--ego", "P1"), 2, "-o FILE or DIR is required"},
		{"no ego", survey(dir, "-o", out+"/x.png"), 2, "give --ego ID"},
		{"ego and all", survey(dir, "--ego", "P1", "--all", "-o", out+"/x.png"), 2, "not both"},
		{"bad layout", survey(dir, "--ego", "P1", "--layout", "spiral", "-o", out+"/x.png"), 2, `unknown --layout "spiral"`},
		{"bad extension", survey(dir, "--ego", "P1", "-o", out+"/x.gif"), 2, "unknown image extension .gif"},
		{"before without after", survey(dir, "--ego", "P1", "--before", "1", "-o", out+"/x.png"), 2, "--before and --after go together"},
		{"unknown ego", survey(dir, "--ego", "P9", "-o", out+"/x.png"), 1, `no ego "P9"`},
		{"unknown wave", survey(dir, "--ego", "P1", "--at-wave", "7", "-o", out+"/x.png"), 1, `no wave "7"`},
		{"ego missing at the later wave", survey(dir, "--ego", "P2", "--before", "1", "--after", "2", "-o", out+"/x.png"), 1, `ego "P2" has no wave "2"`},
		{"unknown ring attribute", survey(dir, "--ego", "P1", "--rings", "nope", "-o", out+"/x.png"), 1, `no alter attribute "nope"`},
		{"unknown colour attribute", survey(dir, "--ego", "P1", "--color", "nope", "-o", out+"/x.png"), 1, `no alter attribute "nope" to colour by`},
		{"positions with a chart", survey(dir, "--chart", "size", "--positions", out+"/p.csv", "-o", out+"/x.png"), 2, "--positions goes with network pictures"},
		{"size neither attribute nor measure", survey(dir, "--ego", "P1", "--size", "nope", "-o", out+"/x.png"), 2, "--size nope"},
		{"unknown node", wholeArgs(dir, "--ego", "zz", "-o", out+"/x.png"), 1, `no node "zz"`},
		{"whole network to a directory", wholeArgs(dir, "-o", out+"/dir"), 2, "one FILE"},
		{"whole network too large", []string{"draw", "--edges", dir + "/path.csv", "-o", out + "/x.png"}, 1, "20001 nodes, too many"},
		{"chart of an unknown measure", survey(dir, "--chart", "nosuch", "-o", out+"/x.png"), 2, "nosuch"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			assert.Equal(t, c.status, run(c.args, &stdout, &stderr))
			msg := stderr.String()
			assert.Contains(t, msg, c.msg)
			assert.Equal(t, 1, strings.Count(msg, "\n"), "one line: %q", msg)
			entries, err := os.ReadDir(out)
			require.NoError(t, err)
			assert.Empty(t, entries, "nothing written on failure")
		})
	}
}

// TestDrawAllBeforeAfter: --all with --before/--after draws everyone
// present at both waves (P1) and lists who was skipped and why (P2 has no
// wave 2), without stopping.
func TestDrawAllBeforeAfter(t *testing.T) {
	dir := drawStudy(t)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run(survey(dir, "--all", "--before", "1", "--after", "2", "--rings", "closeness", "--sectors", "role",
		"--positions", out+"/pos.csv", "-o", out+"/ba"), &stdout, &stderr), stderr.String())
	assert.Equal(t, "draw: 1 people present at both waves drawn; 1 skipped: P2 (no interview at wave 2)\n", stderr.String())
	assert.FileExists(t, out+"/ba/P1_w1-2.png")
	assert.NoFileExists(t, out+"/ba/P2_w1-2.png")
	b, err := os.ReadFile(out + "/pos.csv")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	assert.Equal(t, "panel,node,x,y,r", lines[0])
	// P1: 5 alters and the ego at wave 1, 6 alters and the ego at wave 2.
	assert.Len(t, lines, 1+6+7)
	assert.True(t, strings.HasPrefix(lines[1], "P1_w1-2 wave 1,Mum,"), lines[1])
}
