package sample

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkShuffle1M is df.sample(frac=1, random_state=s) on a million rows.
func BenchmarkShuffle1M(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		rs, _ := Seed(int64(i))
		if _, err := Shuffle(1000000, rs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWeighted is df.sample(n=1000, weights=w) on 100,000 rows.
func BenchmarkWeighted(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	w := make([]float64, 100000)
	for i := range w {
		w[i] = r.Float64()
	}
	n := 1000
	for i := 0; b.Loop(); i++ {
		rs, _ := Seed(int64(i))
		if _, err := Frame(len(w), Options{N: &n, Weights: w, RandomState: rs}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGroupBy is df.groupby(key).sample(frac=0.3) on a million rows
// in 100 groups, building the groups included.
func BenchmarkGroupBy(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	keys := make([]int64, 1000000)
	for i := range keys {
		keys[i] = int64(r.IntN(100))
	}
	f := 0.3
	for i := 0; b.Loop(); i++ {
		rs, _ := Seed(int64(i))
		if _, err := GroupBy(GroupsInt64(keys), Options{Frac: &f, RandomState: rs}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNumpySum sums a million weights as numpy does.
func BenchmarkNumpySum(b *testing.B) {
	w := make([]float64, 1000000)
	for i := range w {
		w[i] = float64(i)
	}
	for b.Loop() {
		NumpySum(w)
	}
}
