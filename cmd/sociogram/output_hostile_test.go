//go:build unix

package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Writes that must never destroy or leak (issue 18 items 1-5). Each case
// names the item it reproduces; each failed on the main branch before the
// fix (the /dev/null case is never run against the old code: it replaced
// the device).

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// Item 1: a device, a FIFO or a symlink is never replaced by a regular
// file. A device or FIFO is written through; a symlink is followed.
func TestOutputNeverReplacesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()

	t.Run("1 symlink to /dev/null stays a link, the device a device", func(t *testing.T) {
		link := filepath.Join(dir, "null")
		require.NoError(t, os.Symlink("/dev/null", link))
		require.NoError(t, writeOutput(link, nil, writeString("a,b\n")))
		li, err := os.Lstat(link)
		require.NoError(t, err)
		assert.NotZero(t, li.Mode()&os.ModeSymlink, "got %v, want the link kept", li.Mode())
		fi, err := os.Stat("/dev/null")
		require.NoError(t, err)
		assert.NotZero(t, fi.Mode()&os.ModeCharDevice, "got %v, want /dev/null still a character device", fi.Mode())
	})

	t.Run("1 FIFO is written through", func(t *testing.T) {
		fifo := filepath.Join(dir, "fifo")
		require.NoError(t, syscall.Mkfifo(fifo, 0o600))
		got := make(chan string, 1)
		go func() {
			f, err := os.Open(fifo)
			if err != nil {
				got <- err.Error()
				return
			}
			b, _ := io.ReadAll(f)
			f.Close()
			got <- string(b)
		}()
		require.NoError(t, writeOutput(fifo, nil, writeString("x,y\n")))
		select {
		case s := <-got:
			assert.Equal(t, "x,y\n", s)
		case <-time.After(5 * time.Second):
			t.Fatal("the FIFO's reader got nothing in 5 s")
		}
		fi, err := os.Lstat(fifo)
		require.NoError(t, err)
		assert.NotZero(t, fi.Mode()&os.ModeNamedPipe, "got %v, want the FIFO kept", fi.Mode())
	})

	t.Run("1 symlink to a regular file: the target is replaced, the link kept", func(t *testing.T) {
		target := filepath.Join(dir, "real.csv")
		require.NoError(t, os.WriteFile(target, []byte("old\n"), 0o600))
		link := filepath.Join(dir, "link.csv")
		require.NoError(t, os.Symlink("real.csv", link))
		require.NoError(t, writeOutput(link, nil, writeString("new\n")))
		assert.Equal(t, "new\n", readFile(t, target))
		li, err := os.Lstat(link)
		require.NoError(t, err)
		assert.NotZero(t, li.Mode()&os.ModeSymlink, "got %v, want the link kept", li.Mode())
		assertNoStrays(t, dir)
	})

	t.Run("1 dangling symlink is refused", func(t *testing.T) {
		link := filepath.Join(dir, "dangling.csv")
		require.NoError(t, os.Symlink("nowhere/x.csv", link))
		err := writeOutput(link, nil, writeString("new\n"))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "symbolic link to nothing")
		assertNoStrays(t, dir)
	})
}

// Item 2: -o naming a directory fails and leaves no temporary file; Commit
// is done only after the rename; temporary files go on SIGINT/SIGTERM.
func TestOutputLeavesNoTemporaryFiles(t *testing.T) {
	t.Run("2 -o naming a directory", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "isdir")
		require.NoError(t, os.Mkdir(out, 0o755))
		err := writeOutput(out, nil, writeString("a,b\n"))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "is a directory")
		assertNoStrays(t, dir)
		assertNoStrays(t, out)
	})

	t.Run("2 a failed rename leaves nothing", func(t *testing.T) {
		dir := t.TempDir()
		f, err := createAtomic(filepath.Join(dir, "out.csv"))
		require.NoError(t, err)
		io.WriteString(f, "a,b\n")
		// A directory appears at the path after the check: the rename fails.
		require.NoError(t, os.Mkdir(filepath.Join(dir, "out.csv"), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "out.csv", "x"), nil, 0o644))
		require.Error(t, f.Commit())
		f.Abort()
		assertNoStrays(t, dir)
	})

	t.Run("2 SIGTERM removes the temporary file", func(t *testing.T) {
		if os.Getenv("SOCIOGRAM_SIGNAL_CHILD") != "" {
			return
		}
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestSignalChild$")
		cmd.Env = append(os.Environ(), "SOCIOGRAM_SIGNAL_CHILD="+filepath.Join(dir, "out.csv"))
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		require.ErrorAs(t, err, &ee, "child output: %s", out)
		assert.Equal(t, 128+int(syscall.SIGTERM), ee.ExitCode(), "child output: %s", out)
		assert.Contains(t, string(out), "temporary file written")
		assertNoStrays(t, dir)
		assert.NoFileExists(t, filepath.Join(dir, "out.csv"))
	})
}

// TestSignalChild is the child of the SIGTERM case: it starts an output
// file, sends itself SIGTERM and waits to be ended by main's handler.
func TestSignalChild(t *testing.T) {
	path := os.Getenv("SOCIOGRAM_SIGNAL_CHILD")
	if path == "" {
		t.Skip("run by TestOutputLeavesNoTemporaryFiles")
	}
	cleanupOnSignal()
	f, err := createAtomic(path)
	require.NoError(t, err)
	io.WriteString(f, strings.Repeat("a,b\n", 1000))
	os.Stdout.WriteString("temporary file written\n")
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	time.Sleep(10 * time.Second)
	t.Fatal("not ended by SIGTERM")
}

// Item 2: draw --all -o DIR writes every picture or none. DIR holding a
// directory where a picture would go makes the run fail; before, the
// pictures written until then stayed.
func TestDrawAllWritesAllOrNothing(t *testing.T) {
	dir := drawStudy(t)
	out := filepath.Join(t.TempDir(), "pics")
	require.NoError(t, os.MkdirAll(filepath.Join(out, "P2_w1.png"), 0o755))
	status, _, stderr := runCLI(survey(dir, "--all", "--at-wave", "1", "-o", out)...)
	assert.Equal(t, 1, status, stderr)
	assert.Contains(t, stderr, "not a regular file")
	assert.NoFileExists(t, filepath.Join(out, "P1_w1.png"), "no picture written when one fails")
	assertNoStrays(t, filepath.Dir(out))
}

// Item 3: the umask is respected and an existing file keeps its mode.
func TestOutputModes(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()

	t.Run("3 new file under umask 077 is 0600", func(t *testing.T) {
		p := filepath.Join(dir, "new.csv")
		require.NoError(t, writeOutput(p, nil, writeString("a\n")))
		fi, err := os.Stat(p)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "got %v, want 0600 as touch gives", fi.Mode().Perm())
	})

	t.Run("3 existing 0640 file keeps 0640", func(t *testing.T) {
		syscall.Umask(0o022)
		defer syscall.Umask(0o077)
		p := filepath.Join(dir, "kept.csv")
		require.NoError(t, os.WriteFile(p, []byte("old\n"), 0o600))
		require.NoError(t, os.Chmod(p, 0o640))
		require.NoError(t, writeOutput(p, nil, writeString("new\n")))
		fi, err := os.Stat(p)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o640), fi.Mode().Perm(), "got %v, want the old mode", fi.Mode().Perm())
		assert.Equal(t, "new\n", readFile(t, p))
	})

	t.Run("3 convert directory under umask 077 is 0700, files 0600", func(t *testing.T) {
		in := filepath.Join(dir, "e.csv")
		require.NoError(t, os.WriteFile(in, []byte(goodEdges), 0o600))
		out := filepath.Join(dir, "conv")
		status, _, stderr := runCLI("convert", "--edges", in, "--to", "edges", "-o", out)
		require.Equal(t, 0, status, stderr)
		fi, err := os.Stat(out)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o700), fi.Mode().Perm(), "got %v, want 0700", fi.Mode().Perm())
		fi, err = os.Stat(filepath.Join(out, "edges.csv"))
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "got %v, want 0600", fi.Mode().Perm())
	})
}

// Item 4: no output replaces an input of the same command.
func TestOutputNeverReplacesAnInput(t *testing.T) {
	setup := func(t *testing.T) string {
		d := t.TempDir()
		for name, body := range map[string]string{"egos.csv": goodEgos, "alters.csv": goodAlters, "aaties.csv": goodTies} {
			require.NoError(t, os.WriteFile(filepath.Join(d, name), []byte(body), 0o644))
		}
		return d
	}
	t.Run("4 convert --to egocsv into the input directory without --ties", func(t *testing.T) {
		d := setup(t)
		status, _, stderr := runCLI("convert", "--egos", d+"/egos.csv", "--alters", d+"/alters.csv", "--to", "egocsv", "-o", d)
		assert.Equal(t, 1, status, stderr)
		assert.Contains(t, stderr, "is an input of this command")
		assert.Equal(t, goodTies, readFile(t, d+"/aaties.csv"), "the ties file is untouched")
		assert.Equal(t, goodEgos, readFile(t, d+"/egos.csv"))
		assertNoStrays(t, d)
	})
	t.Run("4 egos -o over the egos table", func(t *testing.T) {
		d := setup(t)
		status, _, stderr := runCLI("egos", "--egos", d+"/egos.csv", "--alters", d+"/alters.csv", "--ties", d+"/aaties.csv", "-o", d+"/egos.csv")
		assert.Equal(t, 1, status, stderr)
		assert.Contains(t, stderr, "is an input of this command")
		assert.Equal(t, goodEgos, readFile(t, d+"/egos.csv"))
	})
	t.Run("4 egos -o over the ties table through a symlink", func(t *testing.T) {
		d := setup(t)
		require.NoError(t, os.Symlink("aaties.csv", d+"/link.csv"))
		status, _, stderr := runCLI("egos", "--egos", d+"/egos.csv", "--alters", d+"/alters.csv", "--ties", d+"/aaties.csv", "-o", d+"/link.csv")
		assert.Equal(t, 1, status, stderr)
		assert.Equal(t, goodTies, readFile(t, d+"/aaties.csv"))
	})
}

// Item 5: draw -o DIR gives each ego its own file, inside DIR, even when
// IDs differ only in characters a file name cannot hold, and wave values
// that look like paths stay inside DIR.
func TestDrawFileNamesStayDistinctAndInside(t *testing.T) {
	dir := t.TempDir()
	egos := "egoID,wave\nA B,../../../escaped\nA_B,../../../escaped\nZoë,../../../escaped\nZoé,../../../escaped\n张三,../../../escaped\n李四,../../../escaped\n王五,../../../escaped\n"
	alters := "egoID,wave,alterID\nA B,../../../escaped,x\nA_B,../../../escaped,x\nZoë,../../../escaped,x\nZoé,../../../escaped,x\n张三,../../../escaped,x\n李四,../../../escaped,x\n王五,../../../escaped,x\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "egos.csv"), []byte(egos), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "alters.csv"), []byte(alters), 0o644))
	out := filepath.Join(dir, "a", "b", "c", "pics")
	status, _, stderr := runCLI("draw", "--egos", dir+"/egos.csv", "--alters", dir+"/alters.csv", "--wave", "wave", "--all", "-o", out)
	require.Equal(t, 0, status, stderr)
	ents, err := os.ReadDir(out)
	require.NoError(t, err)
	var names []string
	for _, e := range ents {
		assert.False(t, e.IsDir(), "got a subdirectory %s", e.Name())
		names = append(names, e.Name())
	}
	assert.Len(t, names, 7, "got %v, want one file per ego", names)
	for _, want := range []string{"Zoë", "Zoé", "张三", "李四", "王五"} {
		found := false
		for _, n := range names {
			found = found || strings.HasPrefix(n, want+"_")
		}
		assert.True(t, found, "got %v, want a file named after %s", names, want)
	}
	_, err = os.Stat(filepath.Join(dir, "escaped"))
	assert.True(t, os.IsNotExist(err), "nothing written outside -o DIR")
	_, err = os.Stat(filepath.Join(dir, "a", "escaped"))
	assert.True(t, os.IsNotExist(err), "nothing written outside -o DIR")
}

// Item 17: convert --to graphml -o DIR refuses every file the GraphML
// directory reader would mix in, in any letter case.
func TestConvertGraphMLRefusesStaleFiles(t *testing.T) {
	for _, stale := range []string{"stale.xml", "STALE2.GRAPHML", "old.xml.gz"} {
		t.Run(stale, func(t *testing.T) {
			d := t.TempDir()
			for name, body := range map[string]string{"egos.csv": goodEgos, "alters.csv": goodAlters, "aaties.csv": goodTies} {
				require.NoError(t, os.WriteFile(filepath.Join(d, name), []byte(body), 0o644))
			}
			out := filepath.Join(d, "gml")
			require.NoError(t, os.Mkdir(out, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(out, stale), []byte("<graphml/>"), 0o644))
			status, _, stderr := runCLI("convert", "--egos", d+"/egos.csv", "--alters", d+"/alters.csv", "--ties", d+"/aaties.csv", "--to", "graphml", "-o", out)
			assert.Equal(t, 1, status, stderr)
			assert.Contains(t, stderr, "already holds "+stale)
		})
	}
}
