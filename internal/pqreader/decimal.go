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

// decimal256FromBigEndian reads 1 to 32 big-endian bytes as a decimal256.
// Arrow Go v15's bigEndianToDecimal256 (pqarrow's) sign-extends the
// 64-bit word holding a partial group of k < 8 bytes of a negative number
// by all ones shifted left by k bits instead of 8k, so it misreads every
// negative value stored in a width that is not a multiple of 8 bytes
// (pyarrow's decimal(39..76) columns: 17 to 32 bytes), and splitter, which
// wrote what it read, wrote other numbers than its input held. Here the
// word is extended right; pqreader's tests hold every other value to
// pqarrow's and these to the number written.
func decimal256FromBigEndian(b []byte) (decimal256.Num, error) {
	if len(b) < 1 || len(b) > 32 {
		return decimal256.Num{}, fmt.Errorf("%w: decimal256 of %d bytes, must be 1 to 32", errColumnType, len(b))
	}
	w := signExtended(b, 32)
	return decimal256.New(binary.BigEndian.Uint64(w[:8]), binary.BigEndian.Uint64(w[8:16]), binary.BigEndian.Uint64(w[16:24]), binary.BigEndian.Uint64(w[24:])), nil
}
