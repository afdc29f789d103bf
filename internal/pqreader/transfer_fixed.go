package pqreader

import (
	"encoding/binary"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
)

// withValues makes the array data of type t over rr's validity bits and
// the given value buffer, releasing both references.
func withValues(rr file.RecordReader, t arrow.DataType, n int, values *memory.Buffer) arrow.ArrayData {
	bitmap := rr.ReleaseValidBits()
	if bitmap != nil {
		defer bitmap.Release()
	}
	defer values.Release()
	return array.NewData(t, n, []*memory.Buffer{bitmap, values}, nil, int(rr.NullCount()), 0)
}

// zeroCopy uses rr's value buffer as it is: int32, int64, float, double
// and timestamps stored as int64.
func zeroCopy(rr file.RecordReader, t arrow.DataType) arrow.ArrayData {
	return withValues(rr, t, rr.ValuesWritten(), rr.ReleaseValues())
}

// transferInt converts int32 or int64 values to the narrower or unsigned
// integer types (and date32, time32, time64), truncating as Go does.
func transferInt(rr file.RecordReader, t arrow.DataType) arrow.ArrayData {
	n := rr.ValuesWritten()
	width := int(bitutil.BytesForBits(int64(t.(arrow.FixedWidthDataType).BitWidth())))
	out := make([]byte, n*width)
	switch rr.Type() {
	case parquet.Types.Int32:
		convertInts(arrow.Int32Traits.CastFromBytes(rr.Values())[:n], out, t.ID())
	case parquet.Types.Int64:
		convertInts(arrow.Int64Traits.CastFromBytes(rr.Values())[:n], out, t.ID())
	}
	return withValues(rr, t, n, memory.NewBufferBytes(out))
}

func convertInts[S int32 | int64](in []S, out []byte, id arrow.Type) {
	switch id {
	case arrow.INT8:
		convert(in, arrow.Int8Traits.CastFromBytes(out))
	case arrow.UINT8:
		convert(in, arrow.Uint8Traits.CastFromBytes(out))
	case arrow.INT16:
		convert(in, arrow.Int16Traits.CastFromBytes(out))
	case arrow.UINT16:
		convert(in, arrow.Uint16Traits.CastFromBytes(out))
	case arrow.UINT32:
		convert(in, arrow.Uint32Traits.CastFromBytes(out))
	case arrow.UINT64:
		convert(in, arrow.Uint64Traits.CastFromBytes(out))
	case arrow.DATE32:
		convert(in, arrow.Date32Traits.CastFromBytes(out))
	case arrow.TIME32:
		convert(in, arrow.Time32Traits.CastFromBytes(out))
	case arrow.TIME64:
		convert(in, arrow.Time64Traits.CastFromBytes(out))
	}
}

func convert[S int32 | int64, D ~int8 | ~uint8 | ~int16 | ~uint16 | ~int32 | ~uint32 | ~int64 | ~uint64](in []S, out []D) {
	for i, v := range in {
		out[i] = D(v)
	}
}

// transferBool packs the decoded bools into a bitmap.
func transferBool(rr file.RecordReader) arrow.ArrayData {
	n := rr.ValuesWritten()
	out := make([]byte, bitutil.BytesForBits(int64(n)))
	for i, v := range rr.Values()[:n] {
		if v != 0 {
			bitutil.SetBit(out, i)
		}
	}
	return withValues(rr, arrow.FixedWidthTypes.Boolean, n, memory.NewBufferBytes(out))
}

const millisPerDay = int64(24 * time.Hour / time.Millisecond)

// transferDate64 turns days (int32) into milliseconds.
func transferDate64(rr file.RecordReader, t arrow.DataType) arrow.ArrayData {
	n := rr.ValuesWritten()
	out := make([]byte, arrow.Int64Traits.BytesRequired(n))
	ms := arrow.Int64Traits.CastFromBytes(out)
	for i, d := range arrow.Int32Traits.CastFromBytes(rr.Values())[:n] {
		ms[i] = int64(d) * millisPerDay
	}
	return withValues(rr, t, n, memory.NewBufferBytes(out))
}

// transferInt96 turns INT96 timestamps into nanoseconds; a zero Julian day
// (as a null slot holds) gives 0.
func transferInt96(rr file.RecordReader, t arrow.DataType) arrow.ArrayData {
	n := rr.ValuesWritten()
	out := make([]byte, arrow.Int64SizeBytes*n)
	ns := arrow.Int64Traits.CastFromBytes(out)
	for i, v := range parquet.Int96Traits.CastFromBytes(rr.Values())[:n] {
		if binary.LittleEndian.Uint32(v[8:]) != 0 {
			ns[i] = v.ToTime().UnixNano()
		}
	}
	return withValues(rr, t, n, memory.NewBufferBytes(out))
}
