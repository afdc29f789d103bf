package arrowgen

import (
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// Array returns a random nullable array of dt and length n.
func (g *Gen) Array(dt arrow.DataType, n int) arrow.Array {
	d := g.data(dt, n, true, nil, true)
	defer d.Release()
	return array.MakeFromData(d)
}

// Record returns a record of sc with n random rows, each column nullable
// as its field is.
func (g *Gen) Record(sc *arrow.Schema, n int) arrow.Record {
	cols := make([]arrow.Array, sc.NumFields())
	for i, f := range sc.Fields() {
		d := g.data(f.Type, n, f.Nullable, nil, true)
		cols[i] = array.MakeFromData(d)
		d.Release()
	}
	rec := array.NewRecord(sc, cols, int64(n))
	for _, c := range cols {
		c.Release()
	}
	return rec
}

// data returns random data of dt and length n, no nulls unless nullable
// or under a null of parent (a nil parent has none); top says whether it
// is a whole array (not a child), for SliceTop.
func (g *Gen) data(dt arrow.DataType, n int, nullable bool, parent []bool, top bool) arrow.ArrayData {
	pre, post := 0, 0
	if g.opts.Slice == SliceAll || top && g.opts.Slice == SliceTop && g.r.IntN(2) == 0 {
		pre, post = g.r.IntN(5), g.r.IntN(5)
	}
	if parent != nil && pre+post > 0 {
		padded := make([]bool, pre+n+post)
		for i := range padded {
			padded[i] = i < pre || i >= pre+n || parent[i-pre]
		}
		parent = padded
	}
	full := g.full(dt, pre+n+post, nullable, parent)
	if pre+post == 0 {
		return full
	}
	defer full.Release()
	return array.NewSliceData(full, int64(pre), int64(pre+n))
}

// full returns random data of dt and length n at offset 0.
func (g *Gen) full(dt arrow.DataType, n int, nullable bool, parent []bool) arrow.ArrayData {
	switch dt := dt.(type) {
	case *arrow.NullType:
		return array.NewData(dt, n, []*memory.Buffer{nil}, nil, n, 0)
	case *arrow.DictionaryType:
		return g.dictionary(dt, n, nullable, parent)
	}
	valid := g.validity(n, nullable, parent)
	bufs, children := g.body(dt, n, valid)
	d := array.NewData(dt, n, append([]*memory.Buffer{g.bitmap(valid)}, bufs...), children, g.nullCount(valid), 0)
	for _, c := range children {
		c.Release()
	}
	return d
}

// body returns the buffers but validity and the children of n random
// values of dt, valid where valid is (nil: everywhere).
func (g *Gen) body(dt arrow.DataType, n int, valid []bool) ([]*memory.Buffer, []arrow.ArrayData) {
	switch dt := dt.(type) {
	case *arrow.StringType, *arrow.BinaryType, *arrow.LargeStringType, *arrow.LargeBinaryType:
		return g.binary(dt, n), nil
	case *arrow.ListType, *arrow.LargeListType, *arrow.MapType:
		return g.list(dt.(arrow.ListLikeType), n, valid)
	case *arrow.FixedSizeListType:
		return nil, []arrow.ArrayData{g.fixedSizeList(dt, n, valid)}
	case *arrow.StructType:
		return nil, g.structFields(dt, n, valid)
	case arrow.FixedWidthDataType:
		return []*memory.Buffer{g.fixed(dt, n)}, nil
	}
	panic("arrowgen: no arrays of " + dt.String())
}
