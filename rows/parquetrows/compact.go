package parquetrows

import (
	"math"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"

	"github.com/splitter-dev/splitter/internal/arrowtake"

	"github.com/splitter-dev/splitter/internal/pages"
)

// compact returns the chunks of ch as one array in buffers of its length
// (Arrow's reader leaves up to twice that reserved): copied into buffers
// from cacheMem for a type gatherColumn copies, concatenated (arrowtake.Concatenate) on
// mem otherwise.
func compact(ch *arrow.Chunked, cacheMem, mem memory.Allocator) (arrow.Array, error) {
	chunks := ch.Chunks()
	if a, ok := copyChunks(cacheMem, ch.DataType(), chunks); ok {
		return a, nil
	}
	if len(chunks) == 1 {
		chunks[0].Retain()
		return chunks[0], nil
	}
	return arrowtake.Concatenate(mem, chunks)
}

// copyChunks copies chunks (validated arrays of type dt, a type
// gatherColumn copies) one after the other into buffers from mem.
func copyChunks(mem memory.Allocator, dt arrow.DataType, chunks []arrow.Array) (arrow.Array, bool) {
	n, nulls, bytes := 0, 0, 0
	for _, c := range chunks {
		n, nulls = n+c.Len(), nulls+c.NullN()
		if s, ok := c.(interface{ ValueOffsets() []int32 }); ok && c.Len() > 0 {
			// (Binary's ValueOffset(Len()) panics: index out of range.)
			offs := s.ValueOffsets()
			bytes += int(offs[c.Len()] - offs[0])
		}
	}
	var valid *memory.Buffer
	if nulls > 0 {
		valid = copyBits(mem, chunks, n, func(c arrow.Array, k int) bool { return c.IsValid(k) })
	}
	var bufs []*memory.Buffer
	switch {
	case dt.ID() == arrow.BOOL:
		bufs = []*memory.Buffer{valid, copyBits(mem, chunks, n, func(c arrow.Array, k int) bool { return c.(*array.Boolean).Value(k) })}
	case (dt.ID() == arrow.STRING || dt.ID() == arrow.BINARY) && bytes <= math.MaxInt32:
		offs, data := copyBytes(mem, chunks, n, bytes)
		bufs = []*memory.Buffer{valid, offs, data}
	case fixedWidth(dt):
		w := dt.(arrow.FixedWidthDataType).Bytes()
		vb, b := newBuffer(mem, n*w)
		at := 0
		for _, c := range chunks {
			d := c.Data()
			at += copy(b[at:], bufBytes(d, 1)[d.Offset()*w:(d.Offset()+d.Len())*w])
		}
		bufs = []*memory.Buffer{valid, vb}
	default:
		release(valid)
		return nil, false
	}
	out := array.NewData(dt, n, bufs, nil, nulls, 0)
	defer out.Release()
	release(bufs...)
	return array.MakeFromData(out), true
}

// copyBits returns the n bits bit(c, k) of every element k of the chunks
// in order.
func copyBits(mem memory.Allocator, chunks []arrow.Array, n int, bit func(c arrow.Array, k int) bool) *memory.Buffer {
	buf, out := newBuffer(mem, int(bitutil.BytesForBits(int64(n))))
	at := 0
	for _, c := range chunks {
		for k := 0; k < c.Len(); k++ {
			if bit(c, k) {
				bitutil.SetBit(out, at)
			}
			at++
		}
	}
	return buf
}

// copyBytes returns the offsets and the bytes (total bytes) of the string
// or binary chunks one after the other.
func copyBytes(mem memory.Allocator, chunks []arrow.Array, n, bytes int) (offsets, data *memory.Buffer) {
	offsets, raw := newBuffer(mem, (n+1)*4)
	out := arrow.Int32Traits.CastFromBytes(raw)
	data, b := newBuffer(mem, bytes)
	at, pos := 0, 0
	for _, c := range chunks {
		if c.Len() == 0 {
			continue
		}
		d := c.Data()
		offs := arrow.Int32Traits.CastFromBytes(bufBytes(d, 1))[d.Offset() : d.Offset()+d.Len()+1]
		for k := 1; k < len(offs); k++ {
			out[at+k] = int32(pos) + offs[k] - offs[0]
		}
		pos += copy(b[pos:], bufBytes(d, 2)[offs[0]:offs[len(offs)-1]])
		at += d.Len()
	}
	return offsets, data
}

// newBuffer returns a buffer of n zero bytes from mem (the Go heap when
// mem is nil) and its bytes.
func newBuffer(mem memory.Allocator, n int) (*memory.Buffer, []byte) {
	if mem == nil {
		b := make([]byte, n)
		return memory.NewBufferBytes(b), b
	}
	buf := memory.NewResizableBuffer(mem)
	buf.Resize(n)
	b := buf.Bytes()
	if _, zero := mem.(zeroAllocator); !zero {
		pages.Populate(b)
		clear(b)
	}
	return buf, b
}

// zeroAllocator is an Allocator whose memory comes zeroed (newBuffer
// need not clear it: that would touch every page twice).
type zeroAllocator interface {
	memory.Allocator
	zeroed()
}

// release releases the buffers that are not nil.
func release(bufs ...*memory.Buffer) {
	for _, b := range bufs {
		if b != nil {
			b.Release()
		}
	}
}

// bufBytes returns the bytes of buffer i of d, nil when it has none (an
// empty array may have none).
func bufBytes(d arrow.ArrayData, i int) []byte {
	if b := d.Buffers(); i < len(b) && b[i] != nil {
		return b[i].Bytes()
	}
	return nil
}

// releaseArrays releases the arrays of cols that are set (a deferred
// cleanup of columns built one by one).
func releaseArrays(cols []arrow.Array) {
	for _, a := range cols {
		if a != nil {
			a.Release()
		}
	}
}
