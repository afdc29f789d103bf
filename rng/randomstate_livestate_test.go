package rng

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestLegacyLiveState loads states saved in Python (json.dumps of
// get_state(), tuple and legacy=False dict forms, some with a cached
// Gaussian) and checks that Go continues exactly as numpy does.
func TestLegacyLiveState(t *testing.T) {
	oracle.Require(t, "numpy")
	rnd := oracle.Rand(t)
	type job struct {
		Seed  uint32 `json:"seed"`
		Skip  int    `json:"skip"`
		Gauss int    `json:"gauss"`
		Dict  bool   `json:"dict"`
	}
	var jobs []job
	for range 40 {
		jobs = append(jobs, job{Seed: legacyPickSeed(rnd), Skip: rnd.IntN(2000), Gauss: rnd.IntN(4), Dict: rnd.IntN(2) == 0})
	}
	const script = `
import json, sys
import numpy as np
out = []
for j in json.load(sys.stdin):
    r = np.random.RandomState(j["seed"])
    r.random_sample(j["skip"])
    r.standard_normal(j["gauss"])
    if j["dict"]:
        s = r.get_state(legacy=False)
        s["state"]["key"] = s["state"]["key"].tolist()
    else:
        s = r.get_state()
        s = [s[0], s[1].tolist(), s[2], s[3], s[4]]
    saved = json.dumps(s)
    cont = r.standard_normal(3).tolist() + r.random_sample(3).tolist() + r.randint(0, 1000, 3).tolist()
    out.append({"saved": saved, "cont": cont})
json.dump(out, sys.stdout)
`
	var got []struct {
		Saved string    `json:"saved"`
		Cont  []float64 `json:"cont"`
	}
	oracle.RunJSON(t, script, jobs, &got)
	for i, g := range got {
		var st LegacyState
		if err := json.Unmarshal([]byte(g.Saved), &st); err != nil {
			t.Fatalf("job %d: %v", i, err)
		}
		r := NewRandomState(12345)
		r.StandardNormal() // leaves a cached value that SetState must replace
		if err := r.SetState(st); err != nil {
			t.Fatal(err)
		}
		var cont []float64
		cont = append(cont, r.StandardNormals(3)...)
		cont = append(cont, r.RandomSamples(3)...)
		ints, _ := r.Randint(0, 1000, 3)
		for _, v := range ints {
			cont = append(cont, float64(v))
		}
		for k := range cont {
			if math.Float64bits(cont[k]) != math.Float64bits(g.Cont[k]) {
				t.Fatalf("job %+v: value %d after loading the state: %v, numpy %v", jobs[i], k, cont[k], g.Cont[k])
			}
		}
		// Round trip through Go's own JSON.
		b, _ := json.Marshal(r.GetState())
		var back LegacyState
		if err := json.Unmarshal(b, &back); err != nil || back != r.GetState() {
			t.Fatalf("state JSON round trip: %v", err)
		}
	}
}

// TestLegacyLiveErrors draws fresh invalid inputs and checks that Go refuses
// exactly those numpy refuses, with numpy's message.
func TestLegacyLiveErrors(t *testing.T) {
	oracle.Require(t, "numpy")
	rnd := oracle.Rand(t)
	var cases []legacyCase
	var seeds []any
	for range 30 {
		// Seeds around and beyond the valid range.
		switch rnd.IntN(4) {
		case 0:
			seeds = append(seeds, -1-rnd.Int64N(1<<40))
		case 1:
			seeds = append(seeds, (1<<32)+rnd.Int64N(1<<40))
		case 2:
			seeds = append(seeds, []int64{int64(rnd.Uint32()), -1 - rnd.Int64N(10)})
		default:
			seeds = append(seeds, []int64{int64(rnd.Uint32()), (1 << 32) + rnd.Int64N(10)})
		}
		pop := 1 + rnd.IntN(20)
		p := legacyRandP(rnd, pop)
		bad := append([]float64(nil), p...)
		switch rnd.IntN(4) {
		case 0:
			bad[rnd.IntN(pop)] += 1e-6 // sum off by more than sqrt(eps)
		case 1:
			bad[rnd.IntN(pop)] += 1e-9 // within the tolerance: accepted
		case 2:
			bad[rnd.IntN(pop)] = -bad[rnd.IntN(pop)] - 1e-3
		default:
			bad = append(bad, 0) // wrong length
		}
		c := legacySeedCase(rnd)
		c.Calls = []legacyCall{
			mkCall("choice", pop, rnd.IntN(5), rnd.IntN(2) == 0, bad),
			mkCall("choice", pop, pop+1+rnd.IntN(5), false, nil),
			mkCall("choice", pop, rnd.IntN(pop+3), false, p),
			mkCall("choice", -rnd.IntN(3), rnd.IntN(2), rnd.IntN(2) == 0, nil),
			mkCall("randint", rnd.IntN(300)-100, rnd.IntN(300)-100, rnd.IntN(3), legacyAllDTypes[rnd.IntN(9)]),
			mkCall("random_sample", 1),
		}
		cases = append(cases, c)
	}
	var out legacyOracleOut
	oracle.RunJSON(t, legacyOracleScript(t), map[string]any{"cases": cases, "seed_errors": seeds}, &out)
	for i, c := range cases {
		legacyCheck(t, fmt.Sprintf("case %d", i), c, out.Cases[i])
	}
	for i, s := range seeds {
		var err error
		switch s := s.(type) {
		case int64:
			_, err = ParseLegacySeed(fmt.Sprint(s))
		case []int64:
			_, err = NewRandomStateArray(s)
		}
		if err == nil || "ValueError: "+err.Error() != out.SeedErrors[i] || !errors.Is(err, ErrSeedRange) {
			t.Fatalf("seed %v: Go %v, numpy %q", s, err, out.SeedErrors[i])
		}
	}
	t.Logf("%d error cases and %d bad seeds agree with numpy", len(cases), len(seeds))
}
