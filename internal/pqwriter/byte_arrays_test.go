package pqwriter

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/parquet"
)

// TestLongByteArrayColumns holds writeByteArrays, which converts and
// writes a flat string or binary column a few thousand entries at a time,
// to pqarrow's bytes from one call: around the step and the write batch
// size, with nulls, sliced arrays, dictionaries that fall back to plain,
// small pages, and batch sizes that do not divide the step.
func TestLongByteArrayColumns(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	types := []arrow.DataType{arrow.BinaryTypes.String, arrow.BinaryTypes.Binary, arrow.BinaryTypes.LargeString}
	lengths := []int{0, 1, byteArrayStep - 1, byteArrayStep, byteArrayStep + 1, 2*byteArrayStep + 517, 50001}
	props := [][]parquet.WriterProperty{
		nil,
		{parquet.WithBatchSize(1000)},
		{parquet.WithBatchSize(3), parquet.WithDataPageSize(4096)},
		{parquet.WithDictionaryDefault(false)},
		{parquet.WithDictionaryPageSizeLimit(2000)},
		{parquet.WithBatchSize(20000)},
	}
	for i := range 90 {
		dt := types[r.IntN(len(types))]
		n := lengths[r.IntN(len(lengths))]
		nulls := []float64{0, 0.1, 1}[r.IntN(3)]
		distinct := []int{5, 1 << 30}[r.IntN(2)]
		off := r.IntN(2) * 3
		nullable := nulls > 0 || r.IntN(2) == 0
		a := randomByteArrays(r, dt, n+off, nulls, distinct)
		s := array.NewSlice(a, int64(off), int64(n+off))
		a.Release()
		p := props[r.IntN(len(props))]
		sc := arrow.NewSchema([]arrow.Field{{Name: "s", Type: dt, Nullable: nullable}}, nil)
		rec := array.NewRecord(sc, []arrow.Array{s}, int64(n))
		name := fmt.Sprintf("case %d: %s n=%d nulls=%v distinct=%d offset=%d nullable=%v props=%d", i, dt, n, nulls, distinct, off, nullable, len(p))
		both(t, name, sc, p, writeRec(rec))
		rec.Release()
		s.Release()
	}
}

// randomByteArrays returns n entries of dt, a share nulls of them null,
// drawn from distinct values.
func randomByteArrays(r *rand.Rand, dt arrow.DataType, n int, nulls float64, distinct int) arrow.Array {
	b := array.NewBuilder(mem, dt)
	defer b.Release()
	for range n {
		if r.Float64() < nulls {
			b.AppendNull()
			continue
		}
		v := fmt.Sprintf("v%d-%s", r.IntN(distinct), string(make([]byte, r.IntN(12))))
		switch b := b.(type) {
		case *array.StringBuilder:
			b.Append(v)
		case *array.LargeStringBuilder:
			b.Append(v)
		case *array.BinaryBuilder:
			b.Append([]byte(v))
		}
	}
	return b.NewArray()
}
