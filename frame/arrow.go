package frame

import (
	"context"
	"fmt"
	"math"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/compute"
	"github.com/apache/arrow/go/v15/arrow/memory"

	"github.com/splitter-dev/splitter/sample"
)

// ErrColumnType reports a key or weight column of a type frame cannot read.
var ErrColumnType = sample.ErrColumnType

// TakeRecord returns the rows of rec at positions, in that order (pandas'
// df.take(positions); negative positions count from the end), as a new
// record the caller must Release. String and
// binary columns are gathered directly (Arrow 15's take kernel is
// quadratic on them); other columns go through compute.TakeArray.
func TakeRecord(ctx context.Context, rec arrow.Record, positions []int) (arrow.Record, error) {
	positions, err := resolvePositions(positions, int(rec.NumRows()))
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

// ArrowGroups returns the groups of df.groupby(col).sample for an Arrow
// column: int8..int64 and uint8..uint32 as int64, float32/float64 as
// float64, boolean and string/large string; nulls (and NaN) belong to no
// group, as with pandas' dropna=True.
func ArrowGroups(col arrow.Array) (sample.Groups, error) {
	n := col.Len()
	valid := make([]bool, n)
	for i := range valid {
		valid[i] = col.IsValid(i)
	}
	switch a := col.(type) {
	case *array.Float64, *array.Float32:
		k := make([]float64, n)
		for i := range k {
			k[i] = math.NaN()
			if valid[i] {
				k[i] = floatAt(a, i)
			}
		}
		return sample.GroupsFloat64(k), nil
	case *array.Boolean:
		k := make([]bool, n)
		for i := range k {
			k[i] = valid[i] && a.Value(i)
		}
		return sample.GroupsBool(k, valid), nil
	case *array.String:
		k := make([]string, n)
		for i := range k {
			if valid[i] {
				k[i] = a.Value(i)
			}
		}
		return sample.GroupsString(k, valid), nil
	case *array.LargeString:
		k := make([]string, n)
		for i := range k {
			if valid[i] {
				k[i] = a.Value(i)
			}
		}
		return sample.GroupsString(k, valid), nil
	}
	k := make([]int64, n)
	for i := range k {
		v, ok := intAt(col, i)
		if !ok {
			return sample.Groups{}, fmt.Errorf("frame: group key of type %s: %w", col.DataType(), ErrColumnType)
		}
		k[i] = v
	}
	for i, ok := range valid {
		if !ok {
			// pandas reads an int column with missing values as float64.
			f := make([]float64, n)
			for j := range f {
				f[j] = float64(k[j])
				if !valid[j] {
					f[j] = math.NaN()
				}
			}
			_ = i
			return sample.GroupsFloat64(f), nil
		}
	}
	return sample.GroupsInt64(k), nil
}

// ArrowWeights returns a numeric (or boolean: 1/0) Arrow column as float64 weights for
// sample.Options.Weights, nulls as NaN (pandas counts them as zero).
func ArrowWeights(col arrow.Array) ([]float64, error) {
	w := make([]float64, col.Len())
	for i := range w {
		if col.IsNull(i) {
			w[i] = math.NaN()
			continue
		}
		switch a := col.(type) {
		case *array.Float64, *array.Float32:
			w[i] = floatAt(a, i)
		case *array.Boolean:
			if a.Value(i) {
				w[i] = 1
			}
		default:
			v, ok := intAt(col, i)
			if !ok {
				return nil, fmt.Errorf("frame: weights of type %s: %w", col.DataType(), ErrColumnType)
			}
			w[i] = float64(v)
		}
	}
	return w, nil
}

func floatAt(a arrow.Array, i int) float64 {
	switch a := a.(type) {
	case *array.Float64:
		return a.Value(i)
	case *array.Float32:
		return float64(a.Value(i))
	}
	return math.NaN()
}

func intAt(a arrow.Array, i int) (int64, bool) {
	switch a := a.(type) {
	case *array.Int64:
		return a.Value(i), true
	case *array.Int32:
		return int64(a.Value(i)), true
	case *array.Int16:
		return int64(a.Value(i)), true
	case *array.Int8:
		return int64(a.Value(i)), true
	case *array.Uint32:
		return int64(a.Value(i)), true
	case *array.Uint16:
		return int64(a.Value(i)), true
	case *array.Uint8:
		return int64(a.Value(i)), true
	}
	return 0, false
}
