package arrow15

import (
	"context"
	"strconv"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"

	"github.com/splitter-dev/splitter/sample"
)

// BenchmarkTakeShuffle1M shuffles a million-row record (an int64
// and a string column) as df.sample(frac=1) does.
func BenchmarkTakeShuffle1M(b *testing.B) {
	const n = 1000000
	mem := memory.DefaultAllocator
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "i", Type: arrow.PrimitiveTypes.Int64},
		{Name: "s", Type: arrow.BinaryTypes.String},
	}, nil)
	rb := array.NewRecordBuilder(mem, schema)
	for i := range n {
		rb.Field(0).(*array.Int64Builder).Append(int64(i))
		rb.Field(1).(*array.StringBuilder).Append(strconv.Itoa(i))
	}
	rec := rb.NewRecord()
	rb.Release()
	defer rec.Release()
	rs, _ := sample.Seed(1)
	pos, _ := sample.Shuffle(n, rs)
	for b.Loop() {
		out, err := Take(context.Background(), rec, pos)
		if err != nil {
			b.Fatal(err)
		}
		out.Release()
	}
}
