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
