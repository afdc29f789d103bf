// Command csv2parquet converts the benchmark CSV of scripts/bench/table.py
// (columns id,x,y,label) to Parquet as pandas' to_parquet(index=False)
// with pyarrow would write it: row groups of 128Ki rows, snappy, the
// Arrow schema stored. It is for benchmarks where pyarrow is missing.
//
// Usage: go run ./scripts/bench/csv2parquet IN.csv OUT.parquet
package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: csv2parquet IN.csv OUT.parquet")
		os.Exit(2)
	}
	if err := convert(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "csv2parquet:", err)
		os.Exit(1)
	}
}

var schema = arrow.NewSchema([]arrow.Field{
	{Name: "id", Type: arrow.PrimitiveTypes.Int64},
	{Name: "x", Type: arrow.PrimitiveTypes.Float64},
	{Name: "y", Type: arrow.PrimitiveTypes.Float64},
	{Name: "label", Type: arrow.BinaryTypes.String},
}, nil)

// convert writes the rows of the CSV at in to the Parquet file out.
func convert(in, out string) error {
	src, err := os.Open(in)
	if err != nil {
		return err
	}
	defer src.Close()
	r := csv.NewReader(src)
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil { // the header
		return err
	}
	dst, err := os.Create(out)
	if err != nil {
		return err
	}
	props := parquet.NewWriterProperties(parquet.WithMaxRowGroupLength(1<<17), parquet.WithCompression(compress.Codecs.Snappy))
	fw, err := pqarrow.NewFileWriter(schema, dst, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		dst.Close()
		return err
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	flush := func() error {
		rec := b.NewRecord()
		defer rec.Release()
		return fw.Write(rec)
	}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if len(rec) != 4 {
			return fmt.Errorf("%s: line %d: %d fields, want 4", in, line, len(rec))
		}
		id, err1 := strconv.ParseInt(rec[0], 10, 64)
		x, err2 := strconv.ParseFloat(rec[1], 64)
		y, err3 := strconv.ParseFloat(rec[2], 64)
		for _, e := range []error{err1, err2, err3} {
			if e != nil {
				return fmt.Errorf("%s: line %d: %w", in, line, e)
			}
		}
		b.Field(0).(*array.Int64Builder).Append(id)
		b.Field(1).(*array.Float64Builder).Append(x)
		b.Field(2).(*array.Float64Builder).Append(y)
		b.Field(3).(*array.StringBuilder).Append(rec[3])
		if line%(1<<17) == 1 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if b.Field(0).Len() > 0 {
		if err := flush(); err != nil {
			return err
		}
	}
	return fw.Close() // closes dst too
}
