package arrowtake

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// takeStruct takes every field of a struct take by the same selection (as
// compute's structTake does: a field is null where the index is null, and
// keeps its value under a struct that is null).
func takeStruct(mem memory.Allocator, values arrow.ArrayData, s selection, _ []byte) ([]*memory.Buffer, []arrow.ArrayData, error) {
	fields := values.Children()
	if want := values.DataType().(*arrow.StructType).NumFields(); len(fields) != want {
		return nil, nil, fmt.Errorf("arrowtake: struct array with %d children, type has %d", len(fields), want)
	}
	taken := make([]arrow.ArrayData, 0, len(fields))
	for f, field := range fields {
		out, err := takeField(mem, field, values.Offset(), values.Len(), s)
		if err != nil {
			for _, t := range taken {
				t.Release()
			}
			return nil, nil, fmt.Errorf("field %d: %w", f, err)
		}
		taken = append(taken, out)
	}
	return nil, taken, nil
}

// takeField takes rows offset..offset+n of a struct's field by s.
func takeField(mem memory.Allocator, field arrow.ArrayData, offset, n int, s selection) (arrow.ArrayData, error) {
	if field.Len() < offset+n {
		return nil, fmt.Errorf("arrowtake: struct field of %d values, need %d", field.Len(), offset+n)
	}
	rows := view(field, field.DataType(), offset, n)
	defer rows.Release()
	return take(mem, rows, s)
}
