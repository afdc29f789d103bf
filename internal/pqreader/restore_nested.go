package pqreader

import "github.com/apache/arrow/go/v15/arrow"

// restoreStruct restores the children of a struct field when the inferred
// field is a struct of as many children, rebuilding the struct type when
// one of them changed.
func restoreStruct(ot *arrow.StructType, inferred *SchemaField) (modified, done bool, err error) {
	if len(inferred.Children) != ot.NumFields() || inferred.Field.Type.ID() != arrow.STRUCT {
		return false, true, nil
	}
	for i := range inferred.Children {
		changed, err := restore(ot.Field(i), &inferred.Children[i])
		if err != nil {
			return false, true, err
		}
		modified = modified || changed
	}
	if modified {
		fields := make([]arrow.Field, len(inferred.Children))
		for i, c := range inferred.Children {
			fields[i] = *c.Field
		}
		inferred.Field.Type = arrow.StructOf(fields...)
	}
	return modified, false, nil
}

// restoreList restores the element of a list-like field (list, large list,
// fixed size list, map) when the inferred field can take the original's
// shape: a list stays a list or becomes a fixed size list, a map stays a
// map. A large list is read as a list, as pqarrow v15 does.
func restoreList(ot arrow.ListLikeType, inferred *SchemaField) (modified, done bool, err error) {
	if len(inferred.Children) != 1 {
		return false, true, nil
	}
	rebuild := listFactory(ot, inferred.Field.Type)
	if rebuild == nil {
		return false, true, nil
	}
	modified = ot.ID() != inferred.Field.Type.ID()
	changed, err := restore(arrow.Field{Type: ot.Elem()}, &inferred.Children[0])
	if err != nil {
		return modified, true, err
	}
	if modified || changed {
		inferred.Field.Type = rebuild(inferred.Children[0].Field.Type)
	}
	return modified || changed, false, nil
}

// listFactory is pqarrow's getNestedFactory for list-like types: the
// constructor of the restored type from its element type, or nil.
func listFactory(origin, inferred arrow.DataType) func(elem arrow.DataType) arrow.DataType {
	switch {
	case inferred.ID() == arrow.LIST && origin.ID() == arrow.LIST:
		return func(elem arrow.DataType) arrow.DataType { return arrow.ListOf(elem) }
	case inferred.ID() == arrow.LIST && origin.ID() == arrow.FIXED_SIZE_LIST:
		n := origin.(*arrow.FixedSizeListType).Len()
		return func(elem arrow.DataType) arrow.DataType { return arrow.FixedSizeListOf(n, elem) }
	case inferred.ID() == arrow.MAP && origin.ID() == arrow.MAP:
		return func(elem arrow.DataType) arrow.DataType {
			kv := elem.(*arrow.StructType)
			return arrow.MapOf(kv.Field(0).Type, kv.Field(1).Type)
		}
	}
	return nil
}
