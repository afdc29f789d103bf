package pqfooter

import (
	"encoding/binary"
	"fmt"
)

const (
	magic   = "PAR1"
	trailer = 8 // the footer's length (little-endian uint32) and magic
)

// Size returns the length of the footer that end, the last bytes of a
// Parquet file (at least the last 8), declares: end's last 8 bytes are
// that length, little-endian uint32, and "PAR1". An error wrapping
// ErrMalformed when end is shorter than 8 bytes or does not end in "PAR1".
// The footer itself need not lie within end.
func Size(end []byte) (int, error) {
	if len(end) < trailer {
		return 0, fmt.Errorf("%w: %d bytes are too short for a Parquet file's end", ErrMalformed, len(end))
	}
	if string(end[len(end)-len(magic):]) != magic {
		return 0, fmt.Errorf("%w: file does not end in %q", ErrMalformed, magic)
	}
	return int(binary.LittleEndian.Uint32(end[len(end)-trailer:])), nil
}

// Split returns the footer of a whole Parquet file held in data (its last
// 8 bytes are the footer's length, little-endian uint32, and "PAR1") and
// where it starts: footer is data[start:len(data)-8], sharing data's bytes
// (with its capacity cut to its length). An error wrapping ErrMalformed
// when data is shorter than 12 bytes, does not end in "PAR1", or the length
// does not fit between the leading 4-byte magic and the last 8 bytes.
func Split(data []byte) (start int, footer []byte, err error) {
	if len(data) < len(magic)+trailer {
		return 0, nil, fmt.Errorf("%w: %d bytes are too short for a Parquet file", ErrMalformed, len(data))
	}
	n, err := Size(data)
	if err != nil {
		return 0, nil, err
	}
	end := len(data) - trailer
	if uint64(n) > uint64(end-len(magic)) {
		return 0, nil, fmt.Errorf("%w: footer length %d does not fit in %d bytes", ErrMalformed, n, len(data))
	}
	start = end - n
	return start, data[start:end:end], nil
}
