package pqwriter

import (
	"encoding/binary"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/decimal128"
	"github.com/apache/arrow/go/v15/arrow/decimal256"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
)

type (
	decimal128Num = decimal128.Num
	decimal256Num = decimal256.Num
)

// writeFixedLen writes a FIXED_LEN_BYTE_ARRAY column: fixed-size binary
// as it is, decimals big-endian in the column's width, float16 as its two
// little-endian bytes. Like pqarrow, decimals and float16 are written
// whole whenever the leaf has no nulls of its own, whatever its parents.
func writeFixedLen(w *file.FixedLenByteArrayColumnChunkWriter, leaf arrow.Array, def, rep []int16, spaced bool) error {
	if a, ok := leaf.(*array.FixedSizeBinary); ok {
		out := make([]parquet.FixedLenByteArray, a.Len())
		for i := range out {
			out[i] = a.Value(i)
		}
		return put[parquet.FixedLenByteArray](w, out, def, rep, leaf, spaced)
	}
	value, err := fixedLenValue(leaf, w.Descr().TypeLength())
	if err != nil {
		return err
	}
	out := make([]parquet.FixedLenByteArray, leaf.Len())
	noNulls := leaf.NullN() == 0
	for i := range out {
		if noNulls || leaf.IsValid(i) {
			out[i] = value(i)
		}
	}
	return put[parquet.FixedLenByteArray](w, out, def, rep, leaf, !noNulls)
}

// fixedLenValue returns the stored bytes of entry i of a decimal or
// float16 leaf for a column of typeLen bytes.
func fixedLenValue(leaf arrow.Array, typeLen int) (func(i int) []byte, error) {
	switch a := leaf.(type) {
	case *array.Decimal128:
		start, err := decimalStart(a.DataType().(arrow.DecimalType), 16, typeLen)
		return func(i int) []byte { return decimal128Bytes(a.Value(i))[start : start+typeLen] }, err
	case *array.Decimal256:
		start, err := decimalStart(a.DataType().(arrow.DecimalType), 32, typeLen)
		return func(i int) []byte { return decimal256Bytes(a.Value(i))[start : start+typeLen] }, err
	case *array.Float16:
		if typeLen != arrow.Float16SizeBytes {
			return nil, fmt.Errorf("pqwriter: %w: invalid FixedLenByteArray length to write from float16 column: %d", arrow.ErrInvalid, typeLen)
		}
		raw := arrow.Float16Traits.CastToBytes(a.Values())
		return func(i int) []byte { return raw[2*i : 2*i+2] }, nil
	}
	return nil, fmt.Errorf("pqwriter: %w: invalid column type to write to FixedLenByteArray: %s", arrow.ErrInvalid, leaf.DataType().Name())
}

// decimalStart: pqarrow keeps typeLen bytes of the big-endian value from
// its width less DecimalSize(precision).
func decimalStart(dt arrow.DecimalType, width, typeLen int) (int, error) {
	if dt.GetPrecision() < 1 {
		return 0, fmt.Errorf("pqwriter: %s has no valid precision", dt)
	}
	start := width - int(decimalSize(dt.GetPrecision()))
	if start < 0 || start+typeLen > width {
		return 0, fmt.Errorf("pqwriter: %s does not fit a %d byte column", dt, typeLen)
	}
	return start, nil
}

func decimal128Bytes(v decimal128.Num) []byte {
	b := make([]byte, 16)
	binary.BigEndian.PutUint64(b, uint64(v.HighBits()))
	binary.BigEndian.PutUint64(b[8:], v.LowBits())
	return b
}

func decimal256Bytes(v decimal256.Num) []byte {
	b := make([]byte, 32)
	w := v.Array()
	for i := 0; i < 4; i++ {
		binary.BigEndian.PutUint64(b[8*i:], w[3-i])
	}
	return b
}
