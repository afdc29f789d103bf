package arrowtake

import (
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// takeBits fills the value bitmap of a bool take: the selected bits,
// unset under nulls.
func takeBits(mem memory.Allocator, values arrow.ArrayData, s selection, validBits []byte) ([]*memory.Buffer, []arrow.ArrayData, error) {
	off := values.Offset()
	src, err := bufferAtLeast(values, 1, int(bitutil.BytesForBits(int64(off+values.Len()))))
	if err != nil {
		return nil, nil, err
	}
	out := newBuffer(mem, int(bitutil.BytesForBits(int64(len(s.idx)))))
	dst := out.Bytes()
	clear(dst)
	for k, i := range s.idx {
		if isValid(validBits, k) && bitutil.BitIsSet(src, off+i) {
			bitutil.SetBit(dst, k)
		}
	}
	return []*memory.Buffer{out}, nil, nil
}
