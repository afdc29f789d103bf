package arrowtake

import (
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// takeList fills the offsets and child of a (large) list or map take: the
// offsets of the selected lists, empty under nulls, and the child taken
// at the concatenated ranges of the selected lists (compute's ListImpl).
func takeList[O offset](mem memory.Allocator, values arrow.ArrayData, s selection, validBits []byte) ([]*memory.Buffer, []arrow.ArrayData, error) {
	offs, err := sourceOffsets[O](values)
	if err != nil {
		return nil, nil, err
	}
	child, err := onlyChild(values)
	if err != nil {
		return nil, nil, err
	}
	total, err := selectedLength(offs, s.idx, validBits, child.Len())
	if err != nil {
		return nil, nil, err
	}
	childIdx := make([]int, 0, total)
	for k, i := range s.idx {
		if isValid(validBits, k) {
			for j := offs[i]; j < offs[i+1]; j++ {
				childIdx = append(childIdx, int(j))
			}
		}
	}
	taken, err := take(mem, child, selection{idx: childIdx})
	if err != nil {
		return nil, nil, err
	}
	return []*memory.Buffer{newOffsets(mem, offs, s.idx, validBits)}, []arrow.ArrayData{taken}, nil
}
