package arrowtake

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/splitter-dev/splitter/internal/arrowgen"
)

// tally counts the cases checked and those whose Parquet bytes were
// compared (pqarrow cannot write some types: durations, intervals, ...).
type tally struct {
	cases, parquet int
	writeErrs      map[string]int // pqarrow's errors, by their first words
}

// log logs the counts.
func (n *tally) log(t *testing.T) {
	t.Logf("%d cases, %d compared as Parquet; not written by pqarrow: %v", n.cases, n.parquet, n.writeErrs)
}

// check takes indices (null where valid is false) from values with Take
// and with the reference, and fails unless the results are array.Equal
// and write the same Parquet bytes, and Take releases all it allocates.
func check(t *testing.T, values arrow.Array, indices []int, valid []bool, n *tally) {
	t.Helper()
	checkReleased(t, values, indices, valid)
	got, err := Take(memory.DefaultAllocator, values, indices, valid)
	if err != nil {
		t.Fatalf("%s: %v", values.DataType(), err)
	}
	defer got.Release()
	want, err := reference(values, indices, valid)
	if err != nil {
		t.Fatalf("%s: reference: %v", values.DataType(), err)
	}
	defer want.Release()
	if !array.Equal(got, want) || got.NullN() != want.NullN() {
		t.Fatalf("%s: take %v (valid %v) of %v\ngot  %v\nwant %v", values.DataType(), indices, valid, values, got, want)
	}
	writeErr, err := sameParquet(got, want)
	if err != nil {
		t.Fatalf("%s: take %v (valid %v) of %v: %v", values.DataType(), indices, valid, values, err)
	}
	n.cases++
	if writeErr == nil {
		n.parquet++
		return
	}
	if n.writeErrs == nil {
		n.writeErrs = map[string]int{}
	}
	n.writeErrs[strings.Join(strings.Fields(writeErr.Error())[:min(6, len(strings.Fields(writeErr.Error())))], " ")]++
}

// checkReleased fails unless Take's result, released, leaves nothing
// allocated. (Not checked after writing Parquet: pqarrow v15 keeps
// references to nested dictionaries.)
func checkReleased(t *testing.T, values arrow.Array, indices []int, valid []bool) {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	got, err := Take(mem, values, indices, valid)
	if err != nil {
		t.Fatalf("%s: %v", values.DataType(), err)
	}
	got.Release()
	if mem.CurrentAlloc() != 0 {
		t.Fatalf("%s: %d bytes not released", values.DataType(), mem.CurrentAlloc())
	}
}

// randomIndices returns k random indices into n values, with repeats, and
// a random validity (nil a third of the time); a null index holds garbage.
func randomIndices(r *rand.Rand, n, k int) ([]int, []bool) {
	indices := make([]int, k)
	var valid []bool
	if n == 0 || r.IntN(3) > 0 {
		valid = make([]bool, k)
	}
	p := r.Float64()
	for i := range indices {
		if n == 0 || (valid != nil && r.Float64() < p) {
			indices[i] = -7
			continue
		}
		indices[i] = r.IntN(n)
		if valid != nil {
			valid[i] = true
		}
	}
	return indices, valid
}

// checkRandom checks cases random takes from random arrays of dt.
func checkRandom(t *testing.T, g *arrowgen.Gen, dt arrow.DataType, cases int, n *tally) {
	t.Helper()
	r := g.Rand()
	for range cases {
		size := r.IntN(25)
		values := g.Array(dt, size)
		for range 2 {
			indices, valid := randomIndices(r, size, r.IntN(40))
			check(t, values, indices, valid, n)
		}
		values.Release()
	}
}

// TestTakeLeafTypes: every non-nested type (of random parameters: widths,
// precisions, units, time zones, dictionary index and value types),
// sliced, with nulls.
func TestTakeLeafTypes(t *testing.T) {
	g := newGen(rand.New(rand.NewPCG(1, 2)))
	var n tally
	for _, id := range arrowgen.LeafTypes() {
		cases := 40
		switch id {
		case arrow.DICTIONARY, arrow.TIMESTAMP:
			cases = 120
		}
		for range cases {
			checkRandom(t, g, g.TypeOf(id, 0), 1, &n)
		}
	}
	n.log(t)
}

// TestTakeNestedLeafTypes: every non-nested type inside each nested type.
func TestTakeNestedLeafTypes(t *testing.T) {
	g := newGen(rand.New(rand.NewPCG(3, 4)))
	var n tally
	for _, id := range arrowgen.LeafTypes() {
		leaf := g.TypeOf(id, 0)
		f := arrow.Field{Name: "item", Type: leaf, Nullable: true}
		for _, dt := range []arrow.DataType{
			arrow.ListOfField(f), arrow.LargeListOfField(f), arrow.FixedSizeListOfField(2, f),
			arrow.StructOf(f, arrow.Field{Name: "b", Type: arrow.PrimitiveTypes.Int32, Nullable: true}),
			arrow.MapOf(arrow.BinaryTypes.String, leaf),
		} {
			checkRandom(t, g, dt, 8, &n)
		}
	}
	n.log(t)
}

// TestTakeRandomNested: random types nested up to four levels.
func TestTakeRandomNested(t *testing.T) {
	g := newGen(rand.New(rand.NewPCG(5, 6)))
	var n tally
	for range 500 {
		checkRandom(t, g, g.Type(4), 1, &n)
	}
	n.log(t)
}
