package pqfooter

import (
	"errors"
	"fmt"
)

// ErrMalformed is wrapped by every error of Canonical and Split: the bytes
// are not a valid FileMetaData, or not a Parquet file.
var ErrMalformed = errors.New("pqfooter: malformed Parquet footer")

// maxDepth bounds the nesting of structs, lists and maps.
const maxDepth = 64

// Compact-protocol type codes (thrift compact_protocol.go).
const (
	typeStop   = 0
	typeTrue   = 1
	typeFalse  = 2
	typeByte   = 3
	typeI16    = 4
	typeI32    = 5
	typeI64    = 6
	typeDouble = 7
	typeBinary = 8
	typeList   = 9
	typeSet    = 10
	typeMap    = 11
	typeStruct = 12
	typeUUID   = 13
)

// reader reads compact-protocol values from buf at pos.
type reader struct {
	buf []byte
	pos int
}

// fail returns ErrMalformed with what went wrong and where.
func (r *reader) fail(format string, args ...any) error {
	return fmt.Errorf("%w: at byte %d: %s", ErrMalformed, r.pos, fmt.Sprintf(format, args...))
}

func (r *reader) remaining() int { return len(r.buf) - r.pos }

func (r *reader) byte() (byte, error) {
	if r.pos >= len(r.buf) {
		return 0, r.fail("unexpected end")
	}
	b := r.buf[r.pos]
	r.pos++
	return b, nil
}

// advance skips n bytes.
func (r *reader) advance(n uint64) error {
	if n > uint64(r.remaining()) {
		return r.fail("%d bytes wanted, %d left", n, r.remaining())
	}
	r.pos += int(n)
	return nil
}

// varint reads an unsigned LEB128 varint of at most 10 bytes.
func (r *reader) varint() (uint64, error) {
	var x uint64
	for shift := 0; shift < 70; shift += 7 {
		b, err := r.byte()
		if err != nil {
			return 0, err
		}
		x |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return x, nil
		}
	}
	return 0, r.fail("varint longer than 10 bytes")
}

// i32 reads a zigzag varint i32 as thrift does: the varint truncated to 32
// bits, then unzigzagged. An i16 is the low 16 bits of the same.
func (r *reader) i32() (int32, error) {
	u, err := r.varint()
	v := uint32(u)
	return int32(v>>1) ^ -int32(v&1), err
}

// size reads a container or binary length and checks that count items of
// at least minSize bytes each fit in the bytes left.
func (r *reader) size(minSize int) (int, error) {
	n, err := r.varint()
	if err != nil {
		return 0, err
	}
	if n > uint64(r.remaining()/minSize) {
		return 0, r.fail("size %d does not fit in %d bytes", n, r.remaining())
	}
	return int(n), nil
}
