package arrow15_test

import (
	"context"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"

	"github.com/splitter-dev/splitter/frame/arrow15"
	"github.com/splitter-dev/splitter/sample"
	"github.com/splitter-dev/splitter/split"
)

// df.sample(n=3, random_state=42) on an Arrow record.
func ExampleTake() {
	b := array.NewInt64Builder(memory.DefaultAllocator)
	defer b.Release()
	for i := range 10 {
		b.Append(int64(100 + i))
	}
	col := b.NewArray()
	defer col.Release()
	schema := arrow.NewSchema([]arrow.Field{{Name: "v", Type: arrow.PrimitiveTypes.Int64}}, nil)
	rec := array.NewRecord(schema, []arrow.Array{col}, 10)
	defer rec.Release()

	rs, _ := sample.Seed(42)
	pos, _ := sample.Frame(int(rec.NumRows()), sample.Options{N: new(3), RandomState: rs})
	out, err := arrow15.Take(context.Background(), rec, pos)
	if err != nil {
		panic(err)
	}
	defer out.Release()
	fmt.Println(out.Column(0).(*array.Int64).Int64Values())
	// Output: [108 101 105]
}

// train_test_split(df, test_size=0.5, stratify=df["y"], random_state=0)
// on an Arrow string column.
func ExampleLabels() {
	b := array.NewStringBuilder(memory.DefaultAllocator)
	defer b.Release()
	b.AppendValues([]string{"b", "a", "b", "a", "b", "a"}, nil)
	col := b.NewArray()
	defer col.Release()

	y, err := arrow15.Labels(col)
	if err != nil {
		panic(err)
	}
	_, test, err := split.TrainTestSplit(col.Len(), split.TrainTestOptions{
		TestSize: split.FloatSize(0.5), RandomState: split.Seed(0), Stratify: y})
	if err != nil {
		panic(err)
	}
	fmt.Println(test)
	// Output: [2 3 1]
}
