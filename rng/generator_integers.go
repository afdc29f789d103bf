package rng

import (
	"fmt"
	"math"
	"math/bits"
)

// genBoundsError is numpy's format_bounds_error (low == 0 is special-cased
// for the one-argument integers(high)).
func genBoundsError(closed bool, low int64) error {
	switch {
	case closed && low == 0:
		return npErr(ErrBounds, "high < 0")
	case closed:
		return npErr(ErrBounds, "low > high")
	case low == 0:
		return npErr(ErrBounds, "high <= 0")
	}
	return npErr(ErrBounds, "low >= high")
}

// Integer equals Generator.integers(low, high, endpoint=endpoint) (dtype
// int64, size=None): one value in [low, high) or, with endpoint, [low, high].
// Generator.integers(high) is Integer(0, high, false).
func (g *Generator) Integer(low, high int64, endpoint bool) (int64, error) {
	v, err := g.Integers(low, high, 1, endpoint)
	if err != nil {
		return 0, err
	}
	return v[0], nil
}

// Integers equals Generator.integers(low, high, size=n, dtype=np.int64,
// endpoint=endpoint). numpy's exclusive high of 2**63 is written here as
// Integers(low, math.MaxInt64, n, true).
func (g *Generator) Integers(low, high int64, n int, endpoint bool) ([]int64, error) {
	return g.IntegersDType(low, high, n, DTypeInt64, endpoint)
}

// IntegersDType equals Generator.integers(low, high, size=n, dtype=dtype,
// endpoint=endpoint) for every integer dtype and bool (true is 1). The
// dtype selects numpy's code path: Lemire's rejection on 64-bit draws, on
// 32-bit draws (PCG64's buffered halves), on 16- or 8-bit pieces of a
// 32-bit draw, or single bits for bool, so it changes the values drawn.
// For dtype uint64 beyond math.MaxInt64 use IntegersUint64. Errors carry
// numpy's messages ("low is out of bounds for int8", "high <= 0",
// "low >= high", "high < 0", "low > high", "negative dimensions are not
// allowed").
func (g *Generator) IntegersDType(low, high int64, n int, dtype DType, endpoint bool) ([]int64, error) {
	lb, ub, ok := dtype.int64Range()
	if !ok {
		return nil, npErr(ErrDType, fmt.Sprintf("Unsupported dtype %q for integers", dtype.String()))
	}
	if n == 0 {
		return []int64{}, nil // numpy returns the empty array before any check
	}
	// numpy works on Python ints: high-1 cannot overflow there. Here
	// high == MinInt64 without endpoint is below every dtype's range.
	if !endpoint && high == math.MinInt64 {
		if low < lb {
			return nil, npErr(ErrBounds, "low is out of bounds for "+dtype.String())
		}
		return nil, genBoundsError(false, low)
	}
	h := high
	if !endpoint {
		h--
	}
	if low < lb {
		return nil, npErr(ErrBounds, "low is out of bounds for "+dtype.String())
	}
	if h > ub {
		return nil, npErr(ErrBounds, "high is out of bounds for "+dtype.String())
	}
	if low > h {
		return nil, genBoundsError(endpoint, low)
	}
	if n < 0 {
		return nil, npNegativeSize()
	}
	rng := uint64(h) - uint64(low)
	off := uint64(low)
	raw := g.genBoundedFill(dtype, off, rng, n)
	out := make([]int64, n)
	for i, v := range raw {
		switch dtype {
		case DTypeInt32:
			out[i] = int64(int32(v))
		case DTypeInt16:
			out[i] = int64(int16(v))
		case DTypeInt8:
			out[i] = int64(int8(v))
		case DTypeUint32:
			out[i] = int64(uint32(v))
		case DTypeUint16:
			out[i] = int64(uint16(v))
		case DTypeUint8, DTypeBool:
			out[i] = int64(uint8(v))
		default:
			out[i] = int64(v)
		}
	}
	return out, nil
}

// IntegersUint64 equals Generator.integers(low, high, size=n,
// dtype=np.uint64, endpoint=endpoint) over the whole uint64 range
// (numpy's exclusive high of 2**64 is IntegersUint64(low, math.MaxUint64,
// n, true)).
func (g *Generator) IntegersUint64(low, high uint64, n int, endpoint bool) ([]uint64, error) {
	if n == 0 {
		return []uint64{}, nil
	}
	h := high
	if !endpoint {
		if high == 0 {
			return nil, genBoundsError(false, int64(min(low, 1))) // low == 0: "high <= 0"
		}
		h--
	}
	if low > h {
		l := int64(1)
		if low == 0 {
			l = 0
		}
		return nil, genBoundsError(endpoint, l)
	}
	if n < 0 {
		return nil, npNegativeSize()
	}
	return g.genBoundedFill(DTypeUint64, low, h-low, n), nil
}

// genBoundedFill is numpy's random_bounded_{uint64,uint32,uint16,uint8,bool}_fill
// with use_masked=0 (Lemire): n values off + [0, rng], as the dtype's
// unsigned bit pattern widened to uint64 (wrapping in the dtype's width).
func (g *Generator) genBoundedFill(dtype DType, off, rng uint64, n int) []uint64 {
	out := make([]uint64, n)
	if n == 0 {
		return out
	}
	switch dtype {
	case DTypeInt64, DTypeUint64:
		if rng == 0 {
			for i := range out {
				out[i] = off
			}
		} else if rng <= 0xffffffff {
			if rng == 0xffffffff {
				for i := range out {
					out[i] = off + uint64(g.bg.Uint32())
				}
			} else {
				r := uint32(rng)
				for i := range out {
					out[i] = off + uint64(g.genLemire32(r))
				}
			}
		} else if rng == math.MaxUint64 {
			for i := range out {
				out[i] = off + g.bg.Uint64()
			}
		} else {
			for i := range out {
				out[i] = off + g.genLemire64(rng)
			}
		}
	case DTypeInt32, DTypeUint32:
		o, r := uint32(off), uint32(rng)
		for i := range out {
			var v uint32
			switch r {
			case 0:
				v = o
			case 0xffffffff:
				v = o + g.bg.Uint32()
			default:
				v = o + g.genLemire32(r)
			}
			out[i] = uint64(v)
		}
	case DTypeInt16, DTypeUint16:
		o, r := uint16(off), uint16(rng)
		var b genBuf
		for i := range out {
			var v uint16
			switch r {
			case 0:
				v = o
			case 0xffff:
				v = o + b.uint16(g.bg)
			default:
				v = o + g.genLemire16(r, &b)
			}
			out[i] = uint64(v)
		}
	case DTypeInt8, DTypeUint8:
		o, r := uint8(off), uint8(rng)
		var b genBuf
		for i := range out {
			var v uint8
			switch r {
			case 0:
				v = o
			case 0xff:
				v = o + b.uint8(g.bg)
			default:
				v = o + g.genLemire8(r, &b)
			}
			out[i] = uint64(v)
		}
	case DTypeBool:
		var b genBuf
		for i := range out {
			if rng == 0 {
				out[i] = off
				continue
			}
			if b.cnt == 0 {
				b.buf = g.bg.Uint32()
				b.cnt = 31
			} else {
				b.buf >>= 1
				b.cnt--
			}
			out[i] = uint64(b.buf & 1)
		}
	}
	return out
}

// genBuf is numpy's (bcnt, buf) pair: a 32-bit draw handed out in 16- or
// 8-bit pieces, least significant first; local to one fill call.
type genBuf struct {
	buf uint32
	cnt int
}

func (b *genBuf) uint16(bg BitGenerator) uint16 {
	if b.cnt == 0 {
		b.buf = bg.Uint32()
		b.cnt = 1
	} else {
		b.buf >>= 16
		b.cnt--
	}
	return uint16(b.buf)
}

func (b *genBuf) uint8(bg BitGenerator) uint8 {
	if b.cnt == 0 {
		b.buf = bg.Uint32()
		b.cnt = 3
	} else {
		b.buf >>= 8
		b.cnt--
	}
	return uint8(b.buf)
}

// genLemire64 is numpy's bounded_lemire_uint64: a value in [0, rng] for
// rng < 2**64-1, from 64-bit draws.
func (g *Generator) genLemire64(rng uint64) uint64 {
	ex := rng + 1
	hi, lo := bits.Mul64(g.bg.Uint64(), ex)
	if lo < ex {
		t := (math.MaxUint64 - rng) % ex
		for lo < t {
			hi, lo = bits.Mul64(g.bg.Uint64(), ex)
		}
	}
	return hi
}

// genLemire32 is numpy's buffered_bounded_lemire_uint32: a value in
// [0, rng] for rng < 2**32-1, from 32-bit draws.
func (g *Generator) genLemire32(rng uint32) uint32 {
	ex := rng + 1
	m := uint64(g.bg.Uint32()) * uint64(ex)
	lo := uint32(m)
	if lo < ex {
		t := (math.MaxUint32 - rng) % ex
		for lo < t {
			m = uint64(g.bg.Uint32()) * uint64(ex)
			lo = uint32(m)
		}
	}
	return uint32(m >> 32)
}

// genLemire16 is numpy's buffered_bounded_lemire_uint16.
func (g *Generator) genLemire16(rng uint16, b *genBuf) uint16 {
	ex := rng + 1
	m := uint32(b.uint16(g.bg)) * uint32(ex)
	lo := uint16(m)
	if lo < ex {
		t := (math.MaxUint16 - rng) % ex
		for lo < t {
			m = uint32(b.uint16(g.bg)) * uint32(ex)
			lo = uint16(m)
		}
	}
	return uint16(m >> 16)
}

// genLemire8 is numpy's buffered_bounded_lemire_uint8.
func (g *Generator) genLemire8(rng uint8, b *genBuf) uint8 {
	ex := rng + 1
	m := uint16(b.uint8(g.bg)) * uint16(ex)
	lo := uint8(m)
	if lo < ex {
		t := (math.MaxUint8 - rng) % ex
		for lo < t {
			m = uint16(b.uint8(g.bg)) * uint16(ex)
			lo = uint8(m)
		}
	}
	return uint8(m >> 8)
}

// genBounded is random_bounded_uint64(bitgen, 0, rng, 0, use_masked=0):
// one Lemire value in [0, rng] (choice's Floyd and tail shuffles).
func (g *Generator) genBounded(rng uint64) uint64 {
	switch {
	case rng == 0:
		return 0
	case rng == 0xffffffff:
		return uint64(g.bg.Uint32())
	case rng < 0xffffffff:
		return uint64(g.genLemire32(uint32(rng)))
	case rng == math.MaxUint64:
		return g.bg.Uint64()
	}
	return g.genLemire64(rng)
}
