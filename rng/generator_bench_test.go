package rng

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"strconv"
	"testing"
)

// genPermN is $SPLITTER_GENPERM_N (default 10_000_000).
func genPermN(tb testing.TB) int {
	n := 10_000_000
	if s := os.Getenv("SPLITTER_GENPERM_N"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			tb.Fatal(err)
		}
		n = v
	}
	return n
}

// BenchmarkGeneratorPermutationN is Generator.permutation(N), N from
// $SPLITTER_GENPERM_N, with a fresh seed per iteration as the side-by-side
// script does for numpy.
func BenchmarkGeneratorPermutationN(b *testing.B) {
	n := genPermN(b)
	seed := uint64(0)
	for b.Loop() {
		_ = DefaultRNG(seed).Permutation(n)
		seed++
	}
}

// BenchmarkGeneratorPermutationSum logs the SHA-256 of
// default_rng(0).permutation(N) (int64 little-endian), which
// scripts/bench/genperm_vs_numpy.sh compares with numpy's before timing.
func BenchmarkGeneratorPermutationSum(b *testing.B) {
	n := genPermN(b)
	var p []int
	for b.Loop() {
		p = DefaultRNG(0).Permutation(n)
	}
	buf := make([]byte, 8*len(p))
	for i, v := range p {
		binary.LittleEndian.PutUint64(buf[8*i:], uint64(v))
	}
	h := sha256.Sum256(buf)
	b.Logf("sha256=%s", hex.EncodeToString(h[:]))
}

func BenchmarkGeneratorPermutation10M(b *testing.B) {
	g := DefaultRNG(12345)
	for b.Loop() {
		_ = g.Permutation(10_000_000)
	}
}

func BenchmarkGeneratorPermutation1K(b *testing.B) {
	g := DefaultRNG(12345)
	for b.Loop() {
		_ = g.Permutation(1000)
	}
}

func BenchmarkGeneratorRandom(b *testing.B) {
	g := DefaultRNG(12345)
	for b.Loop() {
		_ = g.Random()
	}
}

func BenchmarkGeneratorIntegers(b *testing.B) {
	g := DefaultRNG(12345)
	for b.Loop() {
		_, _ = g.Integers(0, 1000, 1000, false)
	}
}

func BenchmarkGeneratorStandardNormal(b *testing.B) {
	g := DefaultRNG(12345)
	for b.Loop() {
		_ = g.StandardNormal()
	}
}

func BenchmarkGeneratorChoiceTail(b *testing.B) {
	g := DefaultRNG(12345)
	for b.Loop() {
		_, _ = g.Choice(1_000_000, 100_000, false, nil, true)
	}
}
