package pqwriter

import (
	"fmt"
	"math"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/schema"
)

// intType is the bit width and signedness of an Arrow integer type.
func intType(t arrow.Type) (bits int8, signed, ok bool) {
	switch t {
	case arrow.INT8, arrow.UINT8:
		bits = 8
	case arrow.INT16, arrow.UINT16:
		bits = 16
	case arrow.INT32, arrow.UINT32:
		bits = 32
	case arrow.INT64, arrow.UINT64:
		bits = 64
	default:
		return 0, false, false
	}
	signed = t == arrow.INT8 || t == arrow.INT16 || t == arrow.INT32 || t == arrow.INT64
	return bits, signed, true
}

// leafType is the physical type, logical type and fixed length (-1 if
// none) pqarrow's fieldToNode gives a non-nested Arrow field.
func leafType(f arrow.Field, props *parquet.WriterProperties) (parquet.Type, schema.LogicalType, int, error) {
	none := schema.NoLogicalType{}
	switch dt := f.Type.(type) {
	case *arrow.NullType:
		if !f.Nullable {
			return 0, nil, 0, fmt.Errorf("pqwriter: null type field %s must be nullable", f.Name)
		}
		return parquet.Types.Int32, schema.NullLogicalType{}, -1, nil
	case *arrow.BooleanType:
		return parquet.Types.Boolean, none, -1, nil
	case *arrow.Float32Type:
		return parquet.Types.Float, none, -1, nil
	case *arrow.Float64Type:
		return parquet.Types.Double, none, -1, nil
	case *arrow.StringType, *arrow.LargeStringType:
		return parquet.Types.ByteArray, schema.StringLogicalType{}, -1, nil
	case *arrow.BinaryType, *arrow.LargeBinaryType:
		return parquet.Types.ByteArray, none, -1, nil
	case *arrow.FixedSizeBinaryType:
		return parquet.Types.FixedLenByteArray, none, dt.ByteWidth, nil
	case *arrow.Float16Type:
		return parquet.Types.FixedLenByteArray, schema.Float16LogicalType{}, arrow.Float16SizeBytes, nil
	case arrow.DecimalType:
		return decimalType(dt, props)
	case *arrow.Date32Type:
		return parquet.Types.Int32, schema.DateLogicalType{}, -1, nil
	case *arrow.Date64Type:
		return parquet.Types.Int64, schema.NewTimestampLogicalType(true, schema.TimeUnitMillis), -1, nil
	case *arrow.TimestampType:
		return parquet.Types.Int64, timestampType(dt, props), -1, nil
	case *arrow.Time32Type:
		return parquet.Types.Int32, schema.NewTimeLogicalType(true, schema.TimeUnitMillis), -1, nil
	case *arrow.Time64Type:
		if dt.Unit == arrow.Nanosecond {
			return parquet.Types.Int64, schema.NewTimeLogicalType(true, schema.TimeUnitNanos), -1, nil
		}
		return parquet.Types.Int64, schema.NewTimeLogicalType(true, schema.TimeUnitMicros), -1, nil
	}
	if bits, signed, ok := intType(f.Type.ID()); ok {
		pt := parquet.Types.Int32
		if bits == 64 {
			pt = parquet.Types.Int64
		}
		return pt, schema.NewIntLogicalType(bits, signed), -1, nil
	}
	return 0, nil, 0, fmt.Errorf("pqwriter: field %s: %w: support for %s", f.Name, arrow.ErrNotImplemented, f.Type.ID())
}

func decimalType(dt arrow.DecimalType, props *parquet.WriterProperties) (parquet.Type, schema.LogicalType, int, error) {
	prec, scale := dt.GetPrecision(), dt.GetScale()
	if prec < 1 {
		return 0, nil, 0, fmt.Errorf("pqwriter: decimal precision %d must be at least 1", prec)
	}
	lt := schema.NewDecimalLogicalType(prec, scale)
	switch {
	case props.StoreDecimalAsInteger() && prec <= 9:
		return parquet.Types.Int32, lt, -1, nil
	case props.StoreDecimalAsInteger() && prec <= 18:
		return parquet.Types.Int64, lt, -1, nil
	}
	return parquet.Types.FixedLenByteArray, lt, int(decimalSize(prec)), nil
}

// decimalSize is pqarrow.DecimalSize: the fewest bytes holding a decimal
// of the given precision in two's complement.
func decimalSize(precision int32) int32 {
	// ceil((precision*log2(10)+1)/8) for precisions 0 to 76.
	table := [...]int32{
		-1, 1, 1, 2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8, 9,
		9, 9, 10, 10, 11, 11, 11, 12, 12, 13, 13, 13, 14, 14, 15, 15, 16, 16, 16, 17,
		17, 18, 18, 18, 19, 19, 20, 20, 21, 21, 21, 22, 22, 23, 23, 23, 24, 24, 25, 25,
		26, 26, 26, 27, 27, 28, 28, 28, 29, 29, 30, 30, 31, 31, 31, 32, 32,
	}
	if int(precision) < len(table) {
		return table[precision]
	}
	// pqarrow's formula beyond 76 digits, kept as it is.
	return int32(math.Ceil(float64(precision)/8.0)*math.Log2(10) + 1)
}

// timestampType: pqarrow stores seconds as milliseconds, and nanoseconds
// as microseconds in Parquet format versions 1.0 and 2.4.
func timestampType(dt *arrow.TimestampType, props *parquet.WriterProperties) schema.LogicalType {
	utc := dt.TimeZone == "" || dt.TimeZone == "UTC"
	switch {
	case dt.Unit == arrow.Second:
		return schema.NewTimestampLogicalTypeForce(utc, schema.TimeUnitMillis)
	case dt.Unit == arrow.Millisecond:
		return schema.NewTimestampLogicalTypeForce(utc, schema.TimeUnitMillis)
	case dt.Unit == arrow.Microsecond || oldFormat(props):
		return schema.NewTimestampLogicalTypeForce(utc, schema.TimeUnitMicros)
	}
	return schema.NewTimestampLogicalTypeForce(utc, schema.TimeUnitNanos)
}

func oldFormat(props *parquet.WriterProperties) bool {
	return props.Version() == parquet.V1_0 || props.Version() == parquet.V2_4
}
