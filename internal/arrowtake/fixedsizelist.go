package arrowtake

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// takeFixedSizeList takes the child of a fixed-size list take: the size
// elements of each selected list, and size nulls for a null row (as
// compute's FSLImpl does).
func takeFixedSizeList(mem memory.Allocator, values arrow.ArrayData, s selection, validBits []byte) ([]*memory.Buffer, []arrow.ArrayData, error) {
	size := int(values.DataType().(*arrow.FixedSizeListType).Len())
	child, err := onlyChild(values)
	if err != nil {
		return nil, nil, err
	}
	if need := (values.Offset() + values.Len()) * size; child.Len() < need {
		return nil, nil, fmt.Errorf("arrowtake: fixed-size list child of %d values, need %d", child.Len(), need)
	}
	childSel := selection{idx: make([]int, len(s.idx)*size)}
	if validBits != nil {
		childSel.valid = make([]bool, len(childSel.idx))
	}
	for k, i := range s.idx {
		if !isValid(validBits, k) {
			continue
		}
		first := (values.Offset() + i) * size
		for j := range size {
			childSel.idx[k*size+j] = first + j
			if childSel.valid != nil {
				childSel.valid[k*size+j] = true
			}
		}
	}
	taken, err := take(mem, child, childSel)
	if err != nil {
		return nil, nil, err
	}
	return nil, []arrow.ArrayData{taken}, nil
}

// onlyChild returns the child of a list-like array.
func onlyChild(values arrow.ArrayData) (arrow.ArrayData, error) {
	if len(values.Children()) != 1 {
		return nil, fmt.Errorf("arrowtake: %s array with %d children", values.DataType(), len(values.Children()))
	}
	return values.Children()[0], nil
}
