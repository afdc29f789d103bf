package audit

import (
	"testing"

	"github.com/splitter-dev/splitter/split"
)

func stratBenchSetup(b *testing.B) (*Partition, Recipe) { return stratBenchClasses(b, 3) }

// stratBenchClasses is a partition of 1,000 rows in k round-robin
// classes, train 800 and test 200, made by seed 12345678.
func stratBenchClasses(b *testing.B, k int) (*Partition, Recipe) {
	n := 1000
	codes := make([]int, n)
	for i := range codes {
		codes[i] = i % k
	}
	r := Recipe{Kind: SklearnStratified, N: n, Train: 800, Test: 200, Labels: split.LabelsFromCodes(codes)}
	train, test, err := r.Indices(12345678)
	if err != nil {
		b.Fatal(err)
	}
	data := records(n, 0, nil)
	return NewPartition(data, pick(data, train), pick(data, test)), r
}

// BenchmarkStratFilter1k: one seed through the stratified filter (1,000 rows).
func BenchmarkStratFilter1k(b *testing.B) {
	p, r := stratBenchSetup(b)
	w := newStratSearch(p, r).worker()
	for i := 0; i < b.N; i++ {
		w.pass(uint32(i))
	}
}

// BenchmarkStratFilterTies1k: one seed through the stratified filter (1,000
// rows, 7 classes: _approximate_mode breaks a tie of 6 classes for 2
// draws, so most seeds are rejected by their class allocation).
func BenchmarkStratFilterTies1k(b *testing.B) {
	p, r := stratBenchClasses(b, 7)
	w := newStratSearch(p, r).worker()
	for i := 0; i < b.N; i++ {
		w.pass(uint32(i))
	}
}

// BenchmarkStratFull1k: one seed through the full computation (1,000 rows).
func BenchmarkStratFull1k(b *testing.B) {
	p, r := stratBenchSetup(b)
	for i := 0; i < b.N; i++ {
		r.Check(p, uint64(i))
	}
}
