package arrowtake

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// newBuffer returns a buffer of size bytes from mem, its contents
// unspecified (callers write every byte).
func newBuffer(mem memory.Allocator, size int) *memory.Buffer {
	buf := memory.NewResizableBuffer(mem)
	buf.Resize(size)
	return buf
}

// newData is array.NewData with offset 0 that takes over the caller's
// references to bufs and children.
func newData(dt arrow.DataType, n int, bufs []*memory.Buffer, children []arrow.ArrayData, nulls int) arrow.ArrayData {
	data := array.NewData(dt, n, bufs, children, nulls, 0)
	for _, b := range bufs {
		release(b)
	}
	for _, c := range children {
		c.Release()
	}
	return data
}

// release releases a buffer that may be nil.
func release(b *memory.Buffer) {
	if b != nil {
		b.Release()
	}
}

// bytesOf is the bytes of a buffer that may be nil.
func bytesOf(b *memory.Buffer) []byte {
	if b == nil {
		return nil
	}
	return b.Bytes()
}

// bufferAtLeast returns the bytes of buffer i of values, or an error if it
// holds fewer than size bytes (damaged input).
func bufferAtLeast(values arrow.ArrayData, i, size int) ([]byte, error) {
	bufs := values.Buffers()
	if i >= len(bufs) || (bufs[i] == nil && size > 0) {
		return nil, fmt.Errorf("arrowtake: %s array without buffer %d", values.DataType(), i)
	}
	b := bytesOf(bufs[i])
	if len(b) < size {
		return nil, fmt.Errorf("arrowtake: %s buffer %d holds %d bytes, need %d", values.DataType(), i, len(b), size)
	}
	return b, nil
}

// view is rows offset..offset+n of d as type dt (d's type, or a
// dictionary's index type), sharing d's buffers, children and dictionary.
// Unlike array.NewSliceData it does not count nulls, which reads the
// bitmap before its size is checked.
func view(d arrow.ArrayData, dt arrow.DataType, offset, n int) arrow.ArrayData {
	nulls := array.UnknownNullCount
	if d.Buffers()[0] == nil {
		nulls = 0
	}
	out := array.NewData(dt, n, d.Buffers(), d.Children(), nulls, d.Offset()+offset)
	if dt.ID() == arrow.DICTIONARY && d.Dictionary() != nil {
		out.SetDictionary(d.Dictionary())
	}
	return out
}
