package rng

import (
	"errors"
	"fmt"
	"strings"
)

// RandomState is numpy.random.RandomState: numpy's legacy generator, an
// MT19937 plus the cached second value of the polar Gaussian. The same
// hidden instance backs np.random.seed and the module-level functions
// (np.random.permutation, np.random.choice, ...).
//
// A RandomState is not safe for concurrent use.
type RandomState struct {
	mt       MT19937
	hasGauss bool
	gauss    float64
}

// Errors returned by the legacy RandomState. Their texts are numpy's own
// messages; the functions return them directly or wrap them with %w, so
// callers branch with errors.Is.
var (
	// ErrSeedRange is numpy's ValueError for a seed (or seed word) outside 0..2**32-1.
	ErrSeedRange = errors.New("Seed must be between 0 and 2**32 - 1")
	// ErrSeedEmpty is numpy's ValueError for an empty seed array.
	ErrSeedEmpty = errors.New("Seed must be non-empty")
	// ErrSeedSyntax reports a seed string that is not a decimal integer
	// (Python's int() would raise ValueError; numpy a TypeError).
	ErrSeedSyntax = errors.New("seed is not a decimal integer")
)

// NewRandomState returns numpy.random.RandomState(seed) for an integer seed
// (equivalently np.random.seed(seed)): MT19937 init_genrand(seed).
func NewRandomState(seed uint32) *RandomState {
	r := &RandomState{}
	r.Seed(seed)
	return r
}

// Seed equals RandomState.seed(seed) (np.random.seed(seed)) for an integer
// seed. The cached Gaussian is dropped.
func (r *RandomState) Seed(seed uint32) {
	r.mt.SeedInt(seed)
	r.hasGauss = false
	r.gauss = 0
}

// NewRandomStateArray returns numpy.random.RandomState([w0, w1, ...]) for a
// Python list or tuple of ints (MT19937 init_by_array). numpy's errors:
// ErrSeedEmpty for no words, ErrSeedRange for a word outside 0..2**32-1.
//
// Note that RandomState([5]) differs from RandomState(5), while
// RandomState(np.array([5])) is RandomState(5) (numpy squeezes 1-element
// arrays to a scalar): use NewRandomState for that case.
func NewRandomStateArray(words []int64) (*RandomState, error) {
	r := &RandomState{}
	if err := r.SeedArray(words); err != nil {
		return nil, err
	}
	return r, nil
}

// SeedArray equals RandomState.seed([w0, w1, ...]) for a list of ints. On
// error the state is unchanged.
func (r *RandomState) SeedArray(words []int64) error {
	if len(words) == 0 {
		return ErrSeedEmpty
	}
	key := make([]uint32, len(words))
	for i, w := range words {
		if w < 0 || w > 0xFFFFFFFF {
			return ErrSeedRange
		}
		key[i] = uint32(w)
	}
	r.mt.SeedArray(key)
	r.hasGauss = false
	r.gauss = 0
	return nil
}

// ParseLegacySeed parses a decimal seed as RandomState(int(s)) accepts it:
// an integer (Python int() syntax: optional sign, digits, single
// underscores between digits, surrounding spaces) in 0..2**32-1. A value
// out of range gives ErrSeedRange (numpy's message), anything that is not
// an integer ErrSeedSyntax.
func ParseLegacySeed(s string) (uint32, error) {
	t := strings.TrimSpace(s)
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	if t == "" || t[0] == '_' || t[len(t)-1] == '_' {
		return 0, fmt.Errorf("%w: %q", ErrSeedSyntax, s)
	}
	var v uint64
	big := false
	prevUnderscore := false
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == '_' {
			if prevUnderscore {
				return 0, fmt.Errorf("%w: %q", ErrSeedSyntax, s)
			}
			prevUnderscore = true
			continue
		}
		prevUnderscore = false
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("%w: %q", ErrSeedSyntax, s)
		}
		if !big {
			v = v*10 + uint64(c-'0')
			if v > 0xFFFFFFFF {
				big = true
			}
		}
	}
	if big || (neg && v != 0) {
		return 0, ErrSeedRange
	}
	return uint32(v), nil
}

// RandomSample equals RandomState.random_sample() (also random(), rand()):
// a float64 in [0, 1) built from two 32-bit draws (27 + 26 bits).
func (r *RandomState) RandomSample() float64 {
	return r.mt.Float64()
}

// RandomSamples equals RandomState.random_sample(n) (also rand(n)).
func (r *RandomState) RandomSamples(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = r.mt.Float64()
	}
	return out
}

// Uint32 returns the next raw 32-bit MT19937 output (numpy's
// next_uint32; RandomState.randint(0, 2**32, dtype=np.uint32) for one value).
func (r *RandomState) Uint32() uint32 { return r.mt.Uint32() }

// Uint64 returns numpy's next_uint64 for MT19937: two 32-bit draws, the
// first one the high half (RandomState.randint(0, 2**64, dtype=np.uint64)).
func (r *RandomState) Uint64() uint64 { return r.mt.Uint64() }

// Float64 is RandomSample; with Uint32 and Uint64 it makes RandomState a
// BitGenerator.
func (r *RandomState) Float64() float64 { return r.mt.Float64() }

// Tomaxint equals RandomState.tomaxint() on a platform with 64-bit C long:
// next_uint64 >> 1.
func (r *RandomState) Tomaxint() int64 { return int64(r.mt.Uint64() >> 1) }
