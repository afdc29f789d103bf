package pqreader

import (
	"errors"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
)

// errNotLeaf reports a field with neither children nor a column.
var errNotLeaf = errors.New("parquet non-leaf node has no children")

// builder makes the reader tree of a field, as pqarrow's getReader does,
// but on the calling goroutine.
type builder struct {
	pr        *file.Reader
	mem       memory.Allocator
	leaves    map[int]bool
	rowGroups []int
}

// build returns the reader of sf whose Arrow field is f, or nil when no
// leaf below sf is wanted (or sf's type has no reader, as in pqarrow).
func (b builder) build(sf *SchemaField, f arrow.Field) (node, error) {
	if len(sf.Children) == 0 {
		if !sf.IsLeaf() {
			return nil, errNotLeaf
		}
		if _, ok := b.leaves[sf.ColIndex]; !ok {
			return nil, nil
		}
		return newLeafReader(b.pr, b.mem, sf, b.rowGroups)
	}
	switch f.Type.ID() {
	case arrow.EXTENSION:
		return nil, fmt.Errorf("%w: reading a nested extension type", arrow.ErrNotImplemented)
	case arrow.STRUCT:
		return b.buildStruct(sf, f)
	case arrow.LIST, arrow.FIXED_SIZE_LIST, arrow.MAP:
		return b.buildList(sf, f)
	}
	return nil, nil
}

// buildStruct reads the wanted children of a struct; the struct's type
// keeps those children only.
func (b builder) buildStruct(sf *SchemaField, f arrow.Field) (node, error) {
	var (
		children []node
		fields   []arrow.Field
	)
	for i := range sf.Children {
		c := &sf.Children[i]
		n, err := b.build(c, *c.Field)
		if err != nil {
			releaseNodes(children)
			return nil, err
		}
		if n != nil {
			children = append(children, n)
			fields = append(fields, *c.Field)
		}
	}
	if len(children) == 0 {
		return nil, nil
	}
	kept := &arrow.Field{Name: f.Name, Type: arrow.StructOf(fields...), Nullable: f.Nullable, Metadata: f.Metadata}
	return newStructReader(b.mem, kept, sf.LevelInfo, children), nil
}

// buildList reads a list, fixed size list or map over its one child.
func (b builder) buildList(sf *SchemaField, f arrow.Field) (node, error) {
	child := &sf.Children[0]
	item, err := b.build(child, *child.Field)
	if err != nil || item == nil {
		return nil, err
	}
	if f.Type.ID() == arrow.MAP && len(child.Children) != 2 {
		f.Type = arrow.ListOf(item.field().Type)
	}
	return &listReader{mem: b.mem, fld: &f, info: sf.LevelInfo, item: item}, nil
}

func releaseNodes(ns []node) {
	for _, n := range ns {
		n.release()
	}
}
