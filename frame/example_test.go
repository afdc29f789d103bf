package frame_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/go-gota/gota/dataframe"

	"github.com/splitter-dev/splitter/frame"
	"github.com/splitter-dev/splitter/sample"
)

// df.sample(frac=0.5, random_state=1) on a gota DataFrame: package
// sample draws the positions, frame takes the rows.
func Example() {
	df := dataframe.ReadCSV(strings.NewReader("city\nOslo\nLima\nPune\nKyiv\nBaku\nRome\nDoha\nNuuk\n"))
	rs, _ := sample.Seed(1)
	pos, err := sample.Frame(df.Nrow(), sample.Options{Frac: new(0.5), RandomState: rs})
	if err != nil {
		panic(err)
	}
	out, err := frame.TakeGota(df, pos)
	if err != nil {
		panic(err)
	}
	fmt.Println(out.Col("city").Records())
	// Output: [Nuuk Pune Lima Doha]
}

// df.groupby("g").sample(n=1, random_state=5) on a gota DataFrame.
func ExampleGotaGroups() {
	df := dataframe.ReadCSV(strings.NewReader("v,g\n0,x\n1,y\n2,x\n3,y\n4,x\n5,y\n6,x\n7,y\n8,z\n9,z\n"))
	g, err := frame.GotaGroups(df, "g")
	if err != nil {
		panic(err)
	}
	rs, _ := sample.Seed(5)
	n := 1
	pos, err := sample.GroupBy(g, sample.Options{N: &n, RandomState: rs})
	if err != nil {
		panic(err)
	}
	out, _ := frame.TakeGota(df, pos)
	fmt.Println(out.Col("v").Records())
	// Output: [0 7 9]
}

// df.sample(n=3, random_state=42) on an Arrow record.
func ExampleTakeRecord() {
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
	n := 3
	pos, _ := sample.Frame(int(rec.NumRows()), sample.Options{N: &n, RandomState: rs})
	out, err := frame.TakeRecord(context.Background(), rec, pos)
	if err != nil {
		panic(err)
	}
	defer out.Release()
	fmt.Println(out.Column(0).(*array.Int64).Int64Values())
	// Output: [108 101 105]
}
