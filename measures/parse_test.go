package measures

import (
	"testing"

	"github.com/sociogram/sociogram/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseList(t *testing.T) {
	cases := []struct {
		name string
		list string
		want []Spec
	}{
		{"one plain name", "size", []Spec{{Column: "size", Name: "size"}}},
		{"spaces trimmed, order kept", " density , size ", []Spec{
			{Column: "density", Name: "density"}, {Column: "size", Name: "size"}}},
		{"attribute", "blau(sex)", []Spec{{Column: "blau(sex)", Name: "blau", Attr: "sex"}}},
		{"selector", "prop(sex=f)", []Spec{{Column: "prop(sex=f)", Name: "prop", Attr: "sex", Op: OpEq, Values: []string{"f"}}}},
		{"alternatives", "count(role=family|friend)", []Spec{
			{Column: "count(role=family|friend)", Name: "count", Attr: "role", Op: OpEq, Values: []string{"family", "friend"}}}},
		{"not equal", "count(role!=family)", []Spec{
			{Column: "count(role!=family)", Name: "count", Attr: "role", Op: OpNe, Values: []string{"family"}}}},
		{"numeric", "count(age>=65),prop(age<18)", []Spec{
			{Column: "count(age>=65)", Name: "count", Attr: "age", Op: OpGe, Values: []string{"65"}, nums: []float64{65}},
			{Column: "prop(age<18)", Name: "prop", Attr: "age", Op: OpLt, Values: []string{"18"}, nums: []float64{18}}}},
		{"comma inside parentheses stays with the item", "count(role=a,b|c),size", []Spec{
			{Column: "count(role=a,b|c)", Name: "count", Attr: "role", Op: OpEq, Values: []string{"a,b", "c"}},
			{Column: "size", Name: "size"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseList(c.list)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestParseListErrors(t *testing.T) {
	cases := []struct{ name, list, want string }{
		{"empty item", "size,,density", "empty item"},
		{"unknown name", "sizes", `bad measure "sizes": unknown measure "sizes"`},
		{"unclosed", "blau(sex", `"blau(sex": missing closing parenthesis`},
		{"stray parenthesis", "size)", "unbalanced"},
		{"nested", "blau((sex))", "unbalanced"},
		{"missing argument", "blau", `"blau": needs an attribute`},
		{"extra argument", "size(sex)", `"size(sex)": takes no argument`},
		{"selector where attribute wanted", "blau(sex=f)", "takes an attribute only"},
		{"attribute where selector wanted", "prop(sex)", "needs a value to select"},
		{"empty parentheses", "blau()", "empty parentheses"},
		{"no attribute", "prop(=f)", "no attribute"},
		{"empty value", "prop(sex=)", "empty value"},
		{"empty alternative", "prop(sex=f|)", "empty value"},
		{"two operators", "prop(sex=f=m)", "more than one operator"},
		{"bad operator", "prop(sex!f)", "malformed operator"},
		{"non-numeric bound", "count(age>=old)", "needs a finite number"},
		{"NaN bound", "count(age<=NaN)", "needs a finite number"},
		{"infinite bound", "count(age>Inf)", "needs a finite number"},
		{"alternatives with an order", "count(age>=1|2)", "one value"},
		{"duplicate column", "size,size", "listed twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseList(c.list)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrMeasure)
			assert.Contains(t, err.Error(), c.want)
			assert.NotContains(t, err.Error(), "\n", "errors are one line")
		})
	}
}

func TestCheck(t *testing.T) {
	b := network.NewDatasetBuilder(network.DatasetOptions{})
	require.NoError(t, b.AddEgo("e", "", network.NewAttrs(b.EgoAttrs(), map[string]string{"sex": "m"})))
	require.NoError(t, b.AddAlter("e", "", "a", 1, network.NewAttrs(b.AlterAttrs(), map[string]string{"sex": "f", "age": "40", "role": "friend"})))
	ds, _ := b.Build()
	sc := Schemas{Alters: ds.AlterAttrs, Egos: ds.EgoAttrs}
	ok := []string{"size", "blau(sex)", "mean(age)", "count(age>=65)", "count(role=friend)", "bonding(sex)", "prop(age=40)"}
	for _, item := range ok {
		specs, err := ParseList(item)
		require.NoError(t, err)
		assert.NoError(t, Check(specs, sc, &TableOptions{}), item)
	}
	bad := []struct{ item, want string }{
		{"blau(gender)", `attribute "gender" does not exist`},
		{"mean(sex)", `attribute "sex" is not numeric`},
		{"count(sex>1)", `attribute "sex" is not numeric`},
		{"bonding(role)", `"role" does not exist among the ego attributes`},
		{"bonding", "needs an attribute"},
		{"count(age=old)", `attribute "age" is numeric but "old" is not a number`},
	}
	for _, c := range bad {
		specs, err := ParseList(c.item)
		require.NoError(t, err, c.item)
		err = Check(specs, sc, &TableOptions{})
		require.Error(t, err, c.item)
		assert.Contains(t, err.Error(), c.want)
		assert.Contains(t, err.Error(), `"`+c.item+`"`, "the error names the item")
	}
}

func TestSpecMatch(t *testing.T) {
	eq, _ := ParseSpec("count(x=1|b)")
	ge, _ := ParseSpec("count(x>=2.5)")
	ne, _ := ParseSpec("count(x!=b)")
	cases := []struct {
		name string
		spec Spec
		v    network.Value
		want bool
	}{
		{"missing never matches =", eq, network.Value{}, false},
		{"missing never matches !=", ne, network.Value{}, false},
		{"text alternative", eq, network.ParseValue("b"), true},
		{"number equal to a numeric alternative", eq, network.ParseValue("1.0"), true},
		{"other text", eq, network.ParseValue("c"), false},
		{"!= other", ne, network.ParseValue("c"), true},
		{"!= same", ne, network.ParseValue("b"), false},
		{">= bound", ge, network.ParseValue("2.5"), true},
		{">= below", ge, network.ParseValue("2"), false},
		{">= text", ge, network.ParseValue("x"), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, c.spec.match(c.v))
		})
	}
}
