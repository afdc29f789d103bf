package rng

import (
	"fmt"
	"math"
)

// RandomInterval equals numpy's random_interval(bitgen, max), the bounded
// integer behind RandomState.shuffle and permutation: a value in [0, max]
// by masked rejection, one 32-bit draw per attempt when max < 2**32 and
// one 64-bit draw (two words, high first) otherwise.
func (r *RandomState) RandomInterval(max uint64) uint64 {
	if max == 0 {
		return 0
	}
	mask := npMask(max)
	if max <= 0xFFFFFFFF {
		m32, x32 := uint32(mask), uint32(max)
		for {
			if v := r.mt.Uint32() & m32; v <= x32 {
				return uint64(v)
			}
		}
	}
	for {
		if v := r.mt.Uint64() & mask; v <= max {
			return v
		}
	}
}

// legacyBounded64 is random_bounded_uint64 in its masked form: off + a value
// in [0, rng].
func (r *RandomState) legacyBounded64(off, rng uint64) uint64 {
	switch {
	case rng == 0:
		return off
	case rng <= 0xFFFFFFFF:
		if rng == 0xFFFFFFFF {
			return off + uint64(r.mt.Uint32())
		}
		m, x := uint32(npMask(rng)), uint32(rng)
		for {
			if v := r.mt.Uint32() & m; v <= x {
				return off + uint64(v)
			}
		}
	case rng == math.MaxUint64:
		return off + r.mt.Uint64()
	}
	m := npMask(rng)
	for {
		if v := r.mt.Uint64() & m; v <= rng {
			return off + v
		}
	}
}

// legacyBounded32 is random_buffered_bounded_uint32 (masked).
func (r *RandomState) legacyBounded32(off, rng uint32) uint32 {
	if rng == 0 {
		return off
	}
	if rng == 0xFFFFFFFF {
		return off + r.mt.Uint32()
	}
	m := uint32(npMask(uint64(rng)))
	for {
		if v := r.mt.Uint32() & m; v <= rng {
			return off + v
		}
	}
}

// legacyBuffer is numpy's (buf, bcnt) pair for the 16-bit, 8-bit and bool
// paths; it lives for one randint call.
type legacyBuffer struct {
	buf  uint32
	bcnt int
}

func (r *RandomState) legacyDraw16(b *legacyBuffer) uint16 {
	if b.bcnt == 0 {
		b.buf = r.mt.Uint32()
		b.bcnt = 1
	} else {
		b.buf >>= 16
		b.bcnt--
	}
	return uint16(b.buf)
}

func (r *RandomState) legacyDraw8(b *legacyBuffer) uint8 {
	if b.bcnt == 0 {
		b.buf = r.mt.Uint32()
		b.bcnt = 3
	} else {
		b.buf >>= 8
		b.bcnt--
	}
	return uint8(b.buf)
}

func (r *RandomState) legacyBounded16(off, rng uint16, b *legacyBuffer) uint16 {
	if rng == 0 {
		return off
	}
	if rng == 0xFFFF {
		return off + r.legacyDraw16(b)
	}
	m := uint16(npMask(uint64(rng)))
	for {
		if v := r.legacyDraw16(b) & m; v <= rng {
			return off + v
		}
	}
}

func (r *RandomState) legacyBounded8(off, rng uint8, b *legacyBuffer) uint8 {
	if rng == 0 {
		return off
	}
	if rng == 0xFF {
		return off + r.legacyDraw8(b)
	}
	m := uint8(npMask(uint64(rng)))
	for {
		if v := r.legacyDraw8(b) & m; v <= rng {
			return off + v
		}
	}
}

func (r *RandomState) legacyBoundedBool(off bool, rng bool, b *legacyBuffer) bool {
	if !rng {
		return off
	}
	if b.bcnt == 0 {
		b.buf = r.mt.Uint32()
		b.bcnt = 31
	} else {
		b.buf >>= 1
		b.bcnt--
	}
	return b.buf&1 != 0
}

// Randint equals RandomState.randint(low, high, size) with the default
// dtype (int64, numpy's C long on Linux/macOS): size integers in
// [low, high). high must be > low; for high = 2**63 use RandomIntegers.
// randint(n, size=k) (high omitted) is Randint(0, n, k). As in numpy,
// size 0 returns an empty slice without checking the bounds.
func (r *RandomState) Randint(low, high int64, size int) ([]int64, error) {
	return r.RandintDType(low, high, size, DTypeInt64)
}

// RandintDType equals RandomState.randint(low, high, size, dtype=dtype)
// with the values returned as int64 (bool as 0 and 1). For uint64 values
// above MaxInt64 use RandintUint64.
func (r *RandomState) RandintDType(low, high int64, size int, dtype DType) ([]int64, error) {
	if size < 0 {
		return nil, npNegativeSize()
	}
	lo, hi, ok := dtype.int64Range()
	if !ok {
		return nil, npErr(ErrDType, fmt.Sprintf("Unsupported dtype %v for randint", dtype))
	}
	if size == 0 {
		return []int64{}, nil
	}
	if low < lo {
		return nil, npErr(ErrBounds, "low is out of bounds for "+dtype.String())
	}
	if high != math.MinInt64 && high-1 > hi {
		return nil, npErr(ErrBounds, "high is out of bounds for "+dtype.String())
	}
	if high == math.MinInt64 || low > high-1 {
		if low == 0 {
			return nil, npErr(ErrBounds, "high <= 0")
		}
		return nil, npErr(ErrBounds, "low >= high")
	}
	return r.legacyRandintClosed(low, high-1, size, dtype), nil
}

// RandomIntegers equals the deprecated RandomState.random_integers(low,
// high, size): integers in the closed interval [low, high], i.e.
// randint(low, high + 1) with the default int64 dtype. random_integers(n,
// size=k) is RandomIntegers(1, n, k).
func (r *RandomState) RandomIntegers(low, high int64, size int) ([]int64, error) {
	if size < 0 {
		return nil, npNegativeSize()
	}
	if size == 0 {
		return []int64{}, nil
	}
	if low > high {
		if low == 0 {
			return nil, npErr(ErrBounds, "high <= 0")
		}
		return nil, npErr(ErrBounds, "low >= high")
	}
	return r.legacyRandintClosed(low, high, size, DTypeInt64), nil
}

// legacyRandintClosed draws size values in [low, high] (already checked)
// through the dtype's code path.
func (r *RandomState) legacyRandintClosed(low, high int64, size int, dtype DType) []int64 {
	out := make([]int64, size)
	var b legacyBuffer
	switch dtype {
	case DTypeInt64, DTypeUint64:
		off, rng := uint64(low), uint64(high)-uint64(low)
		for i := range out {
			out[i] = int64(r.legacyBounded64(off, rng))
		}
	case DTypeInt32:
		off, rng := uint32(low), uint32(high)-uint32(low)
		for i := range out {
			out[i] = int64(int32(r.legacyBounded32(off, rng)))
		}
	case DTypeUint32:
		off, rng := uint32(low), uint32(high)-uint32(low)
		for i := range out {
			out[i] = int64(r.legacyBounded32(off, rng))
		}
	case DTypeInt16:
		off, rng := uint16(low), uint16(high)-uint16(low)
		for i := range out {
			out[i] = int64(int16(r.legacyBounded16(off, rng, &b)))
		}
	case DTypeUint16:
		off, rng := uint16(low), uint16(high)-uint16(low)
		for i := range out {
			out[i] = int64(r.legacyBounded16(off, rng, &b))
		}
	case DTypeInt8:
		off, rng := uint8(low), uint8(high)-uint8(low)
		for i := range out {
			out[i] = int64(int8(r.legacyBounded8(off, rng, &b)))
		}
	case DTypeUint8:
		off, rng := uint8(low), uint8(high)-uint8(low)
		for i := range out {
			out[i] = int64(r.legacyBounded8(off, rng, &b))
		}
	case DTypeBool:
		off, rng := low != 0, high != low
		for i := range out {
			if r.legacyBoundedBool(off, rng, &b) {
				out[i] = 1
			}
		}
	}
	return out
}

// RandintUint64 equals RandomState.randint(low, high, size,
// dtype=np.uint64): size values in [low, high). randint(low, 2**64,
// dtype=np.uint64) is RandintUint64Closed(low, math.MaxUint64, size).
func (r *RandomState) RandintUint64(low, high uint64, size int) ([]uint64, error) {
	if size < 0 {
		return nil, npNegativeSize()
	}
	if size == 0 {
		return []uint64{}, nil
	}
	if high == 0 || low > high-1 {
		if low == 0 {
			return nil, npErr(ErrBounds, "high <= 0")
		}
		return nil, npErr(ErrBounds, "low >= high")
	}
	return r.RandintUint64Closed(low, high-1, size)
}

// RandintUint64Closed equals RandomState.randint(low, high+1, size,
// dtype=np.uint64): values in the closed interval [low, high], so that
// high+1 = 2**64 can be expressed.
func (r *RandomState) RandintUint64Closed(low, high uint64, size int) ([]uint64, error) {
	if size < 0 {
		return nil, npNegativeSize()
	}
	if size == 0 {
		return []uint64{}, nil
	}
	if low > high {
		return nil, npErr(ErrBounds, "low >= high")
	}
	out := make([]uint64, size)
	for i := range out {
		out[i] = r.legacyBounded64(low, high-low)
	}
	return out, nil
}
