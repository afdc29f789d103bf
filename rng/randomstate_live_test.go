package rng

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// legacySeedCase returns a fresh seeding: mostly an int seed anywhere in
// 0..2**32-1 (edges included), sometimes an array seed.
func legacySeedCase(rnd *rand.Rand) legacyCase {
	var c legacyCase
	switch k := rnd.IntN(10); {
	case k < 7:
		s := json.Number(fmt.Sprint(legacyPickSeed(rnd)))
		c.Seed = &s
	default:
		n := 1 + rnd.IntN(5)
		if rnd.IntN(4) == 0 {
			n = 620 + rnd.IntN(10) // around the 624-word key length
		}
		w := make([]int64, n)
		for i := range w {
			w[i] = int64(legacyPickSeed(rnd))
		}
		c.SeedWords = w
	}
	return c
}

func legacyPickSeed(rnd *rand.Rand) uint32 {
	switch rnd.IntN(8) {
	case 0:
		return uint32(rnd.IntN(3))
	case 1:
		return math.MaxUint32 - uint32(rnd.IntN(3))
	case 2:
		return uint32(rnd.IntN(1000))
	}
	return rnd.Uint32()
}

// legacySize picks a size: 0, 1, 2 often, otherwise up to a few thousand.
func legacySize(rnd *rand.Rand) int {
	switch rnd.IntN(6) {
	case 0:
		return rnd.IntN(3)
	case 1:
		return 3 + rnd.IntN(30)
	}
	return rnd.IntN(3000)
}

var legacyAllDTypes = []string{"int64", "int32", "int16", "int8", "uint64", "uint32", "uint16", "uint8", "bool"}

// legacyRandBounds picks randint bounds inside (mostly) or at the edges of
// the dtype's range; half-open [low, high).
func legacyRandBounds(rnd *rand.Rand, dtype string) (low, high string) {
	ranges := map[string][2]string{
		"int64": {"-9223372036854775808", "9223372036854775807"}, "int32": {"-2147483648", "2147483647"},
		"int16": {"-32768", "32767"}, "int8": {"-128", "127"}, "uint64": {"0", "18446744073709551615"},
		"uint32": {"0", "4294967295"}, "uint16": {"0", "65535"}, "uint8": {"0", "255"}, "bool": {"0", "1"},
	}
	r := ranges[dtype]
	minB, _ := new(bigInt).SetString(r[0], 10)
	maxB, _ := new(bigInt).SetString(r[1], 10)
	width := new(bigInt).Sub(maxB, minB)
	var l, h *bigInt
	switch rnd.IntN(6) {
	case 0: // full range
		l, h = minB, new(bigInt).Add(maxB, bigOne)
	case 1: // single value
		l = legacyRandBig(rnd, minB, width)
		h = new(bigInt).Add(l, bigOne)
	case 2: // small width near a power of two
		l = minB
		w := int64(1) << rnd.IntN(min(63, width.BitLen()))
		w += int64(rnd.IntN(3)) - 1
		if w < 1 {
			w = 1
		}
		h = new(bigInt).Add(l, bigNew(w))
		if h.Cmp(new(bigInt).Add(maxB, bigOne)) > 0 {
			h = new(bigInt).Add(maxB, bigOne)
		}
	default: // random sub-range
		a := legacyRandBig(rnd, minB, width)
		b := legacyRandBig(rnd, minB, width)
		if a.Cmp(b) > 0 {
			a, b = b, a
		}
		l, h = a, new(bigInt).Add(b, bigOne)
	}
	return l.String(), h.String()
}

// legacyLogExact enables the log-based distributions (normal, exponential)
// once the glibc-exact log lands.
const legacyLogExact = true

func TestLegacyLive(t *testing.T) {
	oracle.Require(t, "numpy")
	rnd := oracle.Rand(t)
	var cases []legacyCase
	add := func(calls ...legacyCall) {
		c := legacySeedCase(rnd)
		c.Calls = calls
		cases = append(cases, c)
	}
	for range 25 {
		add(mkCall("random_sample", legacySize(rnd)), mkCall("rand", legacySize(rnd)))
		add(mkCall("permutation", legacySize(rnd)))
		add(mkCall("permutation", rnd.IntN(100000)))
		perm := make([]int64, legacySize(rnd))
		for i := range perm {
			perm[i] = rnd.Int64N(1000) - 500
		}
		add(mkCall("permutation_array", perm), mkCall("shuffle", perm))
		for _, d := range legacyAllDTypes {
			lo, hi := legacyRandBounds(rnd, d)
			add(mkCall("randint", json.Number(lo), json.Number(hi), legacySize(rnd), d),
				mkCall("randint", json.Number(lo), json.Number(hi), legacySize(rnd), d))
		}
		add(mkCall("randint_low", 1+rnd.IntN(1<<uint(rnd.IntN(40))), legacySize(rnd)))
		a := rnd.Int64N(1<<40) - 1<<39
		add(mkCall("random_integers", a, a+rnd.Int64N(1<<uint(rnd.IntN(62))), legacySize(rnd)))
		add(mkCall("uniform", rnd.NormFloat64()*100, rnd.NormFloat64()*100, legacySize(rnd)))
		if legacyLogExact {
			add(mkCall("standard_normal", legacySize(rnd)), mkCall("randn", rnd.IntN(3)),
				mkCall("normal", rnd.NormFloat64(), rnd.ExpFloat64(), rnd.IntN(5)))
			add(mkCall("standard_normal", 1+2*rnd.IntN(5)), mkCall("get_state"))
			add(mkCall("standard_exponential", legacySize(rnd)), mkCall("exponential", rnd.ExpFloat64()*10, legacySize(rnd)))
		}
		l := rnd.NormFloat64() * 10
		m := l + rnd.ExpFloat64()*float64(rnd.IntN(2))
		add(mkCall("triangular", l, m, m+rnd.ExpFloat64()*float64(rnd.IntN(2)), legacySize(rnd)))
		add(mkCall("tomaxint", legacySize(rnd)))
		pop := 1 + rnd.IntN(200)
		if rnd.IntN(4) == 0 {
			pop = 1 + rnd.IntN(100000)
		}
		p := legacyRandP(rnd, pop)
		k := rnd.IntN(pop + 1)
		add(mkCall("choice", pop, legacySize(rnd), true, nil))
		add(mkCall("choice", pop, k, false, nil))
		if pop <= 5000 {
			add(mkCall("choice", pop, legacySize(rnd), true, p))
			nz := 0
			for _, v := range p {
				if v > 0 {
					nz++
				}
			}
			add(mkCall("choice", pop, rnd.IntN(nz+1), false, p))
		}
	}
	var out legacyOracleOut
	oracle.RunJSON(t, legacyOracleScript(t), map[string]any{"cases": cases}, &out)
	if len(out.Cases) != len(cases) {
		t.Fatalf("oracle answered %d of %d cases", len(out.Cases), len(cases))
	}
	n := 0
	for i, c := range cases {
		n += legacyCheck(t, fmt.Sprintf("case %d", i), c, out.Cases[i])
	}
	t.Logf("numpy %s: %d cases, %d values compared", out.Numpy, len(cases), n)
}

// legacyRandP returns probabilities over pop items, some of them zero,
// normalised as a Python user would (p / p.sum()).
func legacyRandP(rnd *rand.Rand, pop int) []float64 {
	p := make([]float64, pop)
	s := 0.0
	for i := range p {
		if rnd.IntN(4) != 0 {
			p[i] = rnd.Float64()
		}
		s += p[i]
	}
	if s == 0 {
		p[0], s = 1, 1
	}
	for i := range p {
		p[i] /= s
	}
	return p
}

type bigInt = big.Int

var bigOne = big.NewInt(1)

func bigNew(v int64) *big.Int { return big.NewInt(v) }

// legacyRandBig returns min + a random value in [0, width].
func legacyRandBig(rnd *rand.Rand, min, width *big.Int) *big.Int {
	var v *big.Int
	if width.IsUint64() && width.Uint64() < math.MaxUint64 {
		v = new(big.Int).SetUint64(rnd.Uint64N(width.Uint64() + 1))
	} else {
		v = new(big.Int).SetUint64(rnd.Uint64())
	}
	return v.Add(v, min)
}
