package arrowgen

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
)

// nestedType returns a random nested type of ID id, its children nested
// at most depth-1 levels.
func (g *Gen) nestedType(id arrow.Type, depth int) arrow.DataType {
	elem := func() arrow.Field {
		return g.field(pick(g, []string{"item", "element"}), g.typ(depth-1, false))
	}
	switch id {
	case arrow.LIST:
		return arrow.ListOfField(elem())
	case arrow.LARGE_LIST:
		return arrow.LargeListOfField(elem())
	case arrow.FIXED_SIZE_LIST:
		return arrow.FixedSizeListOfField(int32(1+g.r.IntN(3)), elem())
	case arrow.STRUCT:
		fields := make([]arrow.Field, 1+g.r.IntN(3))
		for i := range fields {
			fields[i] = g.field(fmt.Sprintf("s%d", i), g.typ(depth-1, false))
		}
		return arrow.StructOf(fields...)
	case arrow.MAP:
		var key arrow.DataType
		for key == nil {
			key = g.leafType(pick(g, g.keys))
		}
		return arrow.MapOf(key, g.typ(depth-1, false))
	}
	panic("arrowgen: not a nested type: " + id.String())
}
