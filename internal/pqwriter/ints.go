package pqwriter

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/parquet"
)

// rawValues is leaf's values buffer read as T (the array's own width),
// or nil when it has none.
func rawValues[T any](leaf arrow.Array, cast func([]byte) []T) ([]T, error) {
	bufs := leaf.Data().Buffers()
	if len(bufs) < 2 || bufs[1] == nil {
		return nil, nil
	}
	vals := cast(bufs[1].Bytes())
	off := leaf.Data().Offset()
	if len(vals) < off+leaf.Len() {
		return nil, fmt.Errorf("pqwriter: %s array of %d entries has %d values", leaf.DataType(), leaf.Len(), len(vals)-off)
	}
	return vals[off : off+leaf.Len()], nil
}

// convert maps values to another integer type.
func convert[S, D any](in []S, f func(S) D) []D {
	out := make([]D, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// int32Values: the values an INT32 column stores for leaf.
func int32Values(leaf arrow.Array) ([]int32, error) {
	switch a := leaf.(type) {
	case *array.Int32:
		return a.Int32Values(), nil
	case *array.Date32, *array.Uint32:
		return rawValues(leaf, arrow.Int32Traits.CastFromBytes)
	case *array.Time32:
		if a.DataType().(*arrow.Time32Type).Unit != arrow.Second {
			return rawValues(leaf, arrow.Int32Traits.CastFromBytes)
		}
		return convert(a.Time32Values(), func(v arrow.Time32) int32 { return int32(v) * 1000 }), nil
	case *array.Uint8:
		return convert(a.Uint8Values(), func(v uint8) int32 { return int32(v) }), nil
	case *array.Int8:
		return convert(a.Int8Values(), func(v int8) int32 { return int32(v) }), nil
	case *array.Uint16:
		return convert(a.Uint16Values(), func(v uint16) int32 { return int32(v) }), nil
	case *array.Int16:
		return convert(a.Int16Values(), func(v int16) int32 { return int32(v) }), nil
	case *array.Date64:
		return convert(a.Date64Values(), func(v arrow.Date64) int32 { return int32(v / 86400000) }), nil
	case *array.Decimal128:
		return convert(a.Values(), func(v decimal128Num) int32 { return int32(v.LowBits()) }), nil
	case *array.Decimal256:
		return convert(a.Values(), func(v decimal256Num) int32 { return int32(v.LowBits()) }), nil
	}
	return nil, fmt.Errorf("pqwriter: type mismatch, column is int32 writer, arrow array is %s, and not a compatible type", leaf.DataType().Name())
}

// int64Values: the values an INT64 column stores for leaf; timestamps in
// seconds become milliseconds, and nanoseconds become microseconds in
// format versions 1.0 and 2.4.
func int64Values(leaf arrow.Array, props *parquet.WriterProperties) ([]int64, error) {
	switch a := leaf.(type) {
	case *array.Timestamp:
		unit := a.DataType().(*arrow.TimestampType).Unit
		switch {
		case unit == arrow.Nanosecond && oldFormat(props):
			return convert(a.TimestampValues(), func(v arrow.Timestamp) int64 { return int64(v) / 1000 }), nil
		case unit == arrow.Second:
			return convert(a.TimestampValues(), func(v arrow.Timestamp) int64 { return int64(v) * 1000 }), nil
		}
		return rawValues(leaf, arrow.Int64Traits.CastFromBytes)
	case *array.Uint32:
		return convert(a.Uint32Values(), func(v uint32) int64 { return int64(v) }), nil
	case *array.Int64:
		return a.Int64Values(), nil
	case *array.Uint64, *array.Time64, *array.Date64:
		return rawValues(leaf, arrow.Int64Traits.CastFromBytes)
	case *array.Decimal128:
		return convert(a.Values(), func(v decimal128Num) int64 { return int64(v.LowBits()) }), nil
	case *array.Decimal256:
		return convert(a.Values(), func(v decimal256Num) int64 { return int64(v.LowBits()) }), nil
	}
	return nil, fmt.Errorf("pqwriter: unimplemented arrow type to write to int64 column: %s", leaf.DataType().Name())
}
