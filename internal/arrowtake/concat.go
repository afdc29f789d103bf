package arrowtake

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// Concatenate returns the arrays one after the other (pa.concat_arrays):
// array.Concatenate, except that dictionary arrays, at any depth, are
// first moved onto one dictionary. Arrow v15 unifies differing
// dictionaries itself, but then writes every array's transposed indices
// at the start of the output (concatDictIndices), leaving the rest zero:
// the values of every array after the first are lost. Arrays read from
// the row groups of a Parquet file get a dictionary each, built from the
// values in the order they appear, so they often differ.
func Concatenate(mem memory.Allocator, arrs []arrow.Array) (arrow.Array, error) {
	if len(arrs) == 0 || !hasDictionary(arrs[0].DataType()) {
		return array.Concatenate(arrs, mem)
	}
	datas := make([]arrow.ArrayData, len(arrs))
	for i, a := range arrs {
		datas[i] = a.Data()
	}
	unified, err := unifyData(mem, datas)
	if err != nil {
		return nil, fmt.Errorf("arrowtake: concatenate: %w", err)
	}
	parts := make([]arrow.Array, len(unified))
	for i, d := range unified {
		parts[i] = array.MakeFromData(d)
		d.Release()
	}
	defer func() {
		for _, a := range parts {
			a.Release()
		}
	}()
	return array.Concatenate(parts, mem)
}

// hasDictionary reports whether dt is or holds a dictionary type.
func hasDictionary(dt arrow.DataType) bool {
	switch t := dt.(type) {
	case *arrow.DictionaryType:
		return true
	case arrow.NestedType:
		for _, f := range t.Fields() {
			if hasDictionary(f.Type) {
				return true
			}
		}
	}
	return false
}

// unifyData returns datas (arrays of one type) rebuilt so that the
// dictionaries at each depth are one: indices transposed onto the union
// of the dictionaries (array.DictionaryUnifier), every other buffer kept.
// The caller releases the results.
func unifyData(mem memory.Allocator, datas []arrow.ArrayData) ([]arrow.ArrayData, error) {
	dt := datas[0].DataType()
	if !hasDictionary(dt) {
		for _, d := range datas {
			d.Retain()
		}
		return datas, nil
	}
	if d, ok := dt.(*arrow.DictionaryType); ok {
		return unifyDictionaries(mem, d, datas)
	}
	nc := len(datas[0].Children())
	children := make([][]arrow.ArrayData, len(datas))
	for c := 0; c < nc; c++ {
		col := make([]arrow.ArrayData, len(datas))
		for i, d := range datas {
			if len(d.Children()) != nc {
				return nil, fmt.Errorf("%s array with %d children, not %d", dt, len(d.Children()), nc)
			}
			col[i] = d.Children()[c]
		}
		got, err := unifyData(mem, col)
		if err != nil {
			return nil, err
		}
		for i := range datas {
			children[i] = append(children[i], got[i])
		}
	}
	out := make([]arrow.ArrayData, len(datas))
	for i, d := range datas {
		out[i] = array.NewData(dt, d.Len(), d.Buffers(), children[i], d.NullN(), d.Offset())
		for _, c := range children[i] {
			c.Release()
		}
	}
	return out, nil
}

// unifyDictionaries rebuilds dictionary arrays of type dt onto the union of
// their dictionaries, or returns them as they are when their dictionaries
// are all equal (array.Concatenate keeps that dictionary and appends the
// indices, which it does right).
func unifyDictionaries(mem memory.Allocator, dt *arrow.DictionaryType, datas []arrow.ArrayData) ([]arrow.ArrayData, error) {
	dicts := make([]arrow.Array, len(datas))
	defer func() {
		for _, d := range dicts {
			if d != nil {
				d.Release()
			}
		}
	}()
	same := true
	for i, d := range datas {
		if d.Dictionary() == nil {
			return nil, fmt.Errorf("dictionary array without a dictionary")
		}
		dicts[i] = array.MakeFromData(d.Dictionary())
		// The same dictionary (slices of one array) needs no comparing.
		same = same && (d.Dictionary() == datas[0].Dictionary() || array.Equal(dicts[0], dicts[i]))
	}
	if same {
		for _, d := range datas {
			d.Retain()
		}
		return datas, nil
	}
	dict, maps, err := union(mem, dt, dicts)
	if err != nil {
		return nil, err
	}
	defer dict.Release()
	out := make([]arrow.ArrayData, 0, len(datas))
	for i, d := range datas {
		idx, err := transpose(mem, dt, d, maps[i])
		if err != nil {
			for _, o := range out {
				o.Release()
			}
			return nil, err
		}
		bufs := []*memory.Buffer{d.Buffers()[0], idx}
		out = append(out, array.NewDataWithDictionary(dt, d.Len(), bufs, d.NullN(), d.Offset(), dict.Data().(*array.Data)))
		idx.Release()
	}
	return out, nil
}

// union returns the union of dicts, each value once in the order it first
// appears (array.DictionaryUnifier's), and for each of dicts the position
// of each of its values in the union. Arrow v15's unifier has no large
// string or binary values: those are unified by their bytes here.
func union(mem memory.Allocator, dt *arrow.DictionaryType, dicts []arrow.Array) (arrow.Array, [][]int32, error) {
	maps := make([][]int32, len(dicts))
	switch dt.ValueType.ID() {
	case arrow.LARGE_STRING, arrow.LARGE_BINARY:
		return unionLargeBinary(mem, dt, dicts)
	}
	u, err := array.NewDictionaryUnifier(mem, dt.ValueType)
	if err != nil {
		return nil, nil, err
	}
	defer u.Release()
	for i, d := range dicts {
		buf, err := u.UnifyAndTranspose(d)
		if err != nil {
			return nil, nil, err
		}
		maps[i] = append([]int32(nil), arrow.Int32Traits.CastFromBytes(buf.Bytes())[:d.Len()]...)
		buf.Release()
	}
	dict, err := u.GetResultWithIndexType(dt.IndexType)
	return dict, maps, err
}

// unionLargeBinary is union for large string and large binary values
// (a null value, which a dictionary should not hold, is kept once).
func unionLargeBinary(mem memory.Allocator, dt *arrow.DictionaryType, dicts []arrow.Array) (arrow.Array, [][]int32, error) {
	bld := array.NewBuilder(mem, dt.ValueType)
	defer bld.Release()
	b, ok := bld.(*array.BinaryBuilder)
	if s, isString := bld.(*array.LargeStringBuilder); isString {
		b, ok = s.BinaryBuilder, true
	}
	if !ok {
		return nil, nil, fmt.Errorf("no binary builder for %s", dt.ValueType)
	}
	seen := map[string]int32{}
	null := int32(-1)
	maps := make([][]int32, len(dicts))
	for i, d := range dicts {
		maps[i] = make([]int32, d.Len())
		for k := range maps[i] {
			v := largeValue(d, k)
			switch at, ok := seen[string(v)]; {
			case d.IsNull(k) && null >= 0:
				maps[i][k] = null
			case d.IsNull(k):
				null = int32(b.Len())
				maps[i][k] = null
				b.AppendNull()
			case ok:
				maps[i][k] = at
			default:
				at = int32(b.Len())
				seen[string(v)], maps[i][k] = at, at
				b.Append(v)
			}
		}
	}
	return bld.NewArray(), maps, nil
}

// transpose returns a new index buffer for dictionary array d (same
// offset) whose valid indices are m[old index]; null slots hold 0.
func transpose(mem memory.Allocator, dt *arrow.DictionaryType, d arrow.ArrayData, m []int32) (*memory.Buffer, error) {
	w := dt.IndexType.(arrow.FixedWidthDataType).Bytes()
	n := d.Offset() + d.Len()
	src, err := bufferAtLeast(d, 1, n*w)
	if err != nil {
		return nil, err
	}
	var valid []byte
	if b := d.Buffers()[0]; b != nil {
		if valid, err = bufferAtLeast(d, 0, (n+7)/8); err != nil {
			return nil, err
		}
	}
	signed := arrow.IsSignedInteger(dt.IndexType.ID())
	buf := newBuffer(mem, n*w)
	dst := buf.Bytes()
	clear(dst)
	for k := d.Offset(); k < n; k++ {
		if !isValid(valid, k) {
			continue
		}
		old := readIndex(src[k*w:k*w+w], signed)
		if old < 0 || old >= int64(len(m)) {
			buf.Release()
			return nil, fmt.Errorf("dictionary index %d out of range [0, %d)", old, len(m))
		}
		writeIndex(dst[k*w:k*w+w], int64(m[old]))
	}
	return buf, nil
}

// readIndex reads a little-endian integer of len(b) bytes.
func readIndex(b []byte, signed bool) int64 {
	var u uint64
	for i := len(b) - 1; i >= 0; i-- {
		u = u<<8 | uint64(b[i])
	}
	if shift := 64 - 8*len(b); signed && shift > 0 {
		return int64(u<<shift) >> shift
	}
	return int64(u)
}

// writeIndex writes v as a little-endian integer of len(b) bytes.
func writeIndex(b []byte, v int64) {
	for i := range b {
		b[i] = byte(v >> (8 * i))
	}
}

// largeValue is value k of a large string or large binary array.
func largeValue(a arrow.Array, k int) []byte {
	if s, ok := a.(*array.LargeString); ok {
		return []byte(s.Value(k))
	}
	return a.(*array.LargeBinary).Value(k)
}
