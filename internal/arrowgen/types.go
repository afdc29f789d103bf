package arrowgen

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
)

// Schema returns a schema of 1 to MaxFields fields named c0, c1, ...,
// nested up to MaxDepth, of Types or TopTypes.
func (g *Gen) Schema() *arrow.Schema {
	fields := make([]arrow.Field, 1+g.r.IntN(max(1, g.opts.MaxFields)))
	for i := range fields {
		fields[i] = g.field(fmt.Sprintf("c%d", i), g.typ(g.opts.MaxDepth, true))
	}
	if !g.chance(g.opts.SchemaMetadata) {
		return arrow.NewSchema(fields, nil)
	}
	md := arrow.NewMetadata([]string{"a", "b"}, []string{"1", fmt.Sprint(g.r.IntN(9))})
	return arrow.NewSchema(fields, &md)
}

// Field returns a field named name of a random type nested at most depth
// levels.
func (g *Gen) Field(name string, depth int) arrow.Field {
	return g.field(name, g.Type(depth))
}

// Type returns a random type of Types nested at most depth levels.
func (g *Gen) Type(depth int) arrow.DataType {
	return g.typ(depth, false)
}

// TypeOf returns a random type of ID id (leaf or nested), its children
// nested at most depth-1 levels.
func (g *Gen) TypeOf(id arrow.Type, depth int) arrow.DataType {
	if isNested(id) {
		return g.nestedType(id, depth)
	}
	if dt := g.leafType(id); dt != nil {
		return dt
	}
	panic(fmt.Sprintf("arrowgen: no type %s with time units %v", id, g.opts.TimeUnits))
}

// typ returns a random type nested at most depth levels; top allows
// TopTypes.
func (g *Gen) typ(depth int, top bool) arrow.DataType {
	if depth > 0 && len(g.nested) > 0 && g.chance(g.opts.Nest) {
		return g.nestedType(pick(g, g.nested), depth)
	}
	leaves := g.leaves
	if top {
		leaves = append(leaves[:len(leaves):len(leaves)], g.opts.TopTypes...)
	}
	for {
		if dt := g.leafType(pick(g, leaves)); dt != nil {
			return dt
		}
	}
}

// field returns a field of dt named name, random in nullability and
// metadata.
func (g *Gen) field(name string, dt arrow.DataType) arrow.Field {
	f := arrow.Field{Name: name, Type: dt, Nullable: dt.ID() == arrow.NULL || !g.chance(g.opts.NotNull)}
	if g.chance(g.opts.Metadata) {
		keys, vals := []string{"PARQUET:field_id", "k" + name}, []string{fmt.Sprint(g.r.IntN(100)), "v"}
		if g.r.IntN(2) == 0 {
			keys[0], keys[1], vals[0], vals[1] = keys[1], keys[0], vals[1], vals[0]
		}
		f.Metadata = arrow.NewMetadata(keys, vals)
	}
	return f
}
