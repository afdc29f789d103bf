package pqwriter

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// listRanges gives the element range of each entry of a list array.
type listRanges struct {
	offsets []int32 // variable-size lists: entry i is offsets[i]..offsets[i+1]
	size    int64   // fixed-size lists: entry i is i*size..(i+1)*size
	values  int64   // the number of values
}

// at is the range of entry i; like pqarrow, only the entries reached are
// read, and those must lie within the values.
func (r listRanges) at(i int64) (lo, hi int64, err error) {
	if r.offsets != nil {
		lo, hi = int64(r.offsets[i]), int64(r.offsets[i+1])
	} else {
		lo, hi = i*r.size, (i+1)*r.size
	}
	if lo < 0 || lo > hi || hi > r.values {
		return 0, 0, fmt.Errorf("pqwriter: list entry %d at values %d..%d of %d", i, lo, hi, r.values)
	}
	return lo, hi, nil
}

func varLists(l *array.List) (listRanges, error) {
	n, off, all := l.Len(), l.Data().Offset(), l.Offsets()
	if n == 0 {
		return listRanges{offsets: []int32{0}}, nil
	}
	if len(all) < off+n+1 {
		return listRanges{}, fmt.Errorf("pqwriter: %s array of %d entries has %d offsets", l.DataType(), n, len(all)-off)
	}
	return listRanges{offsets: all[off : off+n+1], values: int64(l.ListValues().Len())}, nil
}

// fixedLists: like pqarrow, entry i's elements are read from i*size of
// the values, whatever the array's own offset (a slice reads its parent's
// first lists).
func fixedLists(a *array.FixedSizeList) listRanges {
	size := int64(a.DataType().(*arrow.FixedSizeListType).Len())
	return listRanges{size: max(size, 0), values: int64(a.ListValues().Len())}
}
