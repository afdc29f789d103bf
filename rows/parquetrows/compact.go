package parquetrows

import (
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// compact returns the chunks of ch as one array in buffers of its length
// (Arrow's reader leaves up to twice that reserved): a single chunk of a
// type gatherColumn copies is copied into buffers from cacheMem, anything
// else concatenated by Arrow on mem.
func compact(ch *arrow.Chunked, cacheMem, mem memory.Allocator) (arrow.Array, error) {
	chunks := ch.Chunks()
	if len(chunks) == 1 {
		if a, ok := copyArray(cacheMem, chunks[0]); ok {
			return a, nil
		}
		chunks[0].Retain()
		return chunks[0], nil
	}
	return array.Concatenate(chunks, mem)
}

// copyArray copies a (a validated array of a type gatherColumn copies)
// into buffers of its length from mem, starting at offset 0.
func copyArray(mem memory.Allocator, a arrow.Array) (arrow.Array, bool) {
	d, dt := a.Data(), a.DataType()
	off, n := d.Offset(), d.Len()
	var valid *memory.Buffer
	nulls := a.NullN()
	if nulls > 0 {
		valid = copyBits(mem, bufBytes(d, 0), off, n)
	}
	var bufs []*memory.Buffer
	switch {
	case dt.ID() == arrow.BOOL:
		bufs = []*memory.Buffer{valid, copyBits(mem, bufBytes(d, 1), off, n)}
	case dt.ID() == arrow.STRING || dt.ID() == arrow.BINARY:
		var offs []int32
		if n > 0 {
			offs = arrow.Int32Traits.CastFromBytes(bufBytes(d, 1))[off : off+n+1]
		}
		ob, raw := newBuffer(mem, (n+1)*4)
		out := arrow.Int32Traits.CastFromBytes(raw)
		for k := range offs {
			out[k] = offs[k] - offs[0]
		}
		var data []byte
		if n > 0 {
			data = bufBytes(d, 2)[offs[0]:offs[n]]
		}
		db, b := newBuffer(mem, len(data))
		copy(b, data)
		bufs = []*memory.Buffer{valid, ob, db}
	case fixedWidth(dt):
		w := dt.(arrow.FixedWidthDataType).Bytes()
		vb, b := newBuffer(mem, n*w)
		if n > 0 {
			copy(b, bufBytes(d, 1)[off*w:(off+n)*w])
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

// copyBits copies n bits of bits from bit off.
func copyBits(mem memory.Allocator, bits []byte, off, n int) *memory.Buffer {
	buf, out := newBuffer(mem, int(bitutil.BytesForBits(int64(n))))
	if off%8 == 0 {
		copy(out, bits[off/8:])
		return buf
	}
	for k := 0; k < n; k++ {
		if bitutil.BitIsSet(bits, off+k) {
			bitutil.SetBit(out, k)
		}
	}
	return buf
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
	clear(b)
	return buf, b
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
