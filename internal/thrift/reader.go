package thrift

import (
	"fmt"
	"io"
)

// A Reader reads compact-protocol values from bytes held in memory or
// from a stream. Every error it returns wraps the sentinel given to its
// constructor and says what went wrong and at which byte offset.
type Reader struct {
	buf      []byte        // the bytes, when held in memory
	src      io.ByteReader // the bytes, when streamed
	pos      int           // bytes read
	limit    int           // most bytes the Reader may read
	sentinel error
}

// NewReader returns a Reader of buf. Its errors wrap sentinel.
func NewReader(buf []byte, sentinel error) *Reader {
	return &Reader{buf: buf, limit: len(buf), sentinel: sentinel}
}

// NewStreamReader returns a Reader of src that reads at most limit bytes
// from it, and checks declared sizes against what is left of them. Its
// errors wrap sentinel.
func NewStreamReader(src io.ByteReader, limit int, sentinel error) *Reader {
	return &Reader{src: src, limit: max(limit, 0), sentinel: sentinel}
}

// Offset returns the number of bytes read.
func (r *Reader) Offset() int { return r.pos }

// Remaining returns the number of bytes left: of those held, or of the
// stream's limit.
func (r *Reader) Remaining() int { return r.limit - r.pos }

// Errorf returns an error wrapping r's sentinel that says, after the
// current offset, what format and args say.
func (r *Reader) Errorf(format string, args ...any) error {
	return fmt.Errorf("%w: at byte %d: %s", r.sentinel, r.pos, fmt.Sprintf(format, args...))
}

// Byte reads one byte.
func (r *Reader) Byte() (byte, error) {
	if r.src == nil {
		if r.pos < len(r.buf) {
			b := r.buf[r.pos]
			r.pos++
			return b, nil
		}
		return 0, r.end()
	}
	return r.streamByte()
}

// streamByte reads one byte from the stream.
func (r *Reader) streamByte() (byte, error) {
	if r.pos >= r.limit {
		return 0, r.end()
	}
	b, err := r.src.ReadByte()
	if err != nil {
		return 0, r.end()
	}
	r.pos++
	return b, nil
}

// end returns the error of reading past the end.
func (r *Reader) end() error { return r.Errorf("unexpected end") }

// advance skips n bytes.
func (r *Reader) advance(n uint64) error {
	if n > uint64(r.Remaining()) {
		return r.Errorf("%d bytes wanted, %d left", n, r.Remaining())
	}
	if r.src == nil {
		r.pos += int(n)
		return nil
	}
	for ; n > 0; n-- {
		if _, err := r.streamByte(); err != nil {
			return err
		}
	}
	return nil
}
