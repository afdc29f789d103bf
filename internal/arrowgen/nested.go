package arrowgen

import (
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// list returns the offsets and child of n random lists (or maps) of dt,
// of 0 to 3 elements; with TidyNulls, null lists are empty.
func (g *Gen) list(dt arrow.ListLikeType, n int, valid []bool) ([]*memory.Buffer, []arrow.ArrayData) {
	offs := g.offsets(n, 3, valid)
	total := int(offs[n])
	var child arrow.ArrayData
	if m, ok := dt.(*arrow.MapType); ok {
		child = g.entries(m, total)
	} else {
		child = g.data(dt.Elem(), total, dt.ElemField().Nullable, nil, false)
	}
	_, large := dt.(*arrow.LargeListType)
	return []*memory.Buffer{offsetBuffer(offs, large)}, []arrow.ArrayData{child}
}

// entries returns the struct<key, value> child of a map: no null entry,
// no null key.
func (g *Gen) entries(dt *arrow.MapType, n int) arrow.ArrayData {
	key := g.data(dt.KeyType(), n, false, nil, false)
	defer key.Release()
	item := g.data(dt.ItemType(), n, dt.ItemField().Nullable, nil, false)
	defer item.Release()
	return array.NewData(dt.Elem(), n, []*memory.Buffer{nil}, []arrow.ArrayData{key, item}, 0, 0)
}

// fixedSizeList returns the child of n random fixed-size lists of dt;
// with TidyNulls, half the null lists hold nulls only.
func (g *Gen) fixedSizeList(dt *arrow.FixedSizeListType, n int, valid []bool) arrow.ArrayData {
	size := int(dt.Len())
	var under []bool
	if g.opts.TidyNulls && valid != nil {
		under = make([]bool, n*size)
		for i := range under {
			under[i] = true
		}
		for i := range n {
			if !valid[i] && g.r.IntN(2) == 0 {
				clear(under[i*size : (i+1)*size])
			}
		}
	}
	return g.data(dt.Elem(), n*size, dt.ElemField().Nullable, under, false)
}

// structFields returns the fields of n random structs of dt; with
// TidyNulls, fields are null under null structs.
func (g *Gen) structFields(dt *arrow.StructType, n int, valid []bool) []arrow.ArrayData {
	var under []bool
	if g.opts.TidyNulls {
		under = valid
	}
	var children []arrow.ArrayData
	for _, f := range dt.Fields() {
		children = append(children, g.data(f.Type, n, f.Nullable, under, false))
	}
	return children
}

// offsets returns n+1 offsets of lengths 0 to maxLen (0 for a null with
// TidyNulls), from a random first offset with SliceAll, else 0.
func (g *Gen) offsets(n, maxLen int, valid []bool) []int64 {
	offs := make([]int64, n+1)
	if g.opts.Slice == SliceAll {
		offs[0] = int64(g.r.IntN(3))
	}
	for i := range n {
		k := g.r.IntN(maxLen + 1)
		if g.opts.TidyNulls && !isValid(valid, i) {
			k = 0
		}
		offs[i+1] = offs[i] + int64(k)
	}
	return offs
}

// offsetBuffer returns offs as a buffer of int64 when large, else int32.
func offsetBuffer(offs []int64, large bool) *memory.Buffer {
	if large {
		return memory.NewBufferBytes(arrow.Int64Traits.CastToBytes(offs))
	}
	small := make([]int32, len(offs))
	for i, o := range offs {
		small[i] = int32(o)
	}
	return memory.NewBufferBytes(arrow.Int32Traits.CastToBytes(small))
}
