package rows

import (
	"errors"
	"fmt"
	"io"

	"github.com/splitter-dev/splitter/internal/pages"
)

// seqReadBuf is the buffer of a seqReader.
const seqReadBuf = 1 << 20

// seqReader reads the input's bytes front to back, for a pass over a
// mapped file (the spilled copy's staging), through the file a buffer at
// a time rather than through the mapping: faulting the pages in and
// releasing them behind (dropPages) flushes the other core's TLB at every
// release (see fillWindow). Without the file, and for a record larger
// than the buffer, it returns the mapping's bytes.
type seqReader struct {
	ix  *Index
	end int    // the pass reads below end
	buf []byte // the input's bytes from lo (nil: reads go through the mapping)
	lo  int
}

// newSeqReader returns a reader of the input's bytes below end, reading
// into buf when it holds seqReadBuf bytes (else a buffer of its own).
func (ix *Index) newSeqReader(end int, buf []byte) *seqReader {
	r := &seqReader{ix: ix, end: end}
	if ix.src != nil && pages.CanDrop {
		r.buf = buf[:0]
		if cap(buf) < seqReadBuf {
			r.buf = make([]byte, 0, seqReadBuf)
		}
	}
	return r
}

// bytes returns the input's bytes [s, e) (e <= the reader's end), and
// whether they are the mapping's (to be released behind by the caller).
func (r *seqReader) bytes(s, e int) (_ []byte, mapped bool, err error) {
	if r.buf == nil || e-s > cap(r.buf) {
		return r.ix.data[s:e], true, nil
	}
	if s < r.lo || e > r.lo+len(r.buf) {
		r.buf = r.buf[:min(cap(r.buf), r.end-s)]
		r.lo = s
		if _, err := r.ix.src.ReadAt(r.buf, int64(s)); err != nil {
			r.buf = r.buf[:0]
			if errors.Is(err, io.EOF) {
				return nil, false, r.ix.changed()
			}
			return nil, false, fmt.Errorf("%s: %w", r.ix.name, err)
		}
	}
	return r.buf[s-r.lo : e-r.lo], false, nil
}
