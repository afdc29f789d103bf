package split

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// torchSplitScript runs torch.utils.data.random_split for a batch of
// cases in one process. Lengths arrive as Python literals ("3" is an int,
// "3.0" a float), answers come back in the shape of random_split.json.
const torchSplitScript = `
import json, sys, warnings
import torch
from torch.utils.data import random_split

def lit(s):
    try:
        return int(s)
    except ValueError:
        return float(s)

out = []
for c in json.load(sys.stdin):
    rec = {"n": c["n"], "lengths": c["lengths"], "seed": c["seed"]}
    g = torch.Generator().manual_seed(int(c["seed"]))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            parts = random_split(range(c["n"]), [lit(s) for s in c["lengths"]], generator=g)
            # range(n)[i] == i, so a big Subset's indices are its items (list() would be slow)
            rec["parts"] = [list(p) if len(p) < 10000 else list(p.indices) for p in parts]
        except Exception as e:
            rec["error"] = {"type": type(e).__name__, "message": str(e).split("\n")[0]}
    rec["warnings"] = [str(x.message) for x in w]
    out.append(rec)
json.dump(out, sys.stdout)
`

// torchRandLengths draws a lengths list of one of the shapes users type,
// valid or not: int counts, typed decimal fractions, exact normalized
// weights, counts written as floats, mixes, negatives and fractions over 1.
func torchRandLengths(r *rand.Rand, n int) []Length {
	k := 1 + r.IntN(5)
	counts := func() []int {
		c := make([]int, k)
		left := n
		for i := 0; i < k-1; i++ {
			c[i] = r.IntN(left + 1)
			left -= c[i]
		}
		c[k-1] = left
		return c
	}
	var out []Length
	switch r.IntN(10) {
	case 0, 1: // ints summing to n, sometimes off by a little
		c := counts()
		if r.IntN(3) == 0 {
			c[r.IntN(k)] += r.IntN(5) - 2
		}
		for _, v := range c {
			out = append(out, LengthCount(v))
		}
	case 2: // a negative int, the rest summing to n
		c := counts()
		d := 1 + r.IntN(5)
		c[0] += d
		c = append(c, -d)
		for _, v := range c {
			out = append(out, LengthCount(v))
		}
	case 3, 4: // typed decimal fractions: 0.8,0.1,0.1 and friends
		left := 100
		for i := 0; i < k-1; i++ {
			v := r.IntN(left + 1)
			left -= v
			f, _ := strconv.ParseFloat(strconv.Itoa(v)+"e-2", 64)
			out = append(out, LengthFraction(f))
		}
		if r.IntN(4) == 0 {
			left += r.IntN(3) - 1
		}
		f, _ := strconv.ParseFloat(strconv.Itoa(left)+"e-2", 64)
		out = append(out, LengthFraction(f))
	case 5: // normalized random weights: sum near 1, sometimes just above
		w := make([]float64, k)
		s := 0.0
		for i := range w {
			w[i] = r.Float64()
			s += w[i]
		}
		for i := range w {
			out = append(out, LengthFraction(w[i]/s))
		}
	case 6: // counts written as floats
		for _, v := range counts() {
			out = append(out, LengthFraction(float64(v)))
		}
	case 7: // a fraction over 1 balanced by a negative one
		out = []Length{LengthFraction(1 + float64(r.IntN(50))/100), LengthFraction(-float64(r.IntN(50)) / 100)}
		if r.IntN(2) == 0 {
			out[0], out[1] = out[1], out[0]
		}
	case 8: // ints summing to 1 (torch reads them as fractions), or 1 and 0.0
		out = []Length{LengthCount(1), LengthCount(0)}
		if r.IntN(2) == 0 {
			out = append(out, LengthFraction(0))
		}
		r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	default: // ints and fractions mixed
		for _, v := range counts() {
			if r.IntN(2) == 0 {
				out = append(out, LengthCount(v))
			} else {
				out = append(out, LengthFraction(float64(v)/math.Max(1, float64(n))))
			}
		}
	}
	return out
}

func TestTorchRandomSplitLive(t *testing.T) {
	oracle.Require(t, "torch")
	r := oracle.Rand(t)
	type in struct {
		N       int      `json:"n"`
		Lengths []string `json:"lengths"`
		Seed    string   `json:"seed"`
	}
	var cases []in
	for i := range 400 {
		n := r.IntN(40)
		if i%4 == 0 {
			n = r.IntN(5000)
		}
		if i == 0 {
			n = 1_000_000 + r.IntN(1_000_000)
		}
		var lengths []string
		for _, l := range torchRandLengths(r, n) {
			lengths = append(lengths, l.String())
		}
		seed := strconv.FormatInt(int64(r.Uint64()), 10)
		if r.IntN(2) == 0 {
			seed = strconv.FormatUint(r.Uint64(), 10)
		}
		cases = append(cases, in{N: n, Lengths: lengths, Seed: seed})
	}
	var res []torchSplitCase
	oracle.RunJSON(t, torchSplitScript, cases, &res)
	if len(res) != len(cases) {
		t.Fatalf("%d answers for %d cases", len(res), len(cases))
	}
	errs, ok := 0, 0
	for _, c := range res {
		torchCheckSplit(t, c)
		if c.Error != nil {
			errs++
		} else {
			ok++
		}
	}
	t.Logf("%d random_split cases compared with live torch (%d torch errors, %d splits)", len(res), errs, ok)
}
