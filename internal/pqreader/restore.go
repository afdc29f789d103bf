package pqreader

import (
	"errors"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
)

// errOrigin wraps the errors of a stored Arrow schema pqarrow refuses.
var errOrigin = errors.New("stored Arrow schema")

// restore is pqarrow's applyOriginalMetadata: it gives the inferred field
// back what Parquet cannot hold of the original field (time zone, large
// and dictionary types, decimal256, fixed size lists, extension types,
// field metadata) and reports whether it changed anything. Nested types
// are rebuilt only when a child changed, by the same constructors pqarrow
// uses (so a list's element is then named "item").
func restore(origin arrow.Field, inferred *SchemaField) (bool, error) {
	modified, done, err := restoreType(origin, inferred)
	if err != nil || done {
		return modified, err
	}
	if !origin.HasMetadata() {
		return modified, nil
	}
	if !inferred.Field.HasMetadata() {
		inferred.Field.Metadata = origin.Metadata
		return true, nil
	}
	merged := make(map[string]string)
	for i, k := range origin.Metadata.Keys() {
		merged[k] = origin.Metadata.Values()[i]
	}
	for i, k := range inferred.Field.Metadata.Keys() {
		merged[k] = inferred.Field.Metadata.Values()[i]
	}
	inferred.Field.Metadata = arrow.MetadataFrom(merged)
	return true, nil
}

// restoreType restores the type; done means pqarrow returns at once,
// without merging the metadata.
func restoreType(origin arrow.Field, inferred *SchemaField) (modified, done bool, err error) {
	got := inferred.Field.Type
	switch origin.Type.ID() {
	case arrow.EXTENSION:
		return restoreExtension(origin, origin.Type.(arrow.ExtensionType), inferred)
	case arrow.SPARSE_UNION, arrow.DENSE_UNION:
		return false, true, fmt.Errorf("%w: unimplemented type %s", errOrigin, origin.Type)
	case arrow.STRUCT:
		return restoreStruct(origin.Type.(*arrow.StructType), inferred)
	case arrow.FIXED_SIZE_LIST, arrow.LIST, arrow.LARGE_LIST, arrow.MAP:
		return restoreList(origin.Type.(arrow.ListLikeType), inferred)
	case arrow.TIMESTAMP:
		ot := origin.Type.(*arrow.TimestampType)
		it, ok := got.(*arrow.TimestampType)
		if !ok {
			return false, true, nil
		}
		if ot.Unit == it.Unit && it.TimeZone == "UTC" && ot.TimeZone != "" {
			inferred.Field.Type = ot
		}
		return true, false, nil
	case arrow.LARGE_STRING, arrow.LARGE_BINARY:
		inferred.Field.Type = origin.Type
		return true, false, nil
	case arrow.DICTIONARY:
		if got.ID() == arrow.DICTIONARY || !dictionaryReadable(got) {
			return false, true, nil
		}
		ordered := origin.Type.(*arrow.DictionaryType).Ordered
		inferred.Field.Type = &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: got, Ordered: ordered}
		return true, false, nil
	case arrow.DECIMAL256:
		if got.ID() == arrow.DECIMAL128 {
			inferred.Field.Type = origin.Type
			return true, false, nil
		}
	}
	return false, false, nil
}

// dictionaryReadable is pqarrow's isDictionaryReadSupported.
func dictionaryReadable(t arrow.DataType) bool { return arrow.IsBinaryLike(t.ID()) }

func restoreExtension(origin arrow.Field, ext arrow.ExtensionType, inferred *SchemaField) (bool, bool, error) {
	if _, err := restore(arrow.Field{Type: ext.StorageType(), Metadata: origin.Metadata}, inferred); err != nil {
		return false, true, err
	}
	if !arrow.TypeEqual(ext.StorageType(), inferred.Field.Type) {
		return false, true, fmt.Errorf("%w: mismatch storage type '%s' for extension type '%s'", errOrigin, inferred.Field.Type, ext)
	}
	inferred.Field.Type = ext
	return true, false, nil
}
