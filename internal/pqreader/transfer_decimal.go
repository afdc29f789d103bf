package pqreader

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/decimal128"
	"github.com/apache/arrow/go/v15/arrow/decimal256"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
)

// transferDecimalInt converts decimals stored as int32 or int64. As in
// pqarrow, the validity bits are kept only when there is a null.
func transferDecimalInt(rr file.RecordReader, t arrow.DataType) arrow.ArrayData {
	n := rr.ValuesWritten()
	ints := make([]int64, n)
	switch rr.Type() {
	case parquet.Types.Int32:
		for i, v := range arrow.Int32Traits.CastFromBytes(rr.Values())[:n] {
			ints[i] = int64(v)
		}
	case parquet.Types.Int64:
		copy(ints, arrow.Int64Traits.CastFromBytes(rr.Values())[:n])
	}
	var out []byte
	if t.ID() == arrow.DECIMAL128 {
		out = make([]byte, arrow.Decimal128Traits.BytesRequired(n))
		nums := arrow.Decimal128Traits.CastFromBytes(out)
		for i, v := range ints {
			nums[i] = decimal128.FromI64(v)
		}
	} else {
		out = make([]byte, arrow.Decimal256Traits.BytesRequired(n))
		nums := arrow.Decimal256Traits.CastFromBytes(out)
		for i, v := range ints {
			nums[i] = decimal256.FromI64(v)
		}
	}
	var bitmap *memory.Buffer
	if rr.NullCount() > 0 {
		bitmap = rr.ReleaseValidBits()
		defer bitmap.Release()
	}
	values := memory.NewBufferBytes(out)
	defer values.Release()
	return array.NewData(t, n, []*memory.Buffer{bitmap, values}, nil, int(rr.NullCount()), 0)
}

// bytesArray is a binary or fixed size binary array.
type bytesArray interface {
	arrow.Array
	Value(i int) []byte
}

// transferDecimalBytes converts decimals stored as big-endian two's
// complement bytes (byte array or fixed len byte array), chunk by chunk.
func transferDecimalBytes(rr file.BinaryRecordReader, t arrow.DataType) (*arrow.Chunked, error) {
	chunks := rr.GetBuilderChunks()
	defer releaseArrays(chunks)
	out := make([]arrow.Array, 0, len(chunks))
	defer releaseArrays(out)
	for _, c := range chunks {
		arr, err := decimalArray(c.(bytesArray), t)
		if err != nil {
			return nil, err
		}
		out = append(out, arr)
	}
	return arrow.NewChunked(t, out), nil
}

// decimalArray converts one array of big-endian decimals to type t.
func decimalArray(in bytesArray, t arrow.DataType) (arrow.Array, error) {
	n := in.Len()
	var out []byte
	if t.ID() == arrow.DECIMAL128 {
		out = make([]byte, arrow.Decimal128Traits.BytesRequired(n))
	} else {
		out = make([]byte, arrow.Decimal256Traits.BytesRequired(n))
	}
	for i := 0; i < n; i++ {
		if in.NullN() > 0 && in.IsNull(i) {
			continue
		}
		if err := putDecimal(out, i, in.Value(i), t); err != nil {
			return nil, err
		}
	}
	values := memory.NewBufferBytes(out)
	defer values.Release()
	data := array.NewData(t, n, []*memory.Buffer{in.Data().Buffers()[0], values}, nil, in.NullN(), 0)
	defer data.Release()
	return array.MakeFromData(data), nil
}

// putDecimal stores the big-endian value b as the i-th decimal of out.
func putDecimal(out []byte, i int, b []byte, t arrow.DataType) error {
	if len(b) == 0 {
		return fmt.Errorf("%w: invalid BYTEARRAY length for type: %s", errColumnType, t)
	}
	if t.ID() == arrow.DECIMAL128 {
		num, err := decimal128FromBigEndian(b)
		arrow.Decimal128Traits.CastFromBytes(out)[i] = num
		return err
	}
	num, err := decimal256FromBigEndian(b)
	arrow.Decimal256Traits.CastFromBytes(out)[i] = num
	return err
}
