package network

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// FileNames (issue 18 item 5): the expected names are FileNames' rules
// applied by hand; the hash suffixes are not spelt out, only that they
// make the names differ.
func TestFileNames(t *testing.T) {
	keys := [][]string{
		{"A B"}, {"A_B"}, {"Zoë"}, {"Zoé"}, {"张三"}, {"李四"}, {"王五"},
		{"e1", "../../../escaped"}, {"e1", "2024/06"}, {".."}, {"."}, {""},
		{"CON"}, {"ann"}, {"Ann"}, {"a\x00b"}, {"a\nb"}, {strings.Repeat("x", 300)},
		{"p", "1"}, {"p_1"},
	}
	names := FileNames(keys, "png")
	seen := map[string]int{}
	for i, n := range names {
		k := strings.ToLower(n)
		if j, dup := seen[k]; dup {
			t.Errorf("keys %q and %q both got %q", keys[j], keys[i], n)
		}
		seen[k] = i
		assert.Equal(t, n, filepath.Base(n), "got %q for %q: want a bare name", n, keys[i])
		assert.False(t, strings.HasPrefix(n, "."), "got %q for %q: want no leading dot", n, keys[i])
		assert.NotContains(t, n, "/")
		assert.NotContains(t, n, "\\")
		assert.LessOrEqual(t, len(n), 3*64+20, "got %d bytes for %q", len(n), keys[i])
		for _, r := range n {
			assert.False(t, r < 0x20 || r == 0x7f, "got control character in %q", n)
		}
		assert.True(t, strings.HasSuffix(n, ".png"), n)
	}
	// Readable: names that need no change stay as they are; Unicode
	// letters are kept.
	assert.Equal(t, "A_B.png", names[1])
	assert.Equal(t, "Zoë.png", names[2])
	assert.Equal(t, "Zoé.png", names[3])
	assert.Equal(t, "张三.png", names[4])
	assert.Equal(t, "ann.png", names[13])
	assert.Equal(t, "Ann-2.png", names[14], "a name equal but for letter case gets a number")
	assert.Equal(t, "p_1.png", names[18])
	assert.True(t, strings.HasPrefix(names[19], "p_1-") || names[19] == "p_1-2.png", "got %q", names[19])
	assert.True(t, strings.HasPrefix(names[0], "A_B-"), "got %q: a changed name gets a hash suffix", names[0])
	assert.True(t, strings.HasPrefix(names[12], "CON_"), "got %q: a reserved name is changed", names[12])
	// Deterministic.
	assert.Equal(t, names, FileNames(keys, "png"))
}
