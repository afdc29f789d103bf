package pqwriter

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
)

// indexReader reads dictionary indices as int64 after checking every
// valid one is below size.
func indexReader(indices arrow.Array, size int) (func(i int) int64, error) {
	var at func(i int) int64
	switch a := indices.(type) {
	case *array.Int8:
		at = func(i int) int64 { return int64(a.Value(i)) }
	case *array.Uint8:
		at = func(i int) int64 { return int64(a.Value(i)) }
	case *array.Int16:
		at = func(i int) int64 { return int64(a.Value(i)) }
	case *array.Uint16:
		at = func(i int) int64 { return int64(a.Value(i)) }
	case *array.Int32:
		at = func(i int) int64 { return int64(a.Value(i)) }
	case *array.Uint32:
		at = func(i int) int64 { return int64(a.Value(i)) }
	case *array.Int64:
		at = func(i int) int64 { return a.Value(i) }
	case *array.Uint64:
		at = func(i int) int64 { return int64(a.Value(i)) }
	default:
		return nil, fmt.Errorf("pqwriter: dictionary indices of type %s", indices.DataType())
	}
	for i := 0; i < indices.Len(); i++ {
		if j := at(i); indices.IsValid(i) && (j < 0 || j >= int64(size)) {
			return nil, fmt.Errorf("pqwriter: dictionary index %d out of %d values", j, size)
		}
	}
	return at, nil
}

// take returns values[idx[0]], values[idx[1]]...; an index of -1 gives a
// null, whose slot is zero as compute.Take leaves it. values has no nulls.
func take(values arrow.Array, idx []int64) (arrow.Array, error) {
	n := len(idx)
	validity, nulls := takeValidity(idx)
	var bufs []*memory.Buffer
	switch dt := values.DataType().(type) {
	case *arrow.NullType:
		return array.NewNull(n), nil
	case *arrow.BooleanType:
		bits := make([]byte, bitutil.BytesForBits(int64(n)))
		a := values.(*array.Boolean)
		for i, j := range idx {
			if j >= 0 && a.Value(int(j)) {
				bitutil.SetBit(bits, i)
			}
		}
		bufs = []*memory.Buffer{validity, memory.NewBufferBytes(bits)}
	case arrow.FixedWidthDataType:
		data, err := takeFixed(values, dt.BitWidth()/8, idx)
		if err != nil {
			return nil, err
		}
		bufs = []*memory.Buffer{validity, memory.NewBufferBytes(data)}
	default:
		if !arrow.IsBaseBinary(dt.ID()) {
			return nil, fmt.Errorf("pqwriter: cannot decode a dictionary of %s", dt)
		}
		vals, err := byteArrayValues(values)
		if err != nil {
			return nil, err
		}
		offsets, data := takeBinary(vals, idx, arrow.IsLargeBinaryLike(dt.ID()))
		bufs = []*memory.Buffer{validity, memory.NewBufferBytes(offsets), memory.NewBufferBytes(data)}
	}
	d := array.NewData(values.DataType(), n, bufs, nil, nulls, 0)
	defer d.Release()
	return array.MakeFromData(d), nil
}

func takeValidity(idx []int64) (*memory.Buffer, int) {
	bits := make([]byte, bitutil.BytesForBits(int64(len(idx))))
	nulls := 0
	for i, j := range idx {
		if j >= 0 {
			bitutil.SetBit(bits, i)
		} else {
			nulls++
		}
	}
	if nulls == 0 {
		return nil, 0
	}
	return memory.NewBufferBytes(bits), nulls
}

func takeFixed(values arrow.Array, width int, idx []int64) ([]byte, error) {
	bufs := values.Data().Buffers()
	off := values.Data().Offset()
	if width <= 0 || len(bufs) < 2 || bufs[1] == nil || bufs[1].Len() < (off+values.Len())*width {
		return nil, fmt.Errorf("pqwriter: %s dictionary of %d values lacks data", values.DataType(), values.Len())
	}
	src := bufs[1].Bytes()[off*width:]
	out := make([]byte, len(idx)*width)
	for i, j := range idx {
		if j >= 0 {
			copy(out[i*width:(i+1)*width], src[int(j)*width:])
		}
	}
	return out, nil
}

// takeBinary builds the offsets (32 or 64 bit) and data of the taken
// strings; a null is empty.
func takeBinary(values []parquet.ByteArray, idx []int64, large bool) (offsets, data []byte) {
	if large {
		offs := make([]int64, len(idx)+1)
		for i, j := range idx {
			if j >= 0 {
				data = append(data, values[j]...)
			}
			offs[i+1] = int64(len(data))
		}
		return arrow.Int64Traits.CastToBytes(offs), data
	}
	offs := make([]int32, len(idx)+1)
	for i, j := range idx {
		if j >= 0 {
			data = append(data, values[j]...)
		}
		offs[i+1] = int32(len(data))
	}
	return arrow.Int32Traits.CastToBytes(offs), data
}
