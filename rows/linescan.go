package rows

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// lineScan returns the position of the first LF in d[p:limit] (limit
// when none) and the number of sep bytes before it. Short lines, the
// common case, are scanned 8 bytes at a time in one fused loop (cheaper
// than two vectorised calls per line); after 64 bytes it switches to
// bytes.IndexByte and bytes.Count.
func lineScan(d []byte, p, limit int, sep byte) (end, seps int) {
	const (
		ones = 0x0101010101010101
		low7 = 0x7f7f7f7f7f7f7f7f
	)
	lf := uint64('\n') * ones
	sp := uint64(sep) * ones
	d = d[:limit]
	n := limit
	stop := min(p+64, n)
	for p+8 <= stop {
		v := binary.LittleEndian.Uint64(d[p:])
		x := v ^ lf
		y := v ^ sp
		// exact masks of the zero bytes of x and y (high bit of each)
		zl := ^(((x & low7) + low7) | x | low7)
		zs := ^(((y & low7) + low7) | y | low7)
		if zl != 0 {
			k := bits.TrailingZeros64(zl)
			return p + k/8, seps + bits.OnesCount64(zs&(uint64(1)<<k-1))
		}
		seps += bits.OnesCount64(zs)
		p += 8
	}
	if p+8 > n {
		for ; p < n; p++ {
			switch d[p] {
			case '\n':
				return p, seps
			case sep:
				seps++
			}
		}
		return n, seps
	}
	e := bytes.IndexByte(d[p:], '\n')
	if e < 0 {
		e = n
	} else {
		e += p
	}
	return e, seps + bytes.Count(d[p:e], []byte{sep})
}
