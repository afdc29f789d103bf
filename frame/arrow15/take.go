package arrow15

import (
	"context"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/compute"
	"github.com/apache/arrow/go/v15/arrow/memory"

	"github.com/splitter-dev/splitter/frame"
)

// Take returns the rows of rec at positions, in that order (pandas'
// df.take(positions); negative positions count from the end), as a new
// record the caller must Release. String and
// binary columns are gathered directly (Arrow 15's take kernel is
// quadratic on them); other columns go through compute.TakeArray.
func Take(ctx context.Context, rec arrow.Record, positions []int) (arrow.Record, error) {
	positions, err := frame.ResolvePositions(positions, int(rec.NumRows()))
	if err != nil {
		return nil, err
	}
	mem := memory.DefaultAllocator
	b := array.NewInt64Builder(mem)
	defer b.Release()
	b.Reserve(len(positions))
	for _, p := range positions {
		b.UnsafeAppend(int64(p))
	}
	idx := b.NewArray()
	defer idx.Release()
	cols := make([]arrow.Array, 0, rec.NumCols())
	release := func() {
		for _, c := range cols {
			c.Release()
		}
	}
	for _, col := range rec.Columns() {
		var out arrow.Array
		switch c := col.(type) {
		case *array.String:
			out = takeBinary(mem, c, c.Value, positions, func(bb array.Builder, v string) { bb.(*array.StringBuilder).Append(v) })
		case *array.LargeString:
			out = takeBinary(mem, c, c.Value, positions, func(bb array.Builder, v string) { bb.(*array.LargeStringBuilder).Append(v) })
		case *array.Binary:
			out = takeBinary(mem, c, c.Value, positions, func(bb array.Builder, v []byte) { bb.(*array.BinaryBuilder).Append(v) })
		case *array.LargeBinary:
			out = takeBinary(mem, c, c.Value, positions, func(bb array.Builder, v []byte) { bb.(*array.BinaryBuilder).Append(v) })
		default:
			var err error
			if out, err = compute.TakeArray(ctx, col, idx); err != nil {
				release()
				return nil, fmt.Errorf("frame: take: %w", err)
			}
		}
		cols = append(cols, out)
	}
	defer release()
	return array.NewRecord(rec.Schema(), cols, int64(len(positions))), nil
}

// takeBinary gathers a variable-length column with one reservation.
func takeBinary[V string | []byte](mem memory.Allocator, col arrow.Array, value func(int) V, positions []int, add func(array.Builder, V)) arrow.Array {
	bb := array.NewBuilder(mem, col.DataType())
	defer bb.Release()
	size := 0
	for _, p := range positions {
		if col.IsValid(p) {
			size += len(value(p))
		}
	}
	bb.Reserve(len(positions))
	switch x := bb.(type) {
	case *array.StringBuilder:
		x.ReserveData(size)
	case *array.LargeStringBuilder:
		x.ReserveData(size)
	case *array.BinaryBuilder:
		x.ReserveData(size)
	}
	for _, p := range positions {
		if col.IsNull(p) {
			bb.AppendNull()
			continue
		}
		add(bb, value(p))
	}
	return bb.NewArray()
}
