package pqwriter

import (
	"io"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/parquet"
)

// BenchmarkWrite compares pqarrow and FileWriter on 50k rows of flat and
// nested columns.
func BenchmarkWrite(b *testing.B) {
	g := newGen(1, false)
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "i", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "l", Type: arrow.ListOf(arrow.PrimitiveTypes.Int32), Nullable: true},
		{Name: "t", Type: arrow.StructOf(arrow.Field{Name: "a", Type: arrow.PrimitiveTypes.Float64, Nullable: true}), Nullable: true},
	}, nil)
	rec := g.Record(sc, 50000)
	defer rec.Release()
	for _, w := range []impl{oracle, ours} {
		b.Run(w.name, func(b *testing.B) {
			for b.Loop() {
				fw, err := w.newWriter(sc, io.Discard, parquet.NewWriterProperties())
				if err != nil {
					b.Fatal(err)
				}
				if err := fw.Write(rec); err != nil {
					b.Fatal(err)
				}
				if err := fw.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
