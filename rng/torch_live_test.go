package rng

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// torchLiveScript answers, in one torch process, a batch of randperm runs:
// each case seeds a fresh generator with manual_seed(int(seed)) and calls
// randperm for every n in turn, reporting initial_seed(), sha256 of each
// permutation's little-endian int64 bytes, and the whole list when short.
// A seed torch refuses yields its RuntimeError message instead.
const torchLiveScript = `
import hashlib, json, sys
import torch
cases = json.load(sys.stdin)
out = []
for c in cases:
    try:
        g = torch.Generator().manual_seed(int(c["seed"]))
    except RuntimeError as e:
        out.append({"error": str(e)})
        continue
    perms = []
    for n in c["n"]:
        p = torch.randperm(n, generator=g).numpy()
        rec = {"sha256": hashlib.sha256(p.astype("<i8").tobytes()).hexdigest()}
        if n <= 64:
            rec["perm"] = p.tolist()
        perms.append(rec)
    out.append({"initial_seed": str(g.initial_seed()), "perms": perms})
json.dump(out, sys.stdout)
`

type torchLiveCase struct {
	Seed string `json:"seed"`
	N    []int  `json:"n"`
}

type torchLiveResult struct {
	Error       string `json:"error"`
	InitialSeed string `json:"initial_seed"`
	Perms       []struct {
		SHA256 string `json:"sha256"`
		Perm   []int  `json:"perm"`
	} `json:"perms"`
}

// torchRandSeed draws a seed from one of the ranges where torch's seed
// handling differs: small, negative, >= 2**32, >= 2**63, near 2**64-1,
// near -2**63, and (as text) just outside what manual_seed accepts.
func torchRandSeed(r *rand.Rand) string {
	two64 := new(big.Int).Lsh(big.NewInt(1), 64)
	switch r.IntN(8) {
	case 0:
		return strconv.FormatUint(uint64(r.Uint32()), 10)
	case 1:
		return strconv.FormatInt(-1-r.Int64N(math.MaxInt64), 10)
	case 2:
		return strconv.FormatUint(1<<32+r.Uint64N(1<<63-1<<32), 10)
	case 3:
		return strconv.FormatUint(1<<63+r.Uint64N(1<<63), 10)
	case 4:
		return strconv.FormatUint(math.MaxUint64-r.Uint64N(1000), 10)
	case 5:
		return strconv.FormatInt(math.MinInt64+r.Int64N(1000), 10)
	case 6:
		v := new(big.Int).Add(two64, big.NewInt(r.Int64N(1<<40)))
		if r.IntN(2) == 0 {
			v.Neg(v).Add(v, new(big.Int).Lsh(big.NewInt(1), 63)).Sub(v, big.NewInt(1))
		}
		return v.String()
	default:
		return strconv.FormatInt(r.Int64N(2000)-1000, 10)
	}
}

func TestTorchRandpermLive(t *testing.T) {
	oracle.Require(t, "torch")
	r := oracle.Rand(t)
	var cases []torchLiveCase
	for range 300 {
		c := torchLiveCase{Seed: torchRandSeed(r)}
		for range 1 + r.IntN(3) {
			n := r.IntN(70)
			if r.IntN(3) == 0 {
				n = r.IntN(20000)
			}
			c.N = append(c.N, n)
		}
		cases = append(cases, c)
	}
	// A few millions per run; one of them on a generator already used.
	cases = append(cases,
		torchLiveCase{Seed: torchRandSeed(r), N: []int{1_000_000 + r.IntN(3_000_000)}},
		torchLiveCase{Seed: torchRandSeed(r), N: []int{r.IntN(1000), 1_000_000 + r.IntN(1_000_000)}})
	var res []torchLiveResult
	oracle.RunJSON(t, torchLiveScript, cases, &res)
	if len(res) != len(cases) {
		t.Fatalf("%d answers for %d cases", len(res), len(cases))
	}
	perms := 0
	for k, c := range cases {
		want := res[k]
		seed, err := ParseTorchSeed(c.Seed)
		if want.Error != "" {
			if err == nil || !strings.Contains(err.Error(), want.Error) {
				t.Errorf("seed %s: torch refuses it (%s); ParseTorchSeed: %v", c.Seed, want.Error, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("seed %s: %v; torch accepts it", c.Seed, err)
			continue
		}
		g := NewTorchGenerator(seed)
		if got := strconv.FormatUint(g.InitialSeed(), 10); got != want.InitialSeed {
			t.Errorf("seed %s: initial_seed %s, torch %s", c.Seed, got, want.InitialSeed)
		}
		for i, n := range c.N {
			p := g.Randperm(n)
			perms++
			if want.Perms[i].Perm != nil && !slices.Equal(p, want.Perms[i].Perm) && n > 0 {
				t.Errorf("seed %s call %d: randperm(%d) = %v, torch %v", c.Seed, i, n, p, want.Perms[i].Perm)
			} else if d := torchDigest(p); d != want.Perms[i].SHA256 {
				t.Errorf("seed %s call %d: randperm(%d) sha256 %s, torch %s", c.Seed, i, n, d, want.Perms[i].SHA256)
			}
		}
	}
	t.Logf("%d cases, %d permutations compared with live torch", len(cases), perms)
}
