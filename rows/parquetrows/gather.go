package parquetrows

import (
	"math"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"

	"github.com/splitter-dev/splitter/internal/arrowtake"
)

// gatherColumn returns the values of one column at the rows (group[k],
// local[k]): row local[k] of srcs[group[k]], one decoded (and validated)
// array per row group, nil for groups no row is taken from. It copies
// values straight into buffers sized once, df.take's job without Arrow's
// take, concatenation and second take. ok is false for a type it does
// not copy (dictionaries, nested and large types): arrowtake.Take does.
// Buffers come from mem, or from the Go heap when mem is nil.
func gatherColumn(mem memory.Allocator, dt arrow.DataType, srcs []arrow.Array, group, local []int32) (a arrow.Array, ok bool) {
	n := len(group)
	valid, nulls := gatherValidity(mem, srcs, group, local)
	var bufs []*memory.Buffer
	switch {
	case dt.ID() == arrow.BOOL:
		bufs = []*memory.Buffer{valid, gatherBits(mem, srcs, group, local)}
	case dt.ID() == arrow.STRING || dt.ID() == arrow.BINARY:
		offs, data, fits := gatherBytes(mem, srcs, group, local)
		if !fits {
			release(valid)
			return nil, false
		}
		bufs = []*memory.Buffer{valid, offs, data}
	case fixedWidth(dt):
		w := dt.(arrow.FixedWidthDataType).Bytes()
		bufs = []*memory.Buffer{valid, gatherFixed(mem, srcs, group, local, w)}
	default:
		release(valid)
		return nil, false
	}
	d := array.NewData(dt, n, bufs, nil, nulls, 0)
	defer d.Release()
	release(bufs...) // d holds them
	return array.MakeFromData(d), true
}

// fixedWidth reports whether dt's values are whole bytes each, in one
// buffer, with no children or dictionary.
func fixedWidth(dt arrow.DataType) bool {
	switch dt.ID() {
	case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64,
		arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64,
		arrow.FLOAT16, arrow.FLOAT32, arrow.FLOAT64,
		arrow.DATE32, arrow.DATE64, arrow.TIME32, arrow.TIME64,
		arrow.TIMESTAMP, arrow.DURATION, arrow.DECIMAL128, arrow.DECIMAL256,
		arrow.FIXED_SIZE_BINARY:
		_, ok := dt.(arrow.FixedWidthDataType)
		return ok
	}
	return false
}

// gatherValidity returns the validity bitmap of the gathered rows and
// their null count (nil, 0 when no source holds a null).
func gatherValidity(mem memory.Allocator, srcs []arrow.Array, group, local []int32) (*memory.Buffer, int) {
	hasNull := false
	for _, s := range srcs {
		hasNull = hasNull || (s != nil && s.NullN() > 0)
	}
	if !hasNull {
		return nil, 0
	}
	buf, bits := newBuffer(mem, int(bitutil.BytesForBits(int64(len(group)))))
	nulls := 0
	for k, g := range group {
		if srcs[g].IsValid(int(local[k])) {
			bitutil.SetBit(bits, k)
		} else {
			nulls++
		}
	}
	return buf, nulls
}

// gatherBits gathers boolean values.
func gatherBits(mem memory.Allocator, srcs []arrow.Array, group, local []int32) *memory.Buffer {
	buf, bits := newBuffer(mem, int(bitutil.BytesForBits(int64(len(group)))))
	for k, g := range group {
		d := srcs[g].Data()
		if bitutil.BitIsSet(bufBytes(d, 1), d.Offset()+int(local[k])) {
			bitutil.SetBit(bits, k)
		}
	}
	return buf
}

// gatherFixed gathers values of w bytes each.
func gatherFixed(mem memory.Allocator, srcs []arrow.Array, group, local []int32, w int) *memory.Buffer {
	vals := make([][]byte, len(srcs))
	for g, s := range srcs {
		if s != nil && s.Len() > 0 {
			d := s.Data()
			vals[g] = bufBytes(d, 1)[d.Offset()*w:]
		}
	}
	buf, out := newBuffer(mem, len(group)*w)
	if w == 8 {
		words := make([][]uint64, len(vals))
		for g, v := range vals {
			words[g] = arrow.Uint64Traits.CastFromBytes(v)
		}
		o := arrow.Uint64Traits.CastFromBytes(out)
		for k, g := range group {
			o[k] = words[g][local[k]]
		}
		return buf
	}
	for k, g := range group {
		j := int(local[k]) * w
		copy(out[k*w:k*w+w], vals[g][j:j+w])
	}
	return buf
}

// gatherBytes gathers string or binary values: their offsets and bytes;
// fits is false when they hold more bytes than 32-bit offsets reach.
func gatherBytes(mem memory.Allocator, srcs []arrow.Array, group, local []int32) (offsets, data *memory.Buffer, fits bool) {
	offs := make([][]int32, len(srcs))
	vals := make([][]byte, len(srcs))
	for g, s := range srcs {
		if s != nil && s.Len() > 0 {
			d := s.Data()
			offs[g] = arrow.Int32Traits.CastFromBytes(bufBytes(d, 1))[d.Offset():]
			vals[g] = bufBytes(d, 2)
		}
	}
	// One pass over the sources' offsets (random reads) sets the output
	// offsets and keeps each value's start; the copy then reads those in
	// order.
	offsets, raw := newBuffer(mem, (len(group)+1)*4)
	out := arrow.Int32Traits.CastFromBytes(raw)
	starts := make([]int32, len(group))
	total := 0
	for k, g := range group {
		j := int(local[k])
		from := offs[g][j]
		total += int(offs[g][j+1] - from)
		if total > math.MaxInt32 {
			offsets.Release()
			return nil, nil, false
		}
		out[k+1], starts[k] = int32(total), from
	}
	data, buf := newBuffer(mem, total)
	for k, g := range group {
		copyShort(buf[out[k]:out[k+1]], vals[g][starts[k]:])
	}
	return offsets, data, true
}

// copyShort is copy(dst, src) with values of a few bytes (labels,
// codes) copied by a loop rather than a call of memmove each.
func copyShort(dst, src []byte) {
	if len(dst) > 16 {
		copy(dst, src)
		return
	}
	src = src[:len(dst)]
	for i := range dst {
		dst[i] = src[i]
	}
}

// takeByGroup is gatherColumn through arrowtake.Take, for any type: the rows
// of each group taken from it, the pieces concatenated, and a last take
// putting them in order.
func takeByGroup(mem memory.Allocator, dt arrow.DataType, srcs []arrow.Array, group, local []int32) (arrow.Array, error) {
	if len(group) == 0 {
		return array.MakeArrayOfNull(mem, dt, 0), nil
	}
	count := make([]int, len(srcs)+1)
	for _, g := range group {
		count[g+1]++
	}
	for g := 1; g < len(count); g++ {
		count[g] += count[g-1]
	}
	next := append([]int(nil), count[:len(srcs)]...)
	loc, pos := make([]int, len(group)), make([]int, len(group))
	for k, g := range group {
		loc[next[g]], pos[k] = int(local[k]), next[g]
		next[g]++
	}
	var parts []arrow.Array
	defer func() {
		for _, a := range parts {
			a.Release()
		}
	}()
	for g, s := range srcs {
		if count[g] == count[g+1] {
			continue
		}
		a, err := takeColumn(s, loc[count[g]:count[g+1]])
		if err != nil {
			return nil, err
		}
		parts = append(parts, a)
	}
	all, err := arrowtake.Concatenate(mem, parts)
	if err != nil {
		return nil, err
	}
	defer all.Release()
	return takeColumn(all, pos)
}
