package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRunUsage(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 2, run(nil, &out, &errb), "no command is a usage error")
	assert.Equal(t, 2, run([]string{"nosuch"}, &out, &errb))
	assert.Contains(t, errb.String(), `unknown command "nosuch"`)
	out.Reset()
	assert.Equal(t, 0, run([]string{"--version"}, &out, &errb))
	assert.True(t, strings.HasPrefix(out.String(), "sociogram "), "got %q", out.String())
}

// A flag that does not exist is a usage error of one line for every
// command: the flag package's own message and the usage text are held back.
func TestUnknownFlagOneLine(t *testing.T) {
	for name := range commands {
		t.Run(name, func(t *testing.T) {
			var out, errb bytes.Buffer
			status := run([]string{name, "--no-such-flag"}, &out, &errb)
			assert.Equal(t, 2, status)
			assert.Equal(t, "sociogram "+name+": flag provided but not defined: -no-such-flag\n", errb.String(),
				"got %q, want exactly one line", errb.String())
		})
	}
}
