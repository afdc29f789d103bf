package rng

import (
	"math/big"
	"testing"
)

// BenchmarkPyRandomShuffle10M is random.shuffle(x) on a list of 10,000,000
// ints through the swap callback.
func BenchmarkPyRandomShuffle10M(b *testing.B) {
	x := make([]int, 10_000_000)
	p := NewPyRandom(big.NewInt(12345))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
	}
}

// BenchmarkPyRandomShuffleInts10M is the same without the callback.
func BenchmarkPyRandomShuffleInts10M(b *testing.B) {
	x := make([]int, 10_000_000)
	p := NewPyRandom(big.NewInt(12345))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.ShuffleInts(x)
	}
}

// BenchmarkPyRandomSample is random.sample(range(10_000_000), 1_000_000)
// (the set-based algorithm).
func BenchmarkPyRandomSample(b *testing.B) {
	p := NewPyRandom(big.NewInt(12345))
	for i := 0; i < b.N; i++ {
		if _, err := p.Sample(10_000_000, 1_000_000); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPyRandomRandom is random.random().
func BenchmarkPyRandomRandom(b *testing.B) {
	p := NewPyRandom(big.NewInt(12345))
	var s float64
	for i := 0; i < b.N; i++ {
		s += p.Random()
	}
	_ = s
}

// BenchmarkPyRandomSeedString is random.seed(str) (SHA-512 and init_by_array).
func BenchmarkPyRandomSeedString(b *testing.B) {
	p := NewPyRandom(big.NewInt(0))
	for i := 0; i < b.N; i++ {
		_ = p.SeedString("a seed string", 2)
	}
}

// BenchmarkPyRandomShuffleInts1M is random.shuffle on 1,000,000 ints
// (cache-resident: measures the generator more than memory).
func BenchmarkPyRandomShuffleInts1M(b *testing.B) {
	x := make([]int, 1_000_000)
	p := NewPyRandom(big.NewInt(12345))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.ShuffleInts(x)
	}
}
