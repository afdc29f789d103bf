package arrowtake

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// fromJSON is the array of dt the JSON text describes, sliced to
// [from, to) when to > 0.
func fromJSON(t *testing.T, dt arrow.DataType, text string, from, to int) arrow.Array {
	t.Helper()
	arr, _, err := array.FromJSON(memory.DefaultAllocator, dt, strings.NewReader(text))
	if err != nil {
		t.Fatalf("%s %s: %v", dt, text, err)
	}
	if to == 0 {
		return arr
	}
	defer arr.Release()
	return array.NewSlice(arr, int64(from), int64(to))
}

// TestTakeHandBuilt: small sliced cases with the result written out, and
// checked against the reference too.
func TestTakeHandBuilt(t *testing.T) {
	i32 := arrow.PrimitiveTypes.Int32
	dict := &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int16, ValueType: arrow.BinaryTypes.String}
	cases := []struct {
		dt         arrow.DataType
		values     string
		from, to   int
		indices    []int
		valid      []bool
		want       string
		wantParity bool // also compare to the reference
	}{
		{arrow.PrimitiveTypes.Int64, `[1, null, 3, 4]`, 1, 4, []int{2, 0, 99, 1}, []bool{true, true, false, true}, `[4, null, null, 3]`, true},
		{arrow.BinaryTypes.String, `["a", "bc", null, ""]`, 1, 4, []int{0, 2, 1, 0}, nil, `["bc", "", null, "bc"]`, true},
		{arrow.ListOf(i32), `[[1, 2], null, [], [3]]`, 1, 4, []int{2, 0, 1}, nil, `[[3], null, []]`, true},
		{arrow.FixedSizeListOf(2, i32), `[[1, 2], null, [3, null]]`, 1, 3, []int{1, 0, 1}, []bool{true, true, false}, `[[3, null], null, null]`, true},
		{arrow.StructOf(arrow.Field{Name: "a", Type: i32, Nullable: true}, arrow.Field{Name: "b", Type: arrow.BinaryTypes.String, Nullable: true}),
			`[{"a": 1, "b": "x"}, null, {"a": null, "b": "z"}]`, 1, 3, []int{1, 0, 1}, nil, `[{"a": null, "b": "z"}, null, {"a": null, "b": "z"}]`, false},
		{arrow.MapOf(arrow.BinaryTypes.String, i32), `[[{"key": "k", "value": 1}], null, [{"key": "a", "value": null}, {"key": "b", "value": 2}]]`, 0, 0,
			[]int{2, 1, 0}, nil, `[[{"key": "a", "value": null}, {"key": "b", "value": 2}], null, [{"key": "k", "value": 1}]]`, true},
		{dict, `["x", null, "y", "x"]`, 1, 4, []int{2, 0, 1}, nil, `["x", null, "y"]`, true},
		{i32, `[]`, 0, 0, nil, nil, `[]`, true},
		{i32, `[]`, 0, 0, []int{5, -1}, []bool{false, false}, `[null, null]`, true},
		{arrow.Null, `[null, null, null]`, 1, 3, []int{1, 0, 0}, nil, `[null, null, null]`, true},
	}
	for _, c := range cases {
		values := fromJSON(t, c.dt, c.values, c.from, c.to)
		got, err := Take(memory.DefaultAllocator, values, c.indices, c.valid)
		if err != nil {
			t.Fatalf("%s: %v", c.dt, err)
		}
		want := fromJSON(t, c.dt, c.want, 0, 0)
		if !array.Equal(got, want) {
			t.Errorf("%s: take %v (valid %v) of %v is %v, want %v", c.dt, c.indices, c.valid, values, got, want)
		}
		if c.wantParity {
			check(t, values, c.indices, c.valid, &tally{})
		}
		got.Release()
		want.Release()
		values.Release()
	}
}

// TestTakeStructNullFields: under a struct that is null, compute (and
// Take) keep the field values; where the index is null, the fields are
// null.
func TestTakeStructNullFields(t *testing.T) {
	dt := arrow.StructOf(arrow.Field{Name: "a", Type: arrow.PrimitiveTypes.Int32, Nullable: true})
	values := fromJSON(t, dt, `[{"a": 1}, {"a": 2}]`, 0, 0)
	defer values.Release()
	nullStruct := array.NewData(dt, 2, []*memory.Buffer{memory.NewBufferBytes([]byte{1})}, values.Data().Children(), 1, 0)
	arr := array.MakeFromData(nullStruct)
	defer arr.Release()
	nullStruct.Release()
	got, err := Take(memory.DefaultAllocator, arr, []int{1, 0, 1}, []bool{true, true, false})
	if err != nil {
		t.Fatal(err)
	}
	defer got.Release()
	field := got.(*array.Struct).Field(0).(*array.Int32)
	if field.Value(0) != 2 || field.IsNull(0) || field.Value(1) != 1 || field.IsValid(2) {
		t.Errorf("fields of %v are %v", got, field)
	}
	check(t, arr, []int{1, 0, 1}, []bool{true, true, false}, &tally{})
}

// TestTakeLarge: long arrays of random types (bitmaps of many words).
func TestTakeLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	g := newGen(r)
	var n tally
	for range 20 {
		dt := g.Type(2)
		values := g.Array(dt, 500+r.IntN(1500))
		indices, valid := randomIndices(r, values.Len(), 3000)
		check(t, values, indices, valid, &n)
		values.Release()
	}
	n.log(t)
}

// TestTakeErrors: an index out of range (at a row not null), a validity
// of the wrong length and a type not handled are errors.
func TestTakeErrors(t *testing.T) {
	values := fromJSON(t, arrow.PrimitiveTypes.Int64, `[1, 2, 3]`, 0, 0)
	defer values.Release()
	for _, indices := range [][]int{{0, 3}, {-1}} {
		if _, err := Take(memory.DefaultAllocator, values, indices, nil); !errors.Is(err, ErrIndex) {
			t.Errorf("take %v of 3 values: error %v, want ErrIndex", indices, err)
		}
	}
	if _, err := Take(memory.DefaultAllocator, values, []int{0, 3}, []bool{true, false}); err != nil {
		t.Errorf("out of range under a null: %v", err)
	}
	if _, err := Take(memory.DefaultAllocator, values, []int{0, 1}, []bool{true}); err == nil {
		t.Error("validity of the wrong length: no error")
	}
	union := array.MakeArrayOfNull(memory.DefaultAllocator, arrow.SparseUnionOf([]arrow.Field{{Name: "a", Type: arrow.PrimitiveTypes.Int32}}, []arrow.UnionTypeCode{0}), 2)
	defer union.Release()
	if _, err := Take(memory.DefaultAllocator, union, []int{0}, nil); err == nil {
		t.Error("sparse union: no error")
	}
}

// TestTakeDamaged: array data whose buffers or children are too short,
// or whose offsets decrease, give errors, not panics. (Taken as data: most
// of these make array.MakeFromData panic, so no arrow.Array has them.)
func TestTakeDamaged(t *testing.T) {
	i32 := arrow.PrimitiveTypes.Int32
	offsets := func(o ...int32) *memory.Buffer { return memory.NewBufferBytes(arrow.GetBytes(o)) }
	child := fromJSON(t, i32, `[1, 2, 3]`, 0, 0)
	defer child.Release()
	cases := []struct {
		name string
		data arrow.ArrayData
	}{
		{"short values", array.NewData(i32, 4, []*memory.Buffer{nil, memory.NewBufferBytes(make([]byte, 12))}, nil, 0, 0)},
		{"short bitmap", array.NewData(i32, 20, []*memory.Buffer{memory.NewBufferBytes([]byte{1}), memory.NewBufferBytes(make([]byte, 80))}, nil, 3, 0)},
		{"short offsets", array.NewData(arrow.BinaryTypes.String, 3, []*memory.Buffer{nil, offsets(0, 1), memory.NewBufferBytes([]byte("ab"))}, nil, 0, 0)},
		{"offsets past data", array.NewData(arrow.BinaryTypes.String, 2, []*memory.Buffer{nil, offsets(0, 1, 7), memory.NewBufferBytes([]byte("ab"))}, nil, 0, 0)},
		{"decreasing offsets", array.NewData(arrow.BinaryTypes.String, 2, []*memory.Buffer{nil, offsets(0, 2, 1), memory.NewBufferBytes([]byte("ab"))}, nil, 0, 0)},
		{"offsets past child", array.NewData(arrow.ListOf(i32), 2, []*memory.Buffer{nil, offsets(0, 1, 9)}, []arrow.ArrayData{child.Data()}, 0, 0)},
		{"short fixed-size list child", array.NewData(arrow.FixedSizeListOf(2, i32), 2, []*memory.Buffer{nil}, []arrow.ArrayData{child.Data()}, 0, 0)},
		{"short struct field", array.NewData(arrow.StructOf(arrow.Field{Name: "a", Type: i32}), 4, []*memory.Buffer{nil}, []arrow.ArrayData{child.Data()}, 0, 0)},
		{"list without child", array.NewData(arrow.ListOf(i32), 2, []*memory.Buffer{nil, offsets(0, 1, 2)}, nil, 0, 0)},
	}
	for _, c := range cases {
		if _, err := take(memory.DefaultAllocator, c.data, selection{idx: []int{0, 1, 1}}); err == nil {
			t.Errorf("%s: no error", c.name)
		}
		c.data.Release()
	}
}
