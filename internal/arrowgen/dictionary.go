package arrowgen

import (
	"strconv"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// dictionary returns n random indices into a random dictionary of dt.
func (g *Gen) dictionary(dt *arrow.DictionaryType, n int, nullable bool, parent []bool) arrow.ArrayData {
	dict := g.dictValues(dt.ValueType)
	defer dict.Release()
	size := dict.Len()
	valid := g.validity(n, nullable, parent)
	if size == 0 { // nothing to point to: all null
		valid = make([]bool, n)
	}
	width := dt.IndexType.(arrow.FixedWidthDataType).BitWidth() / 8
	idx := make([]byte, n*width)
	for i := range n {
		if size > 0 {
			idx[i*width] = byte(g.r.IntN(size)) // little-endian, the rest zero
		}
	}
	bufs := []*memory.Buffer{g.bitmap(valid), memory.NewBufferBytes(idx)}
	return array.NewDataWithDictionary(dt, n, bufs, g.nullCount(valid), 0, dict.(*array.Data))
}

// dictValues returns a random dictionary of values of dt: distinct ones
// with DistinctDicts, else any, with SliceAll half the time sliced.
func (g *Gen) dictValues(dt arrow.DataType) arrow.ArrayData {
	if g.opts.DistinctDicts {
		return g.distinct(dt, 1+g.r.IntN(6))
	}
	values := *g
	if g.r.IntN(2) == 0 {
		values.opts.Slice = SliceNone
	}
	return values.data(dt, g.r.IntN(6), g.r.IntN(4) == 0, nil, false)
}

// distinct returns n distinct non-null values of dt, an integer, float,
// string or binary type.
func (g *Gen) distinct(dt arrow.DataType, n int) arrow.ArrayData {
	b := array.NewBuilder(memory.DefaultAllocator, dt)
	defer b.Release()
	for _, k := range g.r.Perm(12)[:n] {
		if bin, ok := b.(*array.BinaryBuilder); ok { // AppendValueFromString would read base64
			bin.Append([]byte(distinctValue(dt.ID(), k)))
		} else if err := b.AppendValueFromString(distinctValue(dt.ID(), k)); err != nil {
			panic("arrowgen: no distinct values of " + dt.String())
		}
	}
	a := b.NewArray()
	defer a.Release()
	d := a.Data()
	d.Retain()
	return d
}

// distinctValue returns the k-th of distinct values of type id, as text.
func distinctValue(id arrow.Type, k int) string {
	switch id {
	case arrow.STRING, arrow.LARGE_STRING, arrow.BINARY, arrow.LARGE_BINARY:
		return "x" + string(rune('a'+k))
	case arrow.FLOAT16, arrow.FLOAT32, arrow.FLOAT64:
		return strconv.FormatFloat(float64(k-3)/2, 'g', -1, 64)
	case arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64:
		return strconv.Itoa(k)
	}
	return strconv.Itoa(k - 3)
}
