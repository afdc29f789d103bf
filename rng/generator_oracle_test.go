package rng

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// genEvalScript runs testdata/rng-generator/gen_generator.py in its --stdin
// mode: numpy evaluates the cases the test drew.
func genEvalScript(t testing.TB) string {
	p, err := filepath.Abs("../testdata/rng-generator/gen_generator.py")
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("import sys\nsys.argv = [%q, '--stdin']\n__file__ = %q\nexec(compile(open(__file__).read(), __file__, 'exec'))\n", p, p)
}

func genQuote(s string) json.RawMessage { b, _ := json.Marshal(s); return b }

// genRandEntropy draws an int seed or a sequence of ints, small to > 2**128.
func genRandEntropy(r *rand.Rand) json.RawMessage {
	if r.IntN(4) == 0 {
		k := r.IntN(7)
		xs := make([]string, k)
		for i := range xs {
			xs[i] = genBigSeed(r).String()
		}
		b, _ := json.Marshal(xs)
		return b
	}
	return genQuote(genBigSeed(r).String())
}

func genRandFloat(r *rand.Rand) float64 {
	switch r.IntN(6) {
	case 0:
		return float64(r.IntN(21) - 10)
	case 1:
		return math.Ldexp(r.Float64()-0.5, r.IntN(200)-100)
	default:
		return (r.Float64() - 0.5) * 100
	}
}

func genFloatStr(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func genRandOp(r *rand.Rand) genOp {
	sz := func(max int) *int {
		if r.IntN(6) == 0 {
			return nil
		}
		if r.IntN(8) == 0 {
			return genIntp(r.IntN(3))
		}
		return genIntp(r.IntN(max + 1))
	}
	switch r.IntN(9) {
	case 0:
		return genOp{F: "random", N: sz(40)}
	case 1, 2:
		names := []string{"int64", "int32", "int16", "int8", "uint64", "uint32", "uint16", "uint8", "bool"}
		dt := names[r.IntN(len(names))]
		d := genDTypes[dt]
		lb, ub, _ := d.int64Range()
		lo, hi := new(big.Int).SetInt64(lb), new(big.Int).SetInt64(ub)
		if d == DTypeUint64 {
			hi.SetUint64(math.MaxUint64)
		}
		span := new(big.Int).Sub(hi, lo)
		pick := func() *big.Int {
			switch r.IntN(5) {
			case 0:
				return new(big.Int).Set(lo)
			case 1:
				return new(big.Int).Set(hi)
			case 2: // small values
				return big.NewInt(int64(r.IntN(40) - 5))
			default:
				x := new(big.Int).SetUint64(r.Uint64())
				x.Lsh(x, 64).Or(x, new(big.Int).SetUint64(r.Uint64()))
				x.Mod(x, new(big.Int).Add(span, big.NewInt(1)))
				return x.Add(x, lo)
			}
		}
		a, b := pick(), pick()
		if r.IntN(5) != 0 && a.Cmp(b) > 0 {
			a, b = b, a
		}
		end := r.IntN(2) == 0
		if !end && r.IntN(3) == 0 {
			b.Add(b, big.NewInt(1)) // exclusive high at the top of the range
		}
		if r.IntN(25) == 0 {
			a.Sub(a, big.NewInt(1)) // out of bounds
		}
		return genOp{F: "integers", Low: a.String(), High: b.String(), N: sz(60), DType: dt, Endpoint: end}
	case 3:
		return genOp{F: "permutation", N: genIntp(r.IntN(3000))}
	case 4:
		return genOp{F: "shuffle", N: genIntp(r.IntN(3000))}
	case 5:
		nd := 1 + r.IntN(3)
		shape := make([]int, nd)
		for i := range shape {
			shape[i] = r.IntN(7)
		}
		var ax *int
		if r.IntN(4) != 0 {
			ax = genIntp(r.IntN(2*nd+2) - nd - 1)
		}
		if r.IntN(3) == 0 {
			f := []string{"permutation_axis", "shuffle_axis"}[r.IntN(2)]
			return genOp{F: f, Shape: shape, Axis: genIntp(r.IntN(nd))}
		}
		return genOp{F: "permuted", Shape: shape, Axis: ax}
	case 6:
		var pop int
		switch r.IntN(4) {
		case 0:
			pop = r.IntN(12)
		case 1:
			pop = 10000 + r.IntN(3)
		default:
			pop = r.IntN(40000)
		}
		op := genOp{F: "choice", Pop: pop, Replace: r.IntN(2) == 0, Shuffle: r.IntN(3) != 0, Array: r.IntN(4) == 0}
		n := r.IntN(pop + 2)
		switch r.IntN(4) {
		case 0: // around numpy's switch to the tail shuffle
			cut := 50
			if !op.Shuffle {
				cut = 20
			}
			n = max(pop/cut+r.IntN(3)-1, 0)
		case 1:
			n = r.IntN(20)
		}
		if r.IntN(30) == 0 {
			n = -1
		}
		op.N = genIntp(n)
		if r.IntN(8) == 0 {
			op.N = nil
		}
		if pop >= 1 && pop <= 60 && r.IntN(2) == 0 { // numpy reads p[0] even when p is empty
			w := make([]float64, pop)
			s := 0.0
			for i := range w {
				if r.IntN(4) != 0 {
					w[i] = r.Float64()
				}
				s += w[i]
			}
			op.P = make([]string, pop)
			for i := range w {
				if s > 0 {
					w[i] /= s
				}
				op.P[i] = genFloatStr(w[i])
			}
			if r.IntN(10) == 0 && pop > 0 {
				op.P[r.IntN(pop)] = []string{"nan", "-0.5", "0.3", "inf"}[r.IntN(4)]
			}
		}
		return op
	case 7:
		lo, hi := genRandFloat(r), genRandFloat(r)
		if r.IntN(5) != 0 && lo > hi {
			lo, hi = hi, lo
		}
		return genOp{F: "uniform", Low: genFloatStr(lo), High: genFloatStr(hi), N: sz(20)}
	default:
		return genOp{F: "normal", N: sz(3000)}
	}
}

func genRandCase(r *rand.Rand) genCase {
	c := genCase{Entropy: genRandEntropy(r)}
	if r.IntN(4) == 0 {
		c.Path = make([]int, 1+r.IntN(3))
		for i := range c.Path {
			c.Path[i] = r.IntN(5)
		}
	}
	switch r.IntN(6) {
	case 0:
		c.Kind = "seedseq"
		c.N = 1 + r.IntN(20)
		c.Spawn = r.IntN(5)
		if r.IntN(3) == 0 {
			for i := r.IntN(4); i > 0; i-- {
				c.SpawnKey = append(c.SpawnKey, strconv.FormatUint(r.Uint64()>>uint(r.IntN(64)), 10))
			}
		}
		if r.IntN(5) == 0 {
			c.PoolSize = 4 + r.IntN(6)
		}
	case 1:
		c.Kind = "pcg64"
		c.Raw = r.IntN(5)
		c.Half = r.IntN(2) == 0
		if r.IntN(2) == 0 {
			d := genBigSeed(r)
			if r.IntN(2) == 0 {
				d.Neg(d)
			}
			s := d.String()
			c.Advance = &s
		} else {
			s := genBigSeed(r).String()
			c.Jumps = &s
		}
	default:
		c.Kind = "gen"
		if r.IntN(8) == 0 { // a state written by Go, loaded by numpy
			hi, lo := r.Uint64(), r.Uint64()
			c.SetState = &genState{State: genU128(hi, lo).String(), Inc: genU128(r.Uint64(), r.Uint64()|1).String(),
				HasUint32: r.IntN(2), Uinteger: r.Uint32()}
			if c.SetState.HasUint32 == 0 {
				c.SetState.Uinteger = 0
			}
		}
		for i := 4 + r.IntN(10); i > 0; i-- {
			c.Ops = append(c.Ops, genRandOp(r))
		}
	}
	return c
}

// TestLiveGenerator draws fresh cases each run (seeds of every size,
// sequences, spawn paths, PCG64 advance/jumped, every Generator method
// with random arguments, numpy's error cases) and compares Go with numpy.
func TestLiveGenerator(t *testing.T) {
	oracle.Require(t, "numpy")
	r := oracle.Rand(t)
	cases := make([]genCase, 400)
	for i := range cases {
		cases[i] = genRandCase(r)
	}
	// one large choice each run, on the tail-shuffle path
	big := genCase{Kind: "gen", Entropy: genQuote(genBigSeed(r).String())}
	pop := 1_000_000 + r.IntN(2_000_000)
	big.Ops = []genOp{{F: "choice", Pop: pop, N: genIntp(pop / 3), Shuffle: true},
		{F: "normal", N: genIntp(2_000_000)}, {F: "random", N: genIntp(3)}}
	cases = append(cases, big)
	var want []json.RawMessage
	oracle.RunJSON(t, genEvalScript(t), cases, &want)
	if len(want) != len(cases) {
		t.Fatalf("numpy answered %d of %d cases", len(want), len(cases))
	}
	n := 0
	for i := range cases {
		n += genCompare(t, fmt.Sprintf("live case %d", i), &cases[i], want[i])
	}
	t.Logf("%d cases, %d outputs compared with numpy", len(cases), n)
}
