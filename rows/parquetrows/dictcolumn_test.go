package parquetrows

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
)

// texts is every element of column ci of tbl as text, a dictionary's
// element its value.
func texts(tbl arrow.Table, ci int) []string {
	var out []string
	for _, c := range tbl.Column(ci).Data().Chunks() {
		for k := 0; k < c.Len(); k++ {
			out = append(out, c.ValueStr(k))
		}
	}
	return out
}

// TestDictionaryColumnAcrossRowGroups writes rows drawn from every row
// group of a file whose dictionary column (a pandas Categorical) gets a
// different dictionary in each row group, as it does
// when written without dictionary pages: each output row must hold its
// input row's values. Arrow v15's array.Concatenate fails it (it wrote
// the first dictionary's first value for most rows). A map column rides
// along: Arrow v15's take has no kernel for maps.
func TestDictionaryColumnAcrossRowGroups(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	dt := &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.PrimitiveTypes.Int64},
		{Name: "cat", Type: dt, Nullable: true},
		{Name: "m", Type: arrow.MapOf(arrow.BinaryTypes.String, arrow.PrimitiveTypes.Int64), Nullable: true},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	defer b.Release()
	const n = 3000
	for i := range n {
		b.Field(0).(*array.Int64Builder).Append(int64(i))
		cat := b.Field(1).(*array.BinaryDictionaryBuilder)
		if r.IntN(9) == 0 {
			cat.AppendNull()
		} else if err := cat.AppendString(fmt.Sprintf("c%d", r.IntN(7))); err != nil {
			t.Fatal(err)
		}
		m := b.Field(2).(*array.MapBuilder)
		m.Append(true)
		for k := range r.IntN(3) {
			m.KeyBuilder().(*array.StringBuilder).Append(fmt.Sprintf("k%d", k))
			m.ItemBuilder().(*array.Int64Builder).Append(r.Int64N(100))
		}
	}
	rec := b.NewRecord()
	defer rec.Release()
	path := filepath.Join(t.TempDir(), "dict.parquet")
	var in bytes.Buffer
	writeRecord(t, &in, rec, parquet.WithDictionaryDefault(false), parquet.WithMaxRowGroupLength(700))
	if err := os.WriteFile(path, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	want, _, _ := readBack(t, in.Bytes())
	for _, v := range []WriterVersion{WriterV1, WriterV2} {
		p, err := Open(path, Options{Writer: v})
		if err != nil {
			t.Fatal(err)
		}
		order := r.Perm(n)[:2000]
		var out bytes.Buffer
		if err := p.WriteRows(&out, order); err != nil {
			t.Fatal(err)
		}
		p.Close()
		got, _, _ := readBack(t, out.Bytes())
		for ci := 1; ci < 3; ci++ {
			w, g := texts(want, ci), texts(got, ci)
			for k, i := range order {
				if g[k] != w[i] {
					t.Fatalf("writer %d, column %d: output row %d (input row %d) holds %s, want %s", v, ci, k, i, g[k], w[i])
				}
			}
		}
	}
}
