package arrowtake

import (
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// takeBinary fills the offsets and data of a (large) string or binary
// take: the selected values back to back, empty under nulls. The data
// buffer is sized once, from a first pass over the offsets.
func takeBinary[O offset](mem memory.Allocator, values arrow.ArrayData, s selection, validBits []byte) ([]*memory.Buffer, []arrow.ArrayData, error) {
	offs, err := sourceOffsets[O](values)
	if err != nil {
		return nil, nil, err
	}
	var src []byte
	if len(values.Buffers()) > 2 {
		src = bytesOf(values.Buffers()[2])
	}
	total, err := selectedLength(offs, s.idx, validBits, len(src))
	if err != nil {
		return nil, nil, err
	}
	data := newBuffer(mem, total)
	dst := data.Bytes()[:0]
	for k, i := range s.idx {
		if isValid(validBits, k) {
			dst = append(dst, src[offs[i]:offs[i+1]]...)
		}
	}
	return []*memory.Buffer{newOffsets(mem, offs, s.idx, validBits), data}, nil, nil
}
