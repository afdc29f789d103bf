package pqreader

import (
	"errors"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/decimal128"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/schema"
)

// errLogicalType wraps the errors of logical types pqarrow cannot read.
var errLogicalType = errors.New("unsupported logical type")

// arrowType is the Arrow type pqarrow gives the primitive node p (its
// getArrowType): by physical type, refined by the logical type.
func arrowType(p *schema.PrimitiveNode) (arrow.DataType, error) {
	logical := p.LogicalType()
	if !logical.IsValid() || logical.Equals(schema.NullLogicalType{}) {
		return arrow.Null, nil
	}
	switch p.PhysicalType() {
	case parquet.Types.Boolean:
		return arrow.FixedWidthTypes.Boolean, nil
	case parquet.Types.Int32:
		return fromInt32(logical)
	case parquet.Types.Int64:
		return fromInt64(logical)
	case parquet.Types.Int96:
		return arrow.FixedWidthTypes.Timestamp_ns, nil
	case parquet.Types.Float:
		return arrow.PrimitiveTypes.Float32, nil
	case parquet.Types.Double:
		return arrow.PrimitiveTypes.Float64, nil
	case parquet.Types.ByteArray:
		return fromByteArray(logical)
	case parquet.Types.FixedLenByteArray:
		return fromFixedLen(logical, p.TypeLength())
	}
	return nil, fmt.Errorf("%w: invalid physical column type %s", errLogicalType, p.PhysicalType())
}

func fromInt32(logical schema.LogicalType) (arrow.DataType, error) {
	switch t := logical.(type) {
	case schema.NoLogicalType:
		return arrow.PrimitiveTypes.Int32, nil
	case *schema.TimeLogicalType:
		if t.TimeUnit() == schema.TimeUnitMillis {
			return arrow.FixedWidthTypes.Time32ms, nil
		}
	case *schema.DecimalLogicalType:
		return decimalType(t), nil
	case *schema.IntLogicalType:
		return intType(t)
	case schema.DateLogicalType:
		return arrow.FixedWidthTypes.Date32, nil
	}
	return nil, fmt.Errorf("%w: %s cannot annotate int32", errLogicalType, logical)
}

func fromInt64(logical schema.LogicalType) (arrow.DataType, error) {
	if logical.IsNone() {
		return arrow.PrimitiveTypes.Int64, nil
	}
	switch t := logical.(type) {
	case *schema.IntLogicalType:
		return intType(t)
	case *schema.DecimalLogicalType:
		return decimalType(t), nil
	case *schema.TimeLogicalType:
		switch t.TimeUnit() {
		case schema.TimeUnitMicros:
			return arrow.FixedWidthTypes.Time64us, nil
		case schema.TimeUnitNanos:
			return arrow.FixedWidthTypes.Time64ns, nil
		}
	case *schema.TimestampLogicalType:
		return timestampType(t)
	}
	return nil, fmt.Errorf("%w: %s cannot annotate int64", errLogicalType, logical)
}

func fromByteArray(logical schema.LogicalType) (arrow.DataType, error) {
	switch t := logical.(type) {
	case schema.StringLogicalType:
		return arrow.BinaryTypes.String, nil
	case *schema.DecimalLogicalType:
		return decimalType(t), nil
	case schema.NoLogicalType, schema.EnumLogicalType, schema.JSONLogicalType, schema.BSONLogicalType:
		return arrow.BinaryTypes.Binary, nil
	}
	return nil, fmt.Errorf("%w: %s for byte_array", errLogicalType, logical)
}

func fromFixedLen(logical schema.LogicalType, length int) (arrow.DataType, error) {
	switch t := logical.(type) {
	case *schema.DecimalLogicalType:
		return decimalType(t), nil
	case schema.NoLogicalType, schema.IntervalLogicalType, schema.UUIDLogicalType:
		return &arrow.FixedSizeBinaryType{ByteWidth: length}, nil
	case schema.Float16LogicalType:
		return &arrow.Float16Type{}, nil
	}
	return nil, fmt.Errorf("%w: %s for fixed-length byte array", errLogicalType, logical)
}

func intType(t *schema.IntLogicalType) (arrow.DataType, error) {
	signed := t.IsSigned()
	switch t.BitWidth() {
	case 8:
		return pick(signed, arrow.PrimitiveTypes.Int8, arrow.PrimitiveTypes.Uint8), nil
	case 16:
		return pick(signed, arrow.PrimitiveTypes.Int16, arrow.PrimitiveTypes.Uint16), nil
	case 32:
		return pick(signed, arrow.PrimitiveTypes.Int32, arrow.PrimitiveTypes.Uint32), nil
	case 64:
		return pick(signed, arrow.PrimitiveTypes.Int64, arrow.PrimitiveTypes.Uint64), nil
	}
	return nil, fmt.Errorf("%w: invalid int bit width %d", errLogicalType, t.BitWidth())
}

func pick(signed bool, s, u arrow.DataType) arrow.DataType {
	if signed {
		return s
	}
	return u
}

// timestampType keeps pqarrow's rule: "UTC" unless the type came from a
// legacy converted type, whatever isAdjustedToUTC says.
func timestampType(t *schema.TimestampLogicalType) (arrow.DataType, error) {
	tz := "UTC"
	if t.IsFromConvertedType() {
		tz = ""
	}
	switch t.TimeUnit() {
	case schema.TimeUnitMillis:
		return &arrow.TimestampType{TimeZone: tz, Unit: arrow.Millisecond}, nil
	case schema.TimeUnitMicros:
		return &arrow.TimestampType{TimeZone: tz, Unit: arrow.Microsecond}, nil
	case schema.TimeUnitNanos:
		return &arrow.TimestampType{TimeZone: tz, Unit: arrow.Nanosecond}, nil
	}
	return nil, fmt.Errorf("%w: unrecognized unit in %s", errLogicalType, t)
}

func decimalType(t *schema.DecimalLogicalType) arrow.DataType {
	if t.Precision() <= decimal128.MaxPrecision {
		return &arrow.Decimal128Type{Precision: t.Precision(), Scale: t.Scale()}
	}
	return &arrow.Decimal256Type{Precision: t.Precision(), Scale: t.Scale()}
}
