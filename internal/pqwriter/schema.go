package pqwriter

import (
	"fmt"
	"strconv"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/schema"
)

// toParquet is pqarrow.ToParquet(sc, props, pqarrow.NewArrowWriterProperties()):
// the Parquet schema an Arrow schema is written with.
func toParquet(sc *arrow.Schema, props *parquet.WriterProperties) (*schema.Schema, error) {
	nodes := make(schema.FieldList, 0, sc.NumFields())
	for _, f := range sc.Fields() {
		n, err := fieldNode(f.Name, f, props)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, n)
	}
	root, err := schema.NewGroupNode(props.RootName(), props.RootRepetition(), nodes, -1)
	if err != nil {
		return nil, fmt.Errorf("pqwriter: schema root: %w", err)
	}
	return schema.NewSchema(root), nil
}

func repetition(nullable bool) parquet.Repetition {
	if nullable {
		return parquet.Repetitions.Optional
	}
	return parquet.Repetitions.Required
}

// fieldNode is pqarrow's fieldToNode: the node of one Arrow field, named
// name (a list's element carries its list's name until ListOf renames it).
func fieldNode(name string, f arrow.Field, props *parquet.WriterProperties) (schema.Node, error) {
	switch dt := f.Type.(type) {
	case *arrow.StructType:
		return structNode(dt, f.Name, f.Nullable, props)
	case *arrow.ListType:
		return listNode(name, dt.Elem(), f.Nullable, props)
	case *arrow.FixedSizeListType:
		return listNode(name, dt.Elem(), f.Nullable, props)
	case *arrow.MapType:
		return mapNode(dt, f.Name, f.Nullable, props)
	case *arrow.DictionaryType:
		// Parquet dictionaries are an encoding, not a type.
		return fieldNode(name, arrow.Field{Name: name, Type: dt.ValueType, Nullable: f.Nullable, Metadata: f.Metadata}, props)
	case arrow.ExtensionType:
		// stored as its storage type, without a field id
		return fieldNode(name, arrow.Field{Name: name, Type: dt.StorageType(), Nullable: f.Nullable}, props)
	}
	return primitiveNode(name, f, props)
}

func structNode(dt *arrow.StructType, name string, nullable bool, props *parquet.WriterProperties) (schema.Node, error) {
	if dt.NumFields() == 0 {
		return nil, fmt.Errorf("pqwriter: cannot write struct type '%s' with no child field to parquet", name)
	}
	children := make(schema.FieldList, 0, dt.NumFields())
	for _, c := range dt.Fields() {
		n, err := fieldNode(c.Name, c, props)
		if err != nil {
			return nil, err
		}
		children = append(children, n)
	}
	n, err := schema.NewGroupNode(name, repetition(nullable), children, -1)
	if err != nil {
		return nil, fmt.Errorf("pqwriter: struct %s: %w", name, err)
	}
	return n, nil
}

// listNode: the element is always optional, whatever the Arrow element
// field says (as pqarrow writes it).
func listNode(name string, elem arrow.DataType, nullable bool, props *parquet.WriterProperties) (schema.Node, error) {
	child, err := fieldNode(name, arrow.Field{Name: name, Type: elem, Nullable: true}, props)
	if err != nil {
		return nil, err
	}
	n, err := schema.ListOf(child, repetition(nullable), -1)
	if err != nil {
		return nil, fmt.Errorf("pqwriter: list %s: %w", name, err)
	}
	return n, nil
}

func mapNode(dt *arrow.MapType, name string, nullable bool, props *parquet.WriterProperties) (schema.Node, error) {
	key, err := fieldNode("key", dt.KeyField(), props)
	if err != nil {
		return nil, err
	}
	value, err := fieldNode("value", dt.ItemField(), props)
	if err != nil {
		return nil, err
	}
	n, err := schema.MapOf(name, key, value, repetition(nullable), -1)
	if err != nil {
		return nil, fmt.Errorf("pqwriter: map %s: %w", name, err)
	}
	return n, nil
}

func primitiveNode(name string, f arrow.Field, props *parquet.WriterProperties) (schema.Node, error) {
	pt, lt, length, err := leafType(f, props)
	if err != nil {
		return nil, err
	}
	n, err := schema.NewPrimitiveNodeLogical(name, repetition(f.Nullable), lt, pt, length, fieldID(f.Metadata))
	if err != nil {
		return nil, fmt.Errorf("pqwriter: field %s: %w", name, err)
	}
	return n, nil
}

// fieldID is the PARQUET:field_id of a field's metadata, or -1.
func fieldID(m arrow.Metadata) int32 {
	i := m.FindKey("PARQUET:field_id")
	if i < 0 {
		return -1
	}
	id, err := strconv.ParseInt(m.Values()[i], 10, 32)
	if err != nil || id < 0 {
		return -1
	}
	return int32(id)
}
