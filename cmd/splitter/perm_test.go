package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// permOracle prints, for each case, the SHA-256 of the permutation as
// `splitter perm` must print it (one index per LF-ended line) and its
// first lines, computed by the real numpy / Python / torch.
const permOracle = `
import sys, json, hashlib, random
import numpy as np
import torch
out = []
for c in json.load(sys.stdin):
    s, n = int(c["seed"]), c["n"]
    if c["compat"] == "numpy":
        p = np.random.RandomState(s).permutation(n).tolist()
    elif c["compat"] == "generator":
        p = np.random.default_rng(s).permutation(n).tolist()
    elif c["compat"] == "python":
        random.seed(s); p = list(range(n)); random.shuffle(p)
    else:
        p = torch.randperm(n, generator=torch.Generator().manual_seed(s)).tolist()
    text = "\n".join(map(str, p)) + "\n" if p else ""
    out.append({"sha": hashlib.sha256(text.encode()).hexdigest(), "head": text[:400]})
json.dump(out, sys.stdout)
`

type permCase struct {
	Compat string `json:"compat"`
	Seed   string `json:"seed"`
	N      int    `json:"n"`
}

// randSeed draws a seed valid for compat, spread over its whole range.
func randSeed(r *rand.Rand, compat string) string {
	switch compat {
	case "numpy":
		return fmt.Sprint(r.Uint32() >> (r.IntN(4) * 8))
	case "generator":
		v := new(big.Int).SetUint64(r.Uint64())
		if r.IntN(3) == 0 {
			v.Lsh(v, uint(r.IntN(100)))
		}
		return v.String()
	case "python":
		v := new(big.Int).SetUint64(r.Uint64() >> r.IntN(64))
		if r.IntN(3) == 0 {
			v.Lsh(v, uint(r.IntN(200)))
		}
		if r.IntN(2) == 0 {
			v.Neg(v)
		}
		return v.String()
	default: // torch: -2**63 .. 2**64-1
		switch r.IntN(3) {
		case 0:
			return fmt.Sprint(int64(r.Uint64()))
		case 1:
			return fmt.Sprint(r.Uint64())
		}
		return fmt.Sprint(r.IntN(1 << 20))
	}
}

// permCompats are the values of perm --compat.
var permCompats = []string{"numpy", "generator", "python", "torch"}

func TestPermLive(t *testing.T) {
	t.Parallel()
	oracle.Require(t, "numpy", "torch")
	r := oracle.Rand(t)
	var cases []permCase
	for _, compat := range permCompats {
		big := 2_000_000 + r.IntN(1_000_000)
		if compat == "python" {
			big = 1_000_000 + r.IntN(500_000) // CPython's shuffle is slow
		}
		for _, n := range []int{0, 1, 2, 3, r.IntN(100), r.IntN(5000), big} {
			cases = append(cases, permCase{compat, randSeed(r, compat), n})
		}
	}
	// Fixed edge seeds of each range.
	for _, c := range []permCase{
		{"numpy", "0", 10}, {"numpy", "4294967295", 10},
		{"generator", "0", 10}, {"generator", "340282366920938463463374607431768211457", 10},
		{"python", "-1", 10}, {"python", "0", 10},
		{"torch", "-9223372036854775808", 10}, {"torch", "18446744073709551615", 10}, {"torch", "-1", 10},
	} {
		cases = append(cases, c)
	}
	var want []struct {
		Sha  string `json:"sha"`
		Head string `json:"head"`
	}
	oracle.RunJSON(t, permOracle, cases, &want)
	for i, c := range cases {
		args := []string{"perm", "--compat", c.Compat, "--seed", c.Seed, "--n", fmt.Sprint(c.N)}
		res := mustRun(t, "", args...)
		sum := sha256.Sum256(res.stdout)
		if got := hex.EncodeToString(sum[:]); got != want[i].Sha {
			head := res.stdout
			if len(head) > 400 {
				head = head[:400]
			}
			t.Errorf("splitter %s: output differs from Python\n got head %q\nwant head %q", strings.Join(args, " "), head, want[i].Head)
		}
		if len(res.stderr) != 0 {
			t.Errorf("splitter %s: unexpected stderr %q", strings.Join(args, " "), res.stderr)
		}
	}
	t.Logf("%d perm cases compared with numpy/Python/torch", len(cases))
}

// TestPermDrawnSeed checks that without --seed the seed printed on stderr
// reproduces the output.
func TestPermDrawnSeed(t *testing.T) {
	re := regexp.MustCompile(`^seed: (-?[0-9]+)\n$`)
	for _, compat := range permCompats {
		res := mustRun(t, "", "perm", "--compat", compat, "--n", "50")
		m := re.FindSubmatch(res.stderr)
		if m == nil {
			t.Fatalf("--compat %s without --seed: stderr %q, want \"seed: N\"", compat, res.stderr)
		}
		again := mustRun(t, "", "perm", "--compat", compat, "--n", "50", "--seed", string(m[1]))
		if !bytes.Equal(res.stdout, again.stdout) {
			t.Errorf("--compat %s: drawn seed %s does not reproduce the output", compat, m[1])
		}
	}
}

func TestPermErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"perm", "--seed", "1"}, "--n"},
		{[]string{"perm", "--compat", "torch", "--seed", "1"}, "--n"},
		{[]string{"perm", "--compat", "torch", "--seed", "1", "--n", "-2"}, "--n"},
		{[]string{"perm", "--compat", "torch", "--seed", "1.0", "--n", "2"}, "--seed"},
		{[]string{"perm", "--seed", "1", "--n", "-1"}, "--n"},
		{[]string{"perm", "--seed", "1", "--n", "abc"}, "--n"},
		{[]string{"perm", "--seed", "1", "--n", "1.5"}, "--n"},
		{[]string{"perm", "--seed", "-1", "--n", "3"}, "--seed"},
		{[]string{"perm", "--seed", "4294967296", "--n", "3"}, "--seed"},
		{[]string{"perm", "--seed", "x", "--n", "3"}, "--seed"},
		{[]string{"perm", "--seed", "", "--n", "3"}, "--seed"},
		{[]string{"perm", "--compat", "generator", "--seed", "-1", "--n", "3"}, "--seed"},
		{[]string{"perm", "--compat", "python", "--seed", "1.5", "--n", "3"}, "--seed"},
		{[]string{"perm", "--compat", "torch", "--seed", "18446744073709551616", "--n", "3"}, "--seed"},
		{[]string{"perm", "--compat", "torch", "--seed", "-9223372036854775809", "--n", "3"}, "--seed"},
		{[]string{"perm", "--compat", "bogus", "--seed", "1", "--n", "3"}, "--compat"},
		{[]string{"perm", "--seed", "1", "--n", "3", "extra"}, "extra"},
	} {
		res := runBin(t, "", tc.args...)
		if res.code == 0 {
			t.Errorf("splitter %q: exit 0, want an error", tc.args)
			continue
		}
		if len(res.stdout) != 0 {
			t.Errorf("splitter %q: wrote %q to stdout on error", tc.args, res.stdout)
		}
		if !strings.Contains(string(res.stderr), tc.want) || bytes.Count(res.stderr, []byte("\n")) != 1 {
			t.Errorf("splitter %q: stderr %q, want one line naming %s", tc.args, res.stderr, tc.want)
		}
	}
}

func TestVersionAndHelp(t *testing.T) {
	res := mustRun(t, "", "--help")
	for _, want := range []string{"perm", "Examples:", "--seed 101 --test 0.2"} {
		if !strings.Contains(string(res.stdout), want) {
			t.Errorf("--help lacks %q", want)
		}
	}
	res = mustRun(t, "", "perm", "--help")
	if !strings.Contains(string(res.stdout), "np.random.RandomState(S).permutation(N)") {
		t.Errorf("perm --help does not name the Python call")
	}
}
