package demo

import (
	"testing"

	"github.com/sociogram/sociogram/measures"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The committed CSV files must be exactly what the generator writes, so
// that anyone can reproduce them (and a hand edit shows up here).
func TestEmbeddedMatchesGenerator(t *testing.T) {
	got, want := Embedded(), Generate(Seed)
	assert.Equal(t, string(want.Egos), string(got.Egos), "egos.csv differs from Generate(Seed); run go generate ./internal/demo")
	assert.Equal(t, string(want.Alters), string(got.Alters), "alters.csv differs from Generate(Seed); run go generate ./internal/demo")
	assert.Equal(t, string(want.Ties), string(got.Ties), "aaties.csv differs from Generate(Seed); run go generate ./internal/demo")
	assert.Equal(t, string(want.Goals), string(got.Goals), "goals.csv differs from Generate(Seed); run go generate ./internal/demo")
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(7), Generate(7)
	assert.Equal(t, a, b, "same seed, different output")
	c := Generate(8)
	assert.NotEqual(t, string(a.Alters), string(c.Alters), "different seeds gave the same study")
}

// The properties the documentation promises, checked on the loaded study.
func TestLoad(t *testing.T) {
	ds, err := Load()
	require.NoError(t, err)
	require.Len(t, ds.Egos, 80, "40 people × 2 waves")
	assert.Equal(t, []string{"1", "2"}, ds.Waves())

	sizes := []struct {
		id     string
		w1, w2 int
	}{
		{"P07", 0, 2}, // zero-alter ego at wave 1
		{"P13", 1, 1}, // one-alter ego
		{"P31", 2, 0}, // zero-alter ego at wave 2
	}
	for _, c := range sizes {
		e1, e2 := ds.Ego(c.id, "1"), ds.Ego(c.id, "2")
		require.NotNil(t, e1, c.id)
		require.NotNil(t, e2, c.id)
		assert.Equal(t, c.w1, e1.Size(), "%s wave 1 size", c.id)
		assert.Equal(t, c.w2, e2.Size(), "%s wave 2 size", c.id)
	}
	// P13's one alter is kept: same ID at both waves.
	assert.Equal(t, ds.Ego("P13", "1").Alters[0].ID, ds.Ego("P13", "2").Alters[0].ID)

	// Kept, gained and lost alters all occur, and networks grow on average.
	var kept, gained, lost, n1, n2 int
	for _, e1 := range ds.Egos {
		if e1.Wave != "1" {
			continue
		}
		e2 := ds.Ego(e1.ID, "2")
		n1 += e1.Size()
		n2 += e2.Size()
		for _, a := range e1.Alters {
			if _, ok := e2.AlterIndex(a.ID); ok {
				kept++
			} else {
				lost++
			}
		}
		for _, a := range e2.Alters {
			if _, ok := e1.AlterIndex(a.ID); !ok {
				gained++
			}
		}
	}
	assert.Positive(t, kept)
	assert.Positive(t, gained)
	assert.Positive(t, lost)
	assert.Greater(t, n2, n1, "networks should grow slightly: %d alters at wave 1, %d at wave 2", n1, n2)

	// Every column the documentation lists is there, and the missing values
	// it promises are missing.
	for _, c := range append(append([]string{"sex", "age"}, RGUKItems...), LSNSItems...) {
		_, ok := ds.EgoAttrs.Index(c)
		assert.True(t, ok, "ego column %q", c)
	}
	for _, c := range []string{"sex", "age_group", "role", "ring", "contact"} {
		_, ok := ds.AlterAttrs.Index(c)
		assert.True(t, ok, "alter column %q", c)
	}
	assert.True(t, ds.Ego("P19", "1").EgoValue("age").IsMissing(), "P19's age is missing")
	assert.True(t, ds.Ego("P26", "2").EgoValue("rg14").IsMissing(), "P26's rg14 is missing at wave 2")
	var missingRing int
	for _, e := range ds.Egos {
		rings, _ := e.AlterValues("ring")
		for _, v := range rings {
			if v.IsMissing() {
				missingRing++
			}
		}
	}
	assert.Positive(t, missingRing, "a few rings are missing")
}

// The rules classify every role of the study, so no alter is left
// unclassified; P07's two group members at wave 2 are bridging ties.
func TestRules(t *testing.T) {
	rs, err := Rules()
	require.NoError(t, err)
	ds, err := Load()
	require.NoError(t, err)
	require.NoError(t, rs.Check(ds))
	for _, e := range ds.Egos {
		c := measures.Capital(e, rs)
		assert.Zero(t, c.Unclassified, "%s wave %s has unclassified alters", e.ID, e.Wave)
	}
	c := measures.Capital(ds.Ego("P07", "2"), rs)
	assert.Equal(t, 2, c.Bridging, "P07 wave 2: two group members (alters.csv)")
}
