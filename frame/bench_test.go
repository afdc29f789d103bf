package frame

import (
	"context"
	"strconv"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/splitter-dev/splitter/sample"
)

// BenchmarkTakeRecordShuffle1M shuffles a million-row record (an int64
// and a string column) as df.sample(frac=1) does.
func BenchmarkTakeRecordShuffle1M(b *testing.B) {
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
		out, err := TakeRecord(context.Background(), rec, pos)
		if err != nil {
			b.Fatal(err)
		}
		out.Release()
	}
}

// BenchmarkTakeGotaShuffle100k shuffles a 100,000-row gota DataFrame (an
// int and a string column).
func BenchmarkTakeGotaShuffle100k(b *testing.B) {
	const n = 100000
	ints := make([]int, n)
	strs := make([]string, n)
	for i := range n {
		ints[i], strs[i] = i, strconv.Itoa(i)
	}
	df := dataframe.New(series.New(ints, series.Int, "i"), series.New(strs, series.String, "s"))
	rs, _ := sample.Seed(1)
	pos, _ := sample.Shuffle(n, rs)
	for b.Loop() {
		if _, err := TakeGota(df, pos); err != nil {
			b.Fatal(err)
		}
	}
}
