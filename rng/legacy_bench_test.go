package rng

import (
	"os"
	"strconv"
	"testing"
)

// BenchmarkLegacyPermutation10M times RandomState.permutation(10_000_000);
// scripts/bench/perm_vs_numpy.sh compares it with numpy.
func BenchmarkLegacyPermutation10M(b *testing.B) {
	r := NewRandomState(0)
	for b.Loop() {
		_ = r.Permutation(10_000_000)
	}
}

func BenchmarkLegacyRandomSample(b *testing.B) {
	r := NewRandomState(0)
	for b.Loop() {
		_ = r.RandomSample()
	}
}

func BenchmarkLegacyStandardNormal(b *testing.B) {
	r := NewRandomState(0)
	for b.Loop() {
		_ = r.StandardNormal()
	}
}

func BenchmarkLegacyRandint1000(b *testing.B) {
	r := NewRandomState(0)
	for b.Loop() {
		_, _ = r.Randint(0, 1000, 1000)
	}
}

func BenchmarkLegacyChoiceP(b *testing.B) {
	r := NewRandomState(0)
	p := make([]float64, 1000)
	for i := range p {
		p[i] = 1.0 / 1000
	}
	for b.Loop() {
		_, _ = r.Choice(1000, 100, false, p)
	}
}

// BenchmarkLegacyPermutationN times Permutation($SPLITTER_PERM_N) (default
// 10 million), for scripts/bench/perm_vs_numpy.sh.
func BenchmarkLegacyPermutationN(b *testing.B) {
	n := 10_000_000
	if s := os.Getenv("SPLITTER_PERM_N"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			b.Fatal(err)
		}
		n = v
	}
	r := NewRandomState(0)
	for b.Loop() {
		_ = r.Permutation(n)
	}
}
