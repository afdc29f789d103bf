package pqwriter

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// TestSlicedStringDictionary writes dictionary columns whose string
// dictionary is a slice of a larger array (its first value past offset
// 0), which Arrow's PutDictionary reads at the wrong bytes (pqarrow then
// panics or writes other strings): pqwriter must write the values the
// column holds, as pqarrow's reader reads them back.
func TestSlicedStringDictionary(t *testing.T) {
	for _, from := range []int{1, 3, 7} {
		for _, n := range []int{1, 4, 30} {
			sb := array.NewStringBuilder(mem)
			for i := range from + 40 {
				sb.Append(fmt.Sprintf("value-%d-%s", i, string(make([]byte, i%5))))
			}
			all := sb.NewArray()
			sb.Release()
			dict := array.NewSlice(all, int64(from), int64(from+5))
			all.Release()
			ib := array.NewInt32Builder(mem)
			for i := range n {
				ib.Append(int32((i * 3) % 5))
			}
			idx := ib.NewArray()
			ib.Release()
			dt := &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}
			col := array.NewDictionaryArray(dt, idx, dict)
			sc := arrow.NewSchema([]arrow.Field{{Name: "d", Type: dt, Nullable: true}}, nil)
			rec := array.NewRecord(sc, []arrow.Array{col}, int64(n))
			var buf bytes.Buffer
			fw, err := NewFileWriter(sc, &buf, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := fw.Write(rec); err != nil {
				t.Fatalf("from %d, %d rows: %v", from, n, err)
			}
			if err := fw.Close(); err != nil {
				t.Fatal(err)
			}
			_, recs, err := readRecords(buf.Bytes(), 1<<20, false)
			if err != nil {
				t.Fatalf("from %d, %d rows: reading back: %v", from, n, err)
			}
			got := recs[0].Column(0).(*array.String)
			for i := range n {
				want := dict.(*array.String).Value(int(idx.(*array.Int32).Value(i)))
				if got.Value(i) != want {
					t.Fatalf("from %d, %d rows: row %d reads %q, want %q", from, n, i, got.Value(i), want)
				}
			}
			release(recs)
			rec.Release()
			col.Release()
			idx.Release()
			dict.Release()
		}
	}
}
