package rng

import (
	"math/big"
	"math/bits"

	"github.com/splitter-dev/splitter/internal/pages"
)

// Generator equals numpy.random.Generator: numpy's modern sampling methods
// on top of a bit generator (PCG64 for DefaultRNG).
type Generator struct {
	bg  BitGenerator
	pcg *PCG64 // bg when it is a *PCG64: the fast paths use it directly
}

// NewGenerator equals numpy.random.Generator(bit_generator). With a
// *PCG64 (as default_rng makes) the hot loops run without interface calls.
func NewGenerator(bg BitGenerator) *Generator {
	g := &Generator{bg: bg}
	if p, ok := bg.(*PCG64); ok {
		g.pcg = p
	}
	return g
}

// DefaultRNG equals numpy.random.default_rng(seed) for a seed in
// 0..2**64-1: Generator(PCG64(SeedSequence(seed))).
func DefaultRNG(seed uint64) *Generator {
	ss, _ := NewSeedSequence(new(big.Int).SetUint64(seed)) // non-negative: cannot fail
	return NewGenerator(NewPCG64(ss))
}

// DefaultRNGBig equals numpy.random.default_rng(seed) for a non-negative
// integer seed of any size. A negative seed gives ErrNegativeSeed, as numpy
// raises ValueError("expected non-negative integer").
func DefaultRNGBig(seed *big.Int) (*Generator, error) {
	p, err := NewPCG64Seed(seed)
	if err != nil {
		return nil, err
	}
	return NewGenerator(p), nil
}

// DefaultRNGSeq equals numpy.random.default_rng(seed_seq) or
// default_rng([a, b, ...]) (pass NewSeedSequenceWords).
func DefaultRNGSeq(ss *SeedSequence) *Generator { return NewGenerator(NewPCG64(ss)) }

// BitGenerator equals Generator.bit_generator.
func (g *Generator) BitGenerator() BitGenerator { return g.bg }

// Random equals Generator.random(): a float64 in [0, 1) from one 64-bit draw.
func (g *Generator) Random() float64 {
	if g.pcg != nil {
		return g.pcg.Float64()
	}
	return g.bg.Float64()
}

// Randoms equals Generator.random(n).
func (g *Generator) Randoms(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = g.Random()
	}
	return out
}

// randomInterval is numpy's random_interval(bitgen, max): masked rejection
// on a value in [0, max], from 32-bit draws when max fits in 32 bits.
func (g *Generator) randomInterval(max uint64) uint64 {
	if max == 0 {
		return 0
	}
	mask := npMask(max)
	if max <= 0xffffffff {
		m32 := uint32(mask)
		for {
			v := g.bg.Uint32() & m32
			if uint64(v) <= max {
				return uint64(v)
			}
		}
	}
	for {
		v := g.bg.Uint64() & mask
		if v <= max {
			return v
		}
	}
}

// Shuffle equals Generator.shuffle(x) on a 1-D sequence of length n: for
// i = n-1 down to 1 it draws j uniformly from [0, i] with numpy's masked
// rejection (random_interval) and calls swap(i, j). Generator.shuffle(x,
// axis=k) on an n-D array makes the same draws with n = x.shape[k] and
// swaps whole slices — except that numpy draws nothing at all for an array
// with no elements, so skip the call then.
func (g *Generator) Shuffle(n int, swap func(i, j int)) {
	if g.pcg != nil && n-1 <= 0xffffffff {
		g.pcg.genShuffle32(n, swap)
		return
	}
	for i := n - 1; i >= 1; i-- {
		j := int(g.randomInterval(uint64(i)))
		swap(i, j)
	}
}

// Permutation equals Generator.permutation(n): numpy.arange(n) shuffled by
// Generator.shuffle. n <= 0 gives an empty slice, as numpy's arange(n) does.
// Generator.permutation(x, axis=k) of an array is x indexed along axis k
// by Permutation(x.shape[k]) (drawn even when x has no elements).
func (g *Generator) Permutation(n int) []int {
	if n <= 0 {
		return []int{}
	}
	a := make([]int, n)
	pages.Populate(a)
	for i := range a {
		a[i] = i
	}
	g.ShuffleInts(a)
	return a
}

// ShuffleInts equals Generator.shuffle(a) for a 1-D array, in place.
func (g *Generator) ShuffleInts(a []int) {
	n := len(a)
	if g.pcg != nil && n-1 <= 0xffffffff {
		g.pcg.genShuffleInts32(a)
		return
	}
	for i := n - 1; i >= 1; i-- {
		j := int(g.randomInterval(uint64(i)))
		a[i], a[j] = a[j], a[i]
	}
}

// genShuffleInts32 is the Fisher-Yates loop of Generator.shuffle with
// random_interval inlined on PCG64's buffered 32-bit halves; the state lives
// in locals for speed. The swap indices are drawn in blocks ahead of the
// swaps themselves so that the random memory accesses of a large array
// overlap (same draws, same order, same result). Requires len(a)-1 <= 2**32-1.
func (p *PCG64) genShuffleInts32(a []int) {
	hi, lo := p.hi, p.lo
	incHi, incLo := p.incHi, p.incLo
	has, buf := p.hasUint32, p.uinteger
	const block = 64
	var js [block]uint32
	for top := len(a) - 1; top >= 1; top -= block {
		bottom := max(top-block+1, 1)
		k := 0
		for i := top; i >= bottom; i-- {
			max := uint32(i)
			mask := uint32(npMask(uint64(i)))
			var v uint32
			for {
				if has {
					has = false
					v = buf
				} else {
					h, l := bits.Mul64(lo, genPCGMultLo)
					h += hi*genPCGMultLo + lo*genPCGMultHi
					var c uint64
					lo, c = bits.Add64(l, incLo, 0)
					hi = h + incHi + c
					out := bits.RotateLeft64(hi^lo, -int(hi>>58))
					has = true
					buf = uint32(out >> 32)
					v = uint32(out)
				}
				v &= mask
				if v <= max {
					break
				}
			}
			js[k] = v
			k++
		}
		k = 0
		for i := top; i >= bottom; i-- {
			j := int(js[k])
			k++
			a[i], a[j] = a[j], a[i]
		}
	}
	p.hi, p.lo = hi, lo
	p.hasUint32, p.uinteger = has, buf
}

// genShuffle32 is genShuffleInts32 calling swap instead of swapping ints.
func (p *PCG64) genShuffle32(n int, swap func(i, j int)) {
	for i := n - 1; i >= 1; i-- {
		max := uint32(i)
		mask := uint32(npMask(uint64(i)))
		var v uint32
		for {
			v = p.Uint32() & mask
			if v <= max {
				break
			}
		}
		swap(i, int(v))
	}
}
