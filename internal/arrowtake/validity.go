package arrowtake

import (
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// validity returns the validity bitmap of a take and its null count: row
// k is valid when it selects a value (s.ok(k)) and that value is not
// null. The bitmap is nil when no row is null.
func validity(mem memory.Allocator, values arrow.ArrayData, s selection) (*memory.Buffer, int, error) {
	src, err := sourceValidity(values)
	if err != nil || (src == nil && s.valid == nil) {
		return nil, 0, err
	}
	n := len(s.idx)
	buf := newBuffer(mem, int(bitutil.BytesForBits(int64(n))))
	bits := buf.Bytes()
	clear(bits)
	off, nulls := values.Offset(), 0
	for k, i := range s.idx {
		if s.ok(k) && (src == nil || bitutil.BitIsSet(src, off+i)) {
			bitutil.SetBit(bits, k)
		} else {
			nulls++
		}
	}
	if nulls == 0 {
		buf.Release()
		return nil, 0, nil
	}
	return buf, nulls, nil
}

// sourceValidity is the validity bitmap of values (indexed from bit 0 of
// the buffer, not from the offset), or nil when no value is null.
func sourceValidity(values arrow.ArrayData) ([]byte, error) {
	if values.Buffers()[0] == nil {
		return nil, nil
	}
	bits, err := bufferAtLeast(values, 0, int(bitutil.BytesForBits(int64(values.Offset()+values.Len()))))
	if err != nil || values.NullN() == 0 {
		return nil, err
	}
	return bits, nil
}

// isValid reports whether row k of an output with validity bitmap bits
// (nil when no row is null) is valid.
func isValid(bits []byte, k int) bool {
	return bits == nil || bitutil.BitIsSet(bits, k)
}
