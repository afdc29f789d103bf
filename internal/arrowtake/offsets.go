package arrowtake

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// offset is the type of the offsets of (large) binary and list arrays.
type offset interface{ int32 | int64 }

// sourceOffsets returns the Len()+1 offsets of a binary or list array,
// starting at its offset (nil for an empty array).
func sourceOffsets[O offset](values arrow.ArrayData) ([]O, error) {
	if values.Len() == 0 {
		return nil, nil
	}
	b, err := bufferAtLeast(values, 1, 0)
	if err != nil {
		return nil, err
	}
	offs := arrow.GetData[O](b)
	if len(offs) < values.Offset()+values.Len()+1 {
		return nil, fmt.Errorf("arrowtake: %s with %d offsets, need %d", values.DataType(), len(offs), values.Offset()+values.Len()+1)
	}
	return offs[values.Offset() : values.Offset()+values.Len()+1], nil
}

// selectedLength returns the summed length of the ranges offs[i]..offs[i+1]
// of the valid rows k (i = idx[k]), or an error if a range is not within
// 0..limit or the sum does not fit O.
func selectedLength[O offset](offs []O, idx []int, validBits []byte, limit int) (int, error) {
	total := 0
	for k, i := range idx {
		if !isValid(validBits, k) {
			continue
		}
		start, end := offs[i], offs[i+1]
		if start < 0 || start > end || int64(end) > int64(limit) {
			return 0, fmt.Errorf("arrowtake: damaged offsets %d..%d of row %d, %d values", start, end, i, limit)
		}
		total += int(end - start)
	}
	if int(O(total)) != total {
		return 0, fmt.Errorf("arrowtake: taken values span %d elements, more than the offset type holds", total)
	}
	return total, nil
}

// newOffsets returns the offsets of a take: each valid row k spans the
// length of source row idx[k], a null row is empty.
func newOffsets[O offset](mem memory.Allocator, offs []O, idx []int, validBits []byte) *memory.Buffer {
	var o O
	buf := newBuffer(mem, (len(idx)+1)*int(sizeOf(o)))
	dst := arrow.GetData[O](buf.Bytes())
	var at O
	for k, i := range idx {
		dst[k] = at
		if isValid(validBits, k) {
			at += offs[i+1] - offs[i]
		}
	}
	dst[len(idx)] = at
	return buf
}

// sizeOf is the byte size of an offset.
func sizeOf[O offset](o O) int {
	if _, ok := any(o).(int32); ok {
		return 4
	}
	return 8
}
