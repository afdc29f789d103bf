package pqfooter

import (
	"encoding/binary"
	"fmt"
)

// Split returns the footer of a whole Parquet file held in data (its last
// 8 bytes are the footer's length, little-endian uint32, and "PAR1") and
// where it starts: footer is data[start:len(data)-8], sharing data's bytes
// (with its capacity cut to its length). An error wrapping ErrMalformed
// when data is shorter than 12 bytes, does not end in "PAR1", or the length
// does not fit between the leading 4-byte magic and the last 8 bytes.
func Split(data []byte) (start int, footer []byte, err error) {
	const magic, tail = "PAR1", 8
	if len(data) < len(magic)+tail {
		return 0, nil, fmt.Errorf("%w: %d bytes are too short for a Parquet file", ErrMalformed, len(data))
	}
	if string(data[len(data)-len(magic):]) != magic {
		return 0, nil, fmt.Errorf("%w: file does not end in %q", ErrMalformed, magic)
	}
	end := len(data) - tail
	n := binary.LittleEndian.Uint32(data[end:])
	if uint64(n) > uint64(end-len(magic)) {
		return 0, nil, fmt.Errorf("%w: footer length %d does not fit in %d bytes", ErrMalformed, n, len(data))
	}
	start = end - int(n)
	return start, data[start:end:end], nil
}
