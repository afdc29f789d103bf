package pqreader

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/schema"
)

// list converts a LIST annotated group in any of the layouts pqarrow
// accepts: three levels (group > repeated group > element), the legacy
// "array" and "<name>_tuple" repeated groups (lists of structs even with a
// single child, as the format spec says) and two levels (group > repeated
// primitive).
func (c converter) list(g *schema.GroupNode, levels file.LevelInfo, out *SchemaField) error {
	if g.NumFields() != 1 {
		return fmt.Errorf("%w: LIST groups must have only 1 child", errNestedShape)
	}
	if isRepeated(g) {
		return fmt.Errorf("%w: LIST groups must not be repeated", errNestedShape)
	}
	levels.Increment(g)
	out.Children = make([]SchemaField, 1)
	item := g.Field(0)
	if !isRepeated(item) {
		return fmt.Errorf("%w: non-repeated nodes in a list group are not supported", errNestedShape)
	}
	ancestor := levels.IncrementRepeated()
	if err := c.listItem(g, item, levels, &out.Children[0]); err != nil {
		return err
	}
	elem := arrow.Field{Name: item.Name(), Type: out.Children[0].Field.Type, Nullable: true}
	out.Field = &arrow.Field{Name: g.Name(), Type: arrow.ListOfField(elem), Nullable: isOptional(g), Metadata: fieldMeta(g.FieldID())}
	out.LevelInfo = levels
	out.LevelInfo.RepeatedAncestorDefLevel = ancestor
	return nil
}

// listItem converts the repeated node item of the LIST group g.
func (c converter) listItem(g *schema.GroupNode, item schema.Node, levels file.LevelInfo, out *SchemaField) error {
	if ig, ok := item.(*schema.GroupNode); ok {
		if ig.NumFields() == 1 && ig.Name() != "array" && ig.Name() != g.Name()+"_tuple" {
			return c.node(ig.Field(0), levels, out)
		}
		return c.structField(ig, levels, out)
	}
	p := item.(*schema.PrimitiveNode)
	typ, err := arrowType(p)
	if err != nil {
		return err
	}
	leaf(c.sc.ColumnIndexByNode(p), &arrow.Field{Name: p.Name(), Type: typ, Metadata: fieldMeta(p.FieldID())}, levels, out)
	return nil
}

// mapField converts a MAP annotated group: a map of its key and value, or
// a list of keys when the key_value group holds the key alone.
func (c converter) mapField(g *schema.GroupNode, levels file.LevelInfo, out *SchemaField) error {
	kv, err := mapKeyValue(g)
	if err != nil {
		return err
	}
	if kv.NumFields() == 1 {
		return c.list(g, levels, out)
	}
	levels.Increment(g)
	ancestor := levels.IncrementRepeated()
	out.Children = make([]SchemaField, 1)
	entries := &out.Children[0]
	entries.Children = make([]SchemaField, 2)
	key, value := &entries.Children[0], &entries.Children[1]
	if err := c.node(kv.Field(0), levels, key); err != nil {
		return err
	}
	if err := c.node(kv.Field(1), levels, value); err != nil {
		return err
	}
	entries.Field = &arrow.Field{Name: g.Name(), Type: arrow.StructOf(*key.Field, *value.Field), Metadata: fieldMeta(kv.FieldID())}
	entries.LevelInfo = levels
	out.Field = &arrow.Field{Name: g.Name(), Type: arrow.MapOf(key.Field.Type, value.Field.Type), Nullable: isOptional(g), Metadata: fieldMeta(g.FieldID())}
	out.LevelInfo = levels
	out.LevelInfo.RepeatedAncestorDefLevel = ancestor
	return nil
}

// mapKeyValue checks the shape of the MAP group g and returns its repeated
// key_value group.
func mapKeyValue(g *schema.GroupNode) (*schema.GroupNode, error) {
	if g.NumFields() != 1 {
		return nil, fmt.Errorf("%w: MAP group must have exactly 1 child", errNestedShape)
	}
	if isRepeated(g) {
		return nil, fmt.Errorf("%w: MAP groups must not be repeated", errNestedShape)
	}
	if !isRepeated(g.Field(0)) {
		return nil, fmt.Errorf("%w: non-repeated keyvalue group in MAP group is not supported", errNestedShape)
	}
	kv, ok := g.Field(0).(*schema.GroupNode)
	if !ok {
		return nil, fmt.Errorf("%w: keyvalue node must be a group", errNestedShape)
	}
	if kv.NumFields() != 1 && kv.NumFields() != 2 {
		return nil, fmt.Errorf("%w: keyvalue node group must have exactly 1 or 2 child elements, found %d", errNestedShape, kv.NumFields())
	}
	if kv.Field(0).RepetitionType() != parquet.Repetitions.Required {
		return nil, fmt.Errorf("%w: MAP keys must be required", errNestedShape)
	}
	return kv, nil
}
