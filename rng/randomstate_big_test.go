package rng

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestLegacyLiveBig compares, once per run, outputs of millions of values
// with numpy through SHA-256 digests of their little-endian bytes:
// permutation(~10 million), randint of a random dtype, standard_normal and
// choice with p, each from a fresh seed.
func TestLegacyLiveBig(t *testing.T) {
	oracle.Require(t, "numpy")
	rnd := oracle.Rand(t)
	type job struct {
		Kind  string `json:"kind"`
		Seed  uint32 `json:"seed"`
		N     int    `json:"n"`
		DType string `json:"dtype"`
		High  int64  `json:"high"`
	}
	d := legacyAllDTypes[rnd.IntN(len(legacyAllDTypes))]
	dt, _ := ParseDType(d)
	_, hi, _ := dt.int64Range()
	high := 1 + rnd.Int64N(min(hi, 1<<40))
	jobs := []job{
		{Kind: "permutation", Seed: rnd.Uint32(), N: 10_000_000 + rnd.IntN(1000)},
		{Kind: "randint", Seed: rnd.Uint32(), N: 2_000_000 + rnd.IntN(1000), DType: d, High: high},
		{Kind: "standard_normal", Seed: rnd.Uint32(), N: 1_000_000 + rnd.IntN(1000)},
		{Kind: "choice_p", Seed: rnd.Uint32(), N: 100_000 + rnd.IntN(1000)},
	}
	const script = `
import hashlib, json, sys
import numpy as np
out = []
for j in json.load(sys.stdin):
    r = np.random.RandomState(j["seed"])
    k = j["kind"]
    if k == "permutation":
        a = r.permutation(j["n"]).astype("<i8")
    elif k == "randint":
        a = r.randint(0, j["high"], size=j["n"], dtype=j["dtype"]).astype("<i8")
    elif k == "standard_normal":
        a = r.standard_normal(j["n"]).astype("<f8")
    else:
        n = j["n"]
        p = np.arange(1, n + 1, dtype=np.float64)
        p /= p.sum()
        a = np.concatenate([r.choice(n, 50000, replace=True, p=p), r.choice(n, 2000, replace=False, p=p)]).astype("<i8")
    out.append(hashlib.sha256(a.tobytes()).hexdigest())
json.dump(out, sys.stdout)
`
	var want []string
	oracle.RunJSON(t, script, jobs, &want)
	for i, j := range jobs {
		r := NewRandomState(j.Seed)
		h := sha256.New()
		var buf [8]byte
		put := func(v uint64) {
			binary.LittleEndian.PutUint64(buf[:], v)
			h.Write(buf[:])
		}
		switch j.Kind {
		case "permutation":
			for _, v := range r.Permutation(j.N) {
				put(uint64(v))
			}
		case "randint":
			dt, _ := ParseDType(j.DType)
			v, err := r.RandintDType(0, j.High, j.N, dt)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range v {
				put(uint64(x))
			}
		case "standard_normal":
			for _, x := range r.StandardNormals(j.N) {
				put(math.Float64bits(x))
			}
		case "choice_p":
			p := make([]float64, j.N)
			for k := range p {
				p[k] = float64(k + 1)
			}
			s := legacyPairwiseSum(p)
			for k := range p {
				p[k] /= s
			}
			a, err := r.Choice(j.N, 50000, true, p)
			if err != nil {
				t.Fatal(err)
			}
			b, err := r.Choice(j.N, 2000, false, p)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range append(a, b...) {
				put(uint64(x))
			}
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != want[i] {
			t.Errorf("%s seed %d n %d %s high %d: digest differs from numpy's", j.Kind, j.Seed, j.N, j.DType, j.High)
		} else {
			t.Logf("%s seed %d n %d %s: equal", j.Kind, j.Seed, j.N, j.DType)
		}
	}
}

// legacyPairwiseSum is numpy's pairwise summation of a float64 array
// (np.sum / ndarray.sum), so that p / p.sum() is reproduced exactly.
func legacyPairwiseSum(a []float64) float64 {
	if len(a) < 8 {
		s := 0.0
		for _, v := range a {
			s += v
		}
		return s
	}
	if len(a) <= 128 {
		var r [8]float64
		copy(r[:], a[:8])
		i := 8
		for ; i+8 <= len(a); i += 8 {
			for k := range r {
				r[k] += a[i+k]
			}
		}
		s := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < len(a); i++ {
			s += a[i]
		}
		return s
	}
	n2 := len(a) / 2
	n2 -= n2 % 8
	return legacyPairwiseSum(a[:n2]) + legacyPairwiseSum(a[n2:])
}
