package pqreader

import (
	"encoding/binary"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow/decimal128"
	"github.com/apache/arrow/go/v15/arrow/decimal256"
)

// signExtended is b, big-endian two's complement, sign-extended to size
// bytes (len(b) <= size).
func signExtended(b []byte, size int) []byte {
	out := make([]byte, size)
	if b[0]&0x80 != 0 {
		for i := range out {
			out[i] = 0xff
		}
	}
	copy(out[size-len(b):], b)
	return out
}

// decimal128FromBigEndian reads 1 to 16 big-endian bytes as a decimal128.
func decimal128FromBigEndian(b []byte) (decimal128.Num, error) {
	if len(b) < 1 || len(b) > 16 {
		return decimal128.Num{}, fmt.Errorf("%w: decimal128 of %d bytes, must be 1 to 16", errColumnType, len(b))
	}
	w := signExtended(b, 16)
	return decimal128.New(int64(binary.BigEndian.Uint64(w[:8])), binary.BigEndian.Uint64(w[8:])), nil
}

// decimal256FromBigEndian reads 1 to 32 big-endian bytes as a decimal256,
// reproducing Arrow Go v15's bigEndianToDecimal256: the 64-bit word that
// holds a partial group of k < 8 bytes of a negative number is the value
// of those bytes OR'ed with all ones shifted left by k bits (not 8k), so
// such values do not come out as the number written. Words fully covered by
// bytes, and words beyond the bytes, are right.
func decimal256FromBigEndian(b []byte) (decimal256.Num, error) {
	if len(b) < 1 || len(b) > 32 {
		return decimal256.Num{}, fmt.Errorf("%w: decimal256 of %d bytes, must be 1 to 32", errColumnType, len(b))
	}
	var fill uint64
	if b[0]&0x80 != 0 {
		fill = ^uint64(0)
	}
	var words [4]uint64 // least significant first
	for i := range words {
		k := min(len(b), 8)
		part := b[len(b)-k:]
		b = b[:len(b)-k]
		switch k {
		case 8:
			words[i] = binary.BigEndian.Uint64(part)
		case 0:
			words[i] = fill
		default:
			var full [8]byte
			copy(full[8-k:], part)
			words[i] = fill<<uint(k) | binary.BigEndian.Uint64(full[:])
		}
	}
	return decimal256.New(words[3], words[2], words[1], words[0]), nil
}
