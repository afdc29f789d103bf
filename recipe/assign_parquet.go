package recipe

import (
	"context"
	"io"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"

	"github.com/splitter-dev/splitter/internal/pqwriter"
)

// assignChunk is the number of rows of one record written at a time.
const assignChunk = 1 << 16

// assignSchema is the assignment file's schema: row int64, part string
// and position int64, the last two null for a row in no part. (Made when
// written, not at every start.)
func assignSchema() *arrow.Schema {
	return arrow.NewSchema([]arrow.Field{
		{Name: AssignColumns[0], Type: arrow.PrimitiveTypes.Int64},
		{Name: AssignColumns[1], Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: AssignColumns[2], Type: arrow.PrimitiveTypes.Int64, Nullable: true},
	}, nil)
}

// WriteParquet writes a as a Parquet file: row int64, part string,
// position int64 (the last two null for a row in no part).
func (a *Assignment) WriteParquet(ctx context.Context, w io.Writer) error {
	mem := memory.NewGoAllocator()
	schema := assignSchema()
	fw, err := pqwriter.NewFileWriter(schema, w, parquet.NewWriterProperties(parquet.WithAllocator(mem)))
	if err != nil {
		return err
	}
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	rowB := b.Field(0).(*array.Int64Builder)
	partB := b.Field(1).(*array.StringBuilder)
	posB := b.Field(2).(*array.Int64Builder)
	for lo := 0; lo < len(a.Part); lo += assignChunk {
		if err := ctx.Err(); err != nil {
			return err
		}
		for i := lo; i < min(lo+assignChunk, len(a.Part)); i++ {
			rowB.Append(int64(i))
			if a.Position[i] < 0 {
				partB.AppendNull()
				posB.AppendNull()
				continue
			}
			partB.Append(a.Part[i])
			posB.Append(int64(a.Position[i]))
		}
		rec := b.NewRecord()
		err := fw.WriteBuffered(rec)
		rec.Release()
		if err != nil {
			return err
		}
	}
	return fw.Close()
}
