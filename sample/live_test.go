package sample

import (
	"encoding/json"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// drawCase draws one random case: every kind, sizes from 0 to a few
// hundred (rarely thousands), n from 0 to rows+2, frac up to 1.5 with
// replace, weights with NaN and zeros, seeds over their whole range, group
// keys of every dtype, and now and then an invalid argument.
func drawCase(r *rand.Rand) pyCase {
	rows := r.IntN(13)
	switch r.IntN(10) {
	case 0:
		rows = r.IntN(3000)
	case 1, 2, 3, 4:
		rows = r.IntN(300)
	}
	c := pyCase{Rows: rows}
	switch x := r.IntN(20); {
	case x < 3:
		c.Kind = []string{"py_sample", "py_choices", "py_shuffle"}[x]
		c.Seed = new(big.Int)
		for range r.IntN(3) {
			c.Seed.Lsh(c.Seed, 64).Or(c.Seed, new(big.Int).SetUint64(r.Uint64()))
		}
		c.Seed.Rsh(c.Seed, uint(r.IntN(64)))
		if r.IntN(4) == 0 {
			c.Seed.Neg(c.Seed)
		}
		c.K = r.IntN(rows + 3)
		if c.Kind == "py_choices" && r.IntN(2) == 0 {
			c.Weights = drawWeights(r, rows)
		}
		return c
	case x < 12:
		c.Kind = "frame"
		c.IgnoreIndex = r.IntN(4) == 0
	default:
		c.Kind = "groupby"
		drawKeys(r, &c)
	}
	c.Replace = r.IntN(5) < 2
	switch r.IntN(10) {
	case 0: // defaults: n=1
	case 1, 2, 3, 4, 5:
		n := r.IntN(rows + 3)
		if c.Kind == "groupby" && r.IntN(4) > 0 {
			n = r.IntN(4) // groups are small: keep most cases valid
		}
		c.N = &n
	default:
		hi := 1.0
		if c.Replace {
			hi = 1.5
		}
		f := r.Float64() * hi
		if r.IntN(2) == 0 {
			f = math.Round(f*100) / 100
		}
		c.Frac = &f
	}
	if r.IntN(3) == 0 {
		c.Weights = drawWeights(r, rows)
	}
	switch r.IntN(20) {
	case 0:
		c.Weights = drawWeights(r, rows+1)
	case 1:
		n := -1 - r.IntN(3)
		c.N = &n
	case 2:
		f := 1 + r.Float64()
		c.Frac, c.N, c.Replace = &f, nil, false
	case 3:
		n, f := 1, 0.5
		c.N, c.Frac = &n, &f
	case 4:
		f := -r.Float64()
		c.Frac, c.N = &f, nil
	case 5:
		if rows > 0 {
			c.Weights = drawWeights(r, rows)
			c.Weights[r.IntN(rows)] = jfloat([]float64{math.Inf(1), math.Inf(-1), -1, -1e-300}[r.IntN(4)])
		}
	case 6:
		nf := float64(r.IntN(5)) + []float64{0, 0.5, 0.25}[r.IntN(3)]
		c.NF, c.N, c.Frac = &nf, nil, nil
	}
	c.RandomState = &rsSpec{}
	switch x := r.IntN(20); {
	case x < 14:
		s := json.Number(big.NewInt(int64(r.Uint32())).String())
		if x == 0 {
			s = json.Number([]string{"0", "4294967295", "-1", "4294967296"}[r.IntN(4)])
		}
		c.RandomState.Int = &s
	case x < 17:
		words := make([]json.Number, 1+r.IntN(6))
		for i := range words {
			words[i] = json.Number(big.NewInt(int64(r.Uint32())).String())
		}
		c.RandomState.Array = &words
	default:
		s := json.Number(new(big.Int).SetUint64(r.Uint64()).String())
		c.RandomState.Generator = &s
	}
	return c
}

func drawWeights(r *rand.Rand, rows int) []jfloat {
	w := make([]jfloat, rows)
	for i := range w {
		switch r.IntN(16) {
		case 0:
			w[i] = jfloat(math.NaN())
		case 1:
			w[i] = 0
		case 2, 3, 4, 5:
			w[i] = jfloat(1 + r.IntN(9))
		default:
			w[i] = jfloat(r.Float64() * math.Pow(10, float64(r.IntN(7)-3)))
		}
	}
	return w
}

func drawKeys(r *rand.Rand, c *pyCase) {
	m := 1 + r.IntN(8)
	c.Keys = make([]any, c.Rows)
	switch r.IntN(4) {
	case 0:
		c.KeyType = "int64"
		for i := range c.Keys {
			c.Keys[i] = json.Number(big.NewInt(int64(r.IntN(m)) - 3 + []int64{0, math.MinInt64 + 3, math.MaxInt64 - 10}[r.IntN(3)]*int64(r.IntN(10)/9)).String())
		}
	case 1:
		c.KeyType = "float64"
		vals := []any{nil, json.Number("0"), json.Number("-0.5"), json.Number("1e300"), json.Number("2.25"), json.Number("-1e-300"), json.Number("7"), json.Number("3.5")}
		for i := range c.Keys {
			c.Keys[i] = vals[r.IntN(m)]
		}
	case 2:
		c.KeyType = "bool"
		for i := range c.Keys {
			c.Keys[i] = r.IntN(2) == 0
			if m == 1 && r.IntN(4) == 0 {
				c.Keys[i] = nil
			}
		}
	default:
		c.KeyType = "str"
		vals := []any{"a", nil, "b", "B", "", "ab", "é", "a b", "Z"}
		for i := range c.Keys {
			c.Keys[i] = vals[r.IntN(m+1)]
		}
	}
}

// TestLivePandas compares fresh random cases, and every golden case, with
// the live pandas and CPython in one Python process.
func TestLivePandas(t *testing.T) {
	t.Parallel()
	oracle.Require(t, "numpy", "pandas")
	script := oracle.Script(t, "../testdata/sample/cases.py")
	r := oracle.Rand(t)
	var cases []pyCase
	for range 1500 {
		cases = append(cases, drawCase(r))
	}
	for _, gc := range loadGolden(t).Cases {
		cases = append(cases, gc.Case)
	}
	var out []pyOutcome
	oracle.RunJSON(t, script, cases, &out)
	if len(out) != len(cases) {
		t.Fatalf("%d outcomes for %d cases", len(out), len(cases))
	}
	done, errs := 0, 0
	byMsg := map[string]int{}
	for i, c := range cases {
		if compare(t, c, out[i]) {
			done++
			if out[i].Error != "" {
				errs++
				byMsg[out[i].Error]++
			}
		}
	}
	t.Logf("%d of %d cases compared with live pandas/CPython (%d pandas errors)", done, len(cases), errs)
	t.Logf("pandas errors compared: %v", byMsg)
}

// TestLiveLarge compares a few large cases (a million rows) per run.
func TestLiveLarge(t *testing.T) {
	t.Parallel()
	oracle.Require(t, "numpy", "pandas")
	script := oracle.Script(t, "../testdata/sample/cases.py")
	r := oracle.Rand(t)
	seed := func() *rsSpec {
		s := json.Number(big.NewInt(int64(r.Uint32())).String())
		return &rsSpec{Int: &s}
	}
	gen := func() *rsSpec {
		s := json.Number(new(big.Int).SetUint64(r.Uint64()).String())
		return &rsSpec{Generator: &s}
	}
	one, third := 1.0, 0.3
	n2k, n300k := 2000, 300000
	w := make([]jfloat, 100000)
	for i := range w {
		w[i] = jfloat(r.Float64())
	}
	keys := make([]any, 200000)
	for i := range keys {
		keys[i] = json.Number(big.NewInt(int64(r.IntN(50))).String())
	}
	cases := []pyCase{
		{Kind: "frame", Rows: 1000000, Frac: &one, RandomState: seed()},
		{Kind: "frame", Rows: 1000000, N: &n300k, RandomState: gen()},
		{Kind: "frame", Rows: 1000000, N: &n2k, RandomState: gen()},
		{Kind: "frame", Rows: 100000, N: &n2k, Weights: w, RandomState: seed()},
		{Kind: "frame", Rows: 100000, N: &n300k, Replace: true, Weights: w, RandomState: seed()},
		{Kind: "groupby", Rows: 200000, Frac: &third, KeyType: "int64", Keys: keys, RandomState: seed()},
		{Kind: "py_sample", Rows: 1000000, K: 100000, Seed: big.NewInt(int64(r.Uint64() >> 1))},
		{Kind: "py_shuffle", Rows: 1000000, Seed: big.NewInt(int64(r.Uint64() >> 1))},
	}
	var out []pyOutcome
	oracle.RunJSON(t, script, cases, &out)
	for i, c := range cases {
		compare(t, c, out[i])
	}
	t.Logf("%d large cases compared", len(cases))
}
