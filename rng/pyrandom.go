package rng

import (
	crand "crypto/rand"
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// PyRandom is an instance of CPython's random.Random: the MT19937 core of
// Modules/_randommodule.c with the Python layer of Lib/random.py on top.
// The same seed gives the same numbers, in the same order, as CPython
// 3.9 to 3.13 (checked against 3.11.2; the streams did not change across
// those versions).
//
// The zero value is not useful; create one with NewPyRandom. A PyRandom is
// not safe for concurrent use.
type PyRandom struct {
	mt MT19937
	// gaussNext is random.Random.gauss_next: reset by every seed and
	// carried by GetState/SetState.
	gaussNext    float64
	hasGaussNext bool
}

// Errors returned by PyRandom. Their texts are CPython's messages; callers
// compare with errors.Is.
var (
	// ErrPySeed: a seed string is not a decimal integer (ParsePySeed).
	ErrPySeed = errors.New("invalid literal for int() with base 10")
	// ErrPySeedType: a seed Python cannot hash reproducibly or at all
	// (NaN float, bytearray under version 1, a str that is not UTF-8).
	ErrPySeedType = errors.New("unsupported seed")
	// ErrPySeedVersion: seed version other than 1 or 2.
	ErrPySeedVersion = errors.New("seed version must be 1 or 2")
	// ErrPyNegativeBits: getrandbits(k) with k < 0.
	ErrPyNegativeBits = errors.New("number of bits must be non-negative")
	// ErrPyEmptyRange: randrange/randint on an empty range.
	ErrPyEmptyRange = errors.New("empty range for randrange()")
	// ErrPyZeroStep: randrange with step 0.
	ErrPyZeroStep = errors.New("zero step for randrange()")
	// ErrPyEmptySequence: choice of an empty sequence (IndexError).
	ErrPyEmptySequence = errors.New("Cannot choose from an empty sequence")
	// ErrPyIndex: Python raises IndexError ("... index out of range"), as
	// choices on an empty population with k > 0 does.
	ErrPyIndex = errors.New("index out of range")
	// ErrPySampleSize: sample with k < 0 or k > len(population).
	ErrPySampleSize = errors.New("Sample larger than population or is negative")
	// ErrPyCountsLength: sample(counts=) with len(counts) != len(population).
	ErrPyCountsLength = errors.New("The number of counts does not match the population")
	// ErrPyCountsTotal: sample(counts=) whose total is <= 0.
	ErrPyCountsTotal = errors.New("Total of counts must be greater than zero")
	// ErrPyWeightsLength: choices with len(weights) != len(population).
	ErrPyWeightsLength = errors.New("The number of weights does not match the population")
	// ErrPyWeightsTotal: choices whose total weight is <= 0.
	ErrPyWeightsTotal = errors.New("Total of weights must be greater than zero")
	// ErrPyWeightsFinite: choices whose total weight is inf or NaN.
	ErrPyWeightsFinite = errors.New("Total of weights must be finite")
	// ErrPyState: setstate with a state CPython refuses.
	ErrPyState = errors.New("invalid state")
)

// NewPyRandom returns random.Random(seed), the same as random.seed(seed)
// for an int seed of any size and sign (the absolute value is used, as
// CPython does). A nil seed is random.Random() / random.seed(None): 624
// words from the operating system, not reproducible.
func NewPyRandom(seed *big.Int) *PyRandom {
	p := &PyRandom{}
	p.Seed(seed)
	return p
}

// ParsePySeed parses a decimal integer of any sign and size, as Python's
// int(s) does: optional surrounding whitespace (Python strips exactly the
// characters unicode.IsSpace reports; not str.isspace's \x1c-\x1f), optional
// sign, ASCII digits with single underscores between them. (Python also
// reads non-ASCII decimal digits such as '١٢٣'; ParsePySeed refuses them.)
func ParsePySeed(s string) (*big.Int, error) {
	t := strings.TrimSpace(s)
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	if t == "" || t[0] == '_' || t[len(t)-1] == '_' || strings.Contains(t, "__") {
		return nil, fmt.Errorf("%w: %q", ErrPySeed, s)
	}
	digits := strings.ReplaceAll(t, "_", "")
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return nil, fmt.Errorf("%w: %q", ErrPySeed, s)
		}
	}
	v, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrPySeed, s)
	}
	if neg {
		v.Neg(v)
	}
	return v, nil
}

// Seed is random.seed(a) for an int a of any size and sign: init_by_array
// of |a| split into 32-bit words, least significant first. A nil seed is
// random.seed(None) (operating-system entropy).
func (p *PyRandom) Seed(seed *big.Int) {
	p.hasGaussNext = false
	p.gaussNext = 0
	if seed == nil {
		var buf [mtN * 4]byte
		if _, err := crand.Read(buf[:]); err != nil {
			panic("rng: crypto/rand failed: " + err.Error())
		}
		key := make([]uint32, mtN)
		for i := range key {
			key[i] = binary.LittleEndian.Uint32(buf[4*i:])
		}
		p.mt.SeedArray(key)
		return
	}
	p.mt.SeedArray(pyWords(seed))
}

// SeedUint64 is random.seed(a) for a non-negative int a < 2**64; it
// allocates nothing.
func (p *PyRandom) SeedUint64(a uint64) {
	p.hasGaussNext = false
	p.gaussNext = 0
	if a>>32 == 0 {
		p.mt.SeedArray([]uint32{uint32(a)})
		return
	}
	p.mt.SeedArray([]uint32{uint32(a), uint32(a >> 32)})
}

// pyWords splits |a| into 32-bit words, least significant first, one word
// [0] for zero (keyused in random_seed).
func pyWords(a *big.Int) []uint32 {
	n := a.BitLen()
	if n == 0 {
		return []uint32{0}
	}
	words := make([]uint32, (n-1)/32+1)
	b := a.Bits() // magnitude, little-endian words
	for i := range words {
		var w big.Word
		if bits.UintSize == 64 {
			w = b[i/2] >> (32 * uint(i%2))
		} else {
			w = b[i]
		}
		words[i] = uint32(w)
	}
	return words
}

// SeedFloat is random.seed(a) for a float a: CPython seeds with hash(a)
// cast to an unsigned 64-bit integer (so seed(3.0) equals seed(3) and
// seed(-1.5) equals seed(2**64 + hash(-1.5))). NaN is refused: its hash
// depends on the object's identity, so Python itself cannot reproduce it.
func (p *PyRandom) SeedFloat(a float64) error {
	if math.IsNaN(a) {
		return fmt.Errorf("%w: NaN seed is not reproducible (hash(nan) is the object's identity)", ErrPySeedType)
	}
	p.SeedUint64(uint64(PyHashFloat(a)))
	return nil
}

// PyHashFloat is Python's hash(x) for a float x on a 64-bit build
// (_Py_HashDouble): x reduced modulo 2**61-1 with its sign, -1 mapped to
// -2, ±inf to ±314159. NaN hashes to 0 here (Python uses the object's
// identity).
func PyHashFloat(x float64) int64 {
	const modulus = 1<<61 - 1
	switch {
	case math.IsInf(x, 1):
		return 314159
	case math.IsInf(x, -1):
		return -314159
	case math.IsNaN(x):
		return 0
	}
	m, e := math.Frexp(x)
	sign := int64(1)
	if m < 0 {
		sign = -1
		m = -m
	}
	var h uint64
	for m != 0 {
		h = ((h << 28) & modulus) | h>>(61-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		h += y
		if h >= modulus {
			h -= modulus
		}
	}
	if e >= 0 {
		e %= 61
	} else {
		e = 61 - 1 - ((-1 - e) % 61)
	}
	h = ((h << uint(e)) & modulus) | h>>(61-uint(e))
	r := int64(h) * sign
	if r == -1 {
		r = -2
	}
	return r
}

// SeedString is random.seed(s, version) for a str s (the Go string holds
// its UTF-8 encoding). Version 2 seeds with int.from_bytes(utf8 +
// sha512(utf8).digest(), 'big'); version 1 with the old string hash of
// its code points.
func (p *PyRandom) SeedString(s string, version int) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: str seed is not valid UTF-8", ErrPySeedType)
	}
	switch version {
	case 2:
		p.seedBytesV2([]byte(s))
		return nil
	case 1:
		cps := make([]uint64, 0, len(s))
		for _, r := range s {
			cps = append(cps, uint64(r))
		}
		p.SeedUint64(pyOldStringHash(cps))
		return nil
	}
	return fmt.Errorf("%w: %d", ErrPySeedVersion, version)
}

// SeedBytes is random.seed(b, version) for a bytes object b. Version 1
// hashes the bytes as latin-1 code points, as CPython does.
func (p *PyRandom) SeedBytes(b []byte, version int) error {
	switch version {
	case 2:
		p.seedBytesV2(b)
		return nil
	case 1:
		cps := make([]uint64, len(b))
		for i, c := range b {
			cps[i] = uint64(c)
		}
		p.SeedUint64(pyOldStringHash(cps))
		return nil
	}
	return fmt.Errorf("%w: %d", ErrPySeedVersion, version)
}

// SeedBytearray is random.seed(bytearray(b), version): as SeedBytes under
// version 2; under version 1 CPython raises TypeError (unhashable type:
// 'bytearray') and so does this (ErrPySeedType).
func (p *PyRandom) SeedBytearray(b []byte, version int) error {
	switch version {
	case 2:
		p.seedBytesV2(b)
		return nil
	case 1:
		return fmt.Errorf("%w: unhashable type: 'bytearray'", ErrPySeedType)
	}
	return fmt.Errorf("%w: %d", ErrPySeedVersion, version)
}

func (p *PyRandom) seedBytesV2(b []byte) {
	d := sha512.Sum512(b)
	buf := make([]byte, 0, len(b)+len(d))
	buf = append(buf, b...)
	buf = append(buf, d[:]...)
	p.Seed(new(big.Int).SetBytes(buf))
}

// pyOldStringHash is the version-1 string hash of random.seed.
func pyOldStringHash(v []uint64) uint64 {
	var x uint64
	if len(v) > 0 {
		x = v[0] << 7
	}
	for _, c := range v {
		x = (1000003 * x) ^ c
	}
	x ^= uint64(len(v))
	return x // x == -1 cannot happen for a value reduced mod 2**64
}

// Random is random.random(): a float in [0, 1) with 53 random bits.
func (p *PyRandom) Random() float64 {
	return p.mt.Float64()
}

// Uniform is random.uniform(a, b): a + (b-a) * random().
func (p *PyRandom) Uniform(a, b float64) float64 {
	// The conversion forbids fusing into an FMA: Python rounds twice.
	return a + float64((b-a)*p.mt.Float64())
}

// Uint32 returns the next raw 32-bit output of the Mersenne Twister,
// as random.getrandbits(32) does.
func (p *PyRandom) Uint32() uint32 {
	return p.mt.Uint32()
}

// Getrandbits is random.getrandbits(k) for any k >= 0: the 32-bit words
// are filled from the least significant upward, and the last, partial
// word keeps the top bits of its draw.
func (p *PyRandom) Getrandbits(k int) (*big.Int, error) {
	if k < 0 {
		return nil, ErrPyNegativeBits
	}
	if k <= 64 {
		return new(big.Int).SetUint64(p.bits64(k)), nil
	}
	nw := (k-1)/32 + 1
	buf := make([]byte, 4*nw) // big-endian magnitude
	for i := 0; i < nw; i, k = i+1, k-32 {
		r := p.mt.Uint32()
		if k < 32 {
			r >>= 32 - uint(k)
		}
		binary.BigEndian.PutUint32(buf[4*(nw-1-i):], r)
	}
	return new(big.Int).SetBytes(buf), nil
}

// bits64 is getrandbits(k) for 0 <= k <= 64.
func (p *PyRandom) bits64(k int) uint64 {
	switch {
	case k == 0:
		return 0
	case k <= 32:
		return uint64(p.mt.Uint32() >> (32 - uint(k)))
	}
	lo := uint64(p.mt.Uint32())
	hi := uint64(p.mt.Uint32() >> (64 - uint(k)))
	return hi<<32 | lo
}

// randBelow is Random._randbelow(n) (_randbelow_with_getrandbits) for
// 0 < n < 2**64: getrandbits(n.bit_length()) until the draw is below n.
// The common case (n <= 2**32) draws straight from the key to save a call
// per draw; it is MT19937.Uint32 step for step.
func (p *PyRandom) randBelow(n uint64) uint64 {
	k := bits.Len64(n)
	if k <= 32 {
		m := &p.mt
		s := 32 - uint(k)
		for {
			if m.pos >= mtN {
				m.refill()
			}
			y := m.key[m.pos]
			m.pos++
			y = mtTemper(y)
			if r := uint64(y >> s); r < n {
				return r
			}
		}
	}
	s := 64 - uint(k)
	for {
		lo := uint64(p.mt.Uint32())
		hi := uint64(p.mt.Uint32() >> s)
		if r := hi<<32 | lo; r < n {
			return r
		}
	}
}

// randBelowBig is Random._randbelow(n) for any n > 0.
func (p *PyRandom) randBelowBig(n *big.Int) *big.Int {
	if n.IsUint64() {
		return new(big.Int).SetUint64(p.randBelow(n.Uint64()))
	}
	k := n.BitLen()
	for {
		r, _ := p.Getrandbits(k)
		if r.Cmp(n) < 0 {
			return r
		}
	}
}

// RandBytes is random.randbytes(n): getrandbits(8n).to_bytes(n, 'little').
// A negative n is ErrPyNegativeBits, as in Python.
func (p *PyRandom) RandBytes(n int) ([]byte, error) {
	if n < 0 {
		return nil, ErrPyNegativeBits
	}
	out := make([]byte, n)
	k := 8 * n
	for i := 0; k > 0; i, k = i+4, k-32 {
		r := p.mt.Uint32()
		if k < 32 {
			r >>= 32 - uint(k)
		}
		for b := 0; b < 4 && i+b < n; b++ {
			out[i+b] = byte(r >> (8 * uint(b)))
		}
	}
	return out, nil
}

// Triangular is random.triangular(low, high, mode). It draws one
// random() and uses only IEEE operations and a square root, so it is
// exact. high == low returns low (Python's ZeroDivisionError branch).
func (p *PyRandom) Triangular(low, high, mode float64) float64 {
	u := p.mt.Float64()
	if high-low == 0 {
		return low
	}
	return pyTriangular(u, (mode-low)/(high-low), low, high)
}

// TriangularMid is random.triangular(low, high) with mode=None (c = 0.5).
func (p *PyRandom) TriangularMid(low, high float64) float64 {
	return pyTriangular(p.mt.Float64(), 0.5, low, high)
}

func pyTriangular(u, c, low, high float64) float64 {
	if u > c {
		u = 1.0 - u
		c = 1.0 - c
		low, high = high, low
	}
	return low + float64((high-low)*math.Sqrt(float64(u*c)))
}

// Uint64 is random.getrandbits(64): the first 32-bit draw is the LOW half
// (unlike MT19937.Uint64, numpy's order). With it a PyRandom is a Source.
func (p *PyRandom) Uint64() uint64 {
	return p.bits64(64)
}
