package arrowtake

import (
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/decimal128"
	"github.com/apache/arrow/go/v15/arrow/decimal256"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// takeFixed fills the value buffer of a fixed-width type (numbers,
// temporal and interval types, decimals, fixed-size binary): the selected
// values in order, zero bytes under nulls.
func takeFixed(mem memory.Allocator, values arrow.ArrayData, s selection, validBits []byte) ([]*memory.Buffer, []arrow.ArrayData, error) {
	width := values.DataType().(arrow.FixedWidthDataType).BitWidth() / 8
	src, err := bufferAtLeast(values, 1, (values.Offset()+values.Len())*width)
	if err != nil {
		return nil, nil, err
	}
	src = src[values.Offset()*width : (values.Offset()+values.Len())*width]
	out := newBuffer(mem, len(s.idx)*width)
	dst := out.Bytes()
	switch width {
	case 1:
		takeWords(dst, src, s.idx, validBits)
	case 2:
		takeWords(arrow.GetData[uint16](dst), arrow.GetData[uint16](src), s.idx, validBits)
	case 4:
		takeWords(arrow.GetData[uint32](dst), arrow.GetData[uint32](src), s.idx, validBits)
	case 8:
		takeWords(arrow.GetData[uint64](dst), arrow.GetData[uint64](src), s.idx, validBits)
	case 16:
		takeWords(arrow.GetData[decimal128.Num](dst), arrow.GetData[decimal128.Num](src), s.idx, validBits)
	case 32:
		takeWords(arrow.GetData[decimal256.Num](dst), arrow.GetData[decimal256.Num](src), s.idx, validBits)
	default:
		takeBytes(dst, src, width, s.idx, validBits)
	}
	return []*memory.Buffer{out}, nil, nil
}

// takeWords sets dst[k] to src[idx[k]], or to zero where row k is null.
func takeWords[T any](dst, src []T, idx []int, validBits []byte) {
	if validBits == nil {
		for k, i := range idx {
			dst[k] = src[i]
		}
		return
	}
	var zero T
	for k, i := range idx {
		if isValid(validBits, k) {
			dst[k] = src[i]
		} else {
			dst[k] = zero
		}
	}
}

// takeBytes is takeWords for values of width bytes each.
func takeBytes(dst, src []byte, width int, idx []int, validBits []byte) {
	for k, i := range idx {
		to := dst[k*width : (k+1)*width]
		if isValid(validBits, k) {
			copy(to, src[i*width:(i+1)*width])
		} else {
			clear(to)
		}
	}
}
