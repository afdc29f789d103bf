package pqreader

import (
	"errors"
	"strconv"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/schema"
)

// converter turns the nodes of a Parquet schema into SchemaFields as
// pqarrow's nodeToSchemaField and its helpers do.
type converter struct {
	sc *schema.Schema
}

// fieldMeta is the metadata pqarrow puts on converted fields.
func fieldMeta(id int32) arrow.Metadata {
	return arrow.NewMetadata([]string{"PARQUET:field_id"}, []string{strconv.Itoa(int(id))})
}

func isOptional(n schema.Node) bool { return n.RepetitionType() == parquet.Repetitions.Optional }

func isRepeated(n schema.Node) bool { return n.RepetitionType() == parquet.Repetitions.Repeated }

// node converts any node: a group, a plain primitive, or a repeated
// primitive (a one-level list, a list of required values).
func (c converter) node(n schema.Node, levels file.LevelInfo, out *SchemaField) error {
	if g, ok := n.(*schema.GroupNode); ok {
		return c.group(g, levels, out)
	}
	p := n.(*schema.PrimitiveNode)
	col := c.sc.ColumnIndexByNode(p)
	typ, err := arrowType(p)
	if err != nil {
		return err
	}
	if isRepeated(p) {
		ancestor := levels.IncrementRepeated()
		out.Children = make([]SchemaField, 1)
		leaf(col, &arrow.Field{Name: p.Name(), Type: typ}, levels, &out.Children[0])
		out.Field = &arrow.Field{Name: p.Name(), Type: arrow.ListOf(typ), Metadata: fieldMeta(p.FieldID())}
		out.LevelInfo = levels
		out.LevelInfo.RepeatedAncestorDefLevel = ancestor
		return nil
	}
	levels.Increment(p)
	leaf(col, &arrow.Field{Name: p.Name(), Type: typ, Nullable: isOptional(p), Metadata: fieldMeta(p.FieldID())}, levels, out)
	return nil
}

func leaf(col int, f *arrow.Field, levels file.LevelInfo, out *SchemaField) {
	out.Field, out.ColIndex, out.LevelInfo = f, col, levels
}

// group converts a LIST or MAP annotated group, a repeated group without
// annotation (a list of structs) or a plain group (a struct).
func (c converter) group(g *schema.GroupNode, levels file.LevelInfo, out *SchemaField) error {
	switch {
	case g.LogicalType().Equals(schema.NewListLogicalType()):
		return c.list(g, levels, out)
	case g.LogicalType().Equals(schema.MapLogicalType{}):
		return c.mapField(g, levels, out)
	case isRepeated(g):
		out.Children = make([]SchemaField, 1)
		ancestor := levels.IncrementRepeated()
		if err := c.structField(g, levels, &out.Children[0]); err != nil {
			return err
		}
		out.Field = &arrow.Field{Name: g.Name(), Type: arrow.ListOf(out.Children[0].Field.Type), Metadata: fieldMeta(g.FieldID())}
		out.LevelInfo = levels
		out.LevelInfo.RepeatedAncestorDefLevel = ancestor
		return nil
	}
	levels.Increment(g)
	return c.structField(g, levels, out)
}

// structField converts g into a struct of its converted children; levels
// already count g itself.
func (c converter) structField(g *schema.GroupNode, levels file.LevelInfo, out *SchemaField) error {
	out.Children = make([]SchemaField, g.NumFields())
	fields := make([]arrow.Field, g.NumFields())
	for i := range out.Children {
		if err := c.node(g.Field(i), levels, &out.Children[i]); err != nil {
			return err
		}
		fields[i] = *out.Children[i].Field
	}
	out.Field = &arrow.Field{Name: g.Name(), Type: arrow.StructOf(fields...), Nullable: isOptional(g), Metadata: fieldMeta(g.FieldID())}
	out.LevelInfo = levels
	return nil
}

// errNestedShape wraps the errors of LIST and MAP groups of a shape pqarrow refuses.
var errNestedShape = errors.New("unsupported nested group")
