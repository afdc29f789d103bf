package rng

import (
	"math"
	"math/big"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// genBigSeed draws a fresh seed: small, 32-bit, 64-bit, > 2**64 or > 2**128.
func genBigSeed(r interface {
	Uint64() uint64
	IntN(int) int
}) *big.Int {
	switch r.IntN(5) {
	case 0:
		return big.NewInt(int64(r.IntN(1000)))
	case 1:
		return new(big.Int).SetUint64(r.Uint64() >> 32)
	case 2:
		return new(big.Int).SetUint64(r.Uint64())
	case 3:
		x := new(big.Int).SetUint64(r.Uint64())
		x.Lsh(x, 64+uint(r.IntN(60)))
		return x.Add(x, new(big.Int).SetUint64(r.Uint64()))
	default:
		x := new(big.Int).SetUint64(r.Uint64() | 1)
		x.Lsh(x, 128+uint(r.IntN(200)))
		return x.Add(x, new(big.Int).SetUint64(r.Uint64()))
	}
}

// TestLiveContract compares DefaultRNGBig, Random, Permutation and Shuffle
// with numpy on fresh seeds and sizes 0, 1, 2, ... (one size in millions).
func TestLiveContract(t *testing.T) {
	oracle.Require(t, "numpy")
	r := oracle.Rand(t)
	type tc struct {
		Seed string `json:"seed"`
		N    int    `json:"n"`
		R    int    `json:"r"`
	}
	var cases []tc
	for i := 0; i < 60; i++ {
		n := i
		if i >= 20 {
			n = r.IntN(5000)
		}
		cases = append(cases, tc{genBigSeed(r).String(), n, r.IntN(4)})
	}
	cases = append(cases, tc{genBigSeed(r).String(), 1_000_000 + r.IntN(9_000_001), 1})
	script := `
import sys, json, numpy as np
out = []
for c in json.load(sys.stdin):
    g = np.random.default_rng(int(c["seed"]))
    rs = g.random(c["r"]).tolist()
    p = g.permutation(c["n"])
    tail = g.random()
    if c["n"] > 100000:
        out.append({"rs": rs, "perm_sum": int((p * np.arange(len(p)) % 1000003).sum()), "head": p[:50].tolist(), "tail": tail})
    else:
        out.append({"rs": rs, "perm": p.tolist(), "tail": tail})
json.dump(out, sys.stdout)
`
	var got []struct {
		Rs      []float64 `json:"rs"`
		Perm    []int     `json:"perm"`
		PermSum int64     `json:"perm_sum"`
		Head    []int     `json:"head"`
		Tail    float64   `json:"tail"`
	}
	oracle.RunJSON(t, script, cases, &got)
	if len(got) != len(cases) {
		t.Fatalf("oracle returned %d results for %d cases", len(got), len(cases))
	}
	for k, c := range cases {
		seed, _ := new(big.Int).SetString(c.Seed, 10)
		g, err := DefaultRNGBig(seed)
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range got[k].Rs {
			if v := g.Random(); math.Float64bits(v) != math.Float64bits(want) {
				t.Fatalf("seed %s random[%d] = %v, numpy %v", c.Seed, i, v, want)
			}
		}
		var p []int
		if k%2 == 0 {
			p = g.Permutation(c.N)
		} else {
			p = make([]int, c.N)
			for i := range p {
				p[i] = i
			}
			g.Shuffle(c.N, func(i, j int) { p[i], p[j] = p[j], p[i] })
		}
		if c.N > 100000 {
			var s int64
			for i, v := range p {
				s += int64(v) * int64(i) % 1000003
			}
			if s != got[k].PermSum || !equalInts(p[:50], got[k].Head) {
				t.Fatalf("seed %s permutation(%d) differs from numpy", c.Seed, c.N)
			}
		} else if !equalInts(p, got[k].Perm) {
			t.Fatalf("seed %s permutation(%d) = %v, numpy %v", c.Seed, c.N, p, got[k].Perm)
		}
		if v := g.Random(); math.Float64bits(v) != math.Float64bits(got[k].Tail) {
			t.Fatalf("seed %s random() after permutation(%d) = %v, numpy %v", c.Seed, c.N, v, got[k].Tail)
		}
	}
	t.Logf("%d cases compared with numpy", len(cases))
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
