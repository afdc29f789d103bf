package arrowtake

import (
	"math/rand/v2"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// values is each element of a as text (a dictionary's element is its
// value's text, so arrays with different dictionaries compare by value).
func values(a arrow.Array) []string {
	out := make([]string, a.Len())
	for i := range out {
		if a.IsNull(i) {
			out[i] = "<null>"
		} else {
			out[i] = a.ValueStr(i)
		}
	}
	return out
}

// TestConcatenateDictionaries concatenates random arrays holding
// dictionaries (top level and nested) with differing dictionaries and
// checks every element against the element it came from. Arrow v15's
// array.Concatenate fails it: it loses every array's indices after the
// first.
func TestConcatenateDictionaries(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	g := newGen(r)
	dicts := []arrow.DataType{
		&arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String},
		&arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int8, ValueType: arrow.PrimitiveTypes.Int64},
		&arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Uint16, ValueType: arrow.BinaryTypes.LargeString},
	}
	cases := 0
	for range 400 {
		dt := dicts[r.IntN(len(dicts))]
		switch r.IntN(4) {
		case 1:
			dt = arrow.ListOf(dt)
		case 2:
			dt = arrow.StructOf(arrow.Field{Name: "a", Type: dt, Nullable: true}, arrow.Field{Name: "b", Type: arrow.PrimitiveTypes.Int32, Nullable: true})
		case 3:
			dt = g.Type(3)
		}
		if !hasDictionary(dt) {
			continue
		}
		cases++
		arrs := make([]arrow.Array, 1+r.IntN(4))
		var want []string
		for i := range arrs {
			arrs[i] = g.Array(dt, r.IntN(30))
			want = append(want, values(arrs[i])...)
		}
		got, err := Concatenate(mem, arrs)
		if err != nil {
			t.Fatalf("%s: %v", dt, err)
		}
		if g := values(got); len(g) != len(want) {
			t.Fatalf("%s: %d values, want %d", dt, len(g), len(want))
		} else {
			for k := range g {
				if g[k] != want[k] {
					t.Fatalf("%s: value %d is %s, want %s", dt, k, g[k], want[k])
				}
			}
		}
		got.Release()
		for _, a := range arrs {
			a.Release()
		}
	}
	if cases < 200 {
		t.Fatalf("only %d cases held a dictionary", cases)
	}
}
