package arrowgen

import "github.com/apache/arrow/go/v15/arrow"

// LeafTypes returns the IDs of the non-nested types a Gen can make.
func LeafTypes() []arrow.Type {
	return []arrow.Type{
		arrow.NULL, arrow.BOOL,
		arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64,
		arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64,
		arrow.FLOAT16, arrow.FLOAT32, arrow.FLOAT64,
		arrow.STRING, arrow.LARGE_STRING, arrow.BINARY, arrow.LARGE_BINARY,
		arrow.FIXED_SIZE_BINARY, arrow.DECIMAL128, arrow.DECIMAL256,
		arrow.DATE32, arrow.DATE64, arrow.TIME32, arrow.TIME64, arrow.TIMESTAMP,
		arrow.DURATION, arrow.INTERVAL_MONTHS, arrow.INTERVAL_DAY_TIME, arrow.INTERVAL_MONTH_DAY_NANO,
		arrow.DICTIONARY,
	}
}

// NestedTypes returns the IDs of the nested types a Gen can make.
func NestedTypes() []arrow.Type {
	return []arrow.Type{arrow.LIST, arrow.LARGE_LIST, arrow.FIXED_SIZE_LIST, arrow.STRUCT, arrow.MAP}
}

// AllTypes returns LeafTypes and NestedTypes.
func AllTypes() []arrow.Type {
	return append(LeafTypes(), NestedTypes()...)
}

// DefaultDictValues returns the IDs of dictionary values by default.
func DefaultDictValues() []arrow.Type {
	return []arrow.Type{arrow.STRING, arrow.LARGE_STRING, arrow.BINARY, arrow.INT32, arrow.INT64, arrow.FLOAT64}
}

// Without returns ids but those in drop.
func Without(ids []arrow.Type, drop ...arrow.Type) []arrow.Type {
	var out []arrow.Type
	for _, id := range ids {
		if !isIn(id, drop) {
			out = append(out, id)
		}
	}
	return out
}

// isIn tells whether id is in ids.
func isIn(id arrow.Type, ids []arrow.Type) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// isNested tells whether id is one of NestedTypes.
func isNested(id arrow.Type) bool {
	return isIn(id, NestedTypes())
}
