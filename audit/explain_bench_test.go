package audit

import (
	"context"
	"testing"
	"time"

	"github.com/splitter-dev/splitter/split"
)

// benchPartition is a 10,000-row 80/20 split made by kind with seed 4e9
// (the search range of the benchmarks does not hold it).
func benchPartition(b *testing.B, kind Kind) *Partition {
	b.Helper()
	r := Recipe{Kind: kind, N: 10000, Train: 8000, Test: 2000}
	train, test, err := r.Indices(4_000_000_000)
	if err != nil {
		b.Fatal(err)
	}
	data := records(r.N, 0, nil)
	return NewPartition(data, pick(data, train), pick(data, test))
}

func benchExplain(b *testing.B, kind Kind, seeds uint64) {
	p := benchPartition(b, kind)
	b.ResetTimer()
	start, cpu := time.Now(), cpuTime()
	for i := 0; i < b.N; i++ {
		ms, err := Explain(context.Background(), p, ExplainOptions{First: 0, Last: seeds - 1, Kinds: []Kind{kind}})
		if err != nil || len(ms) != 0 {
			b.Fatal(err, ms)
		}
	}
	reportSeeds(b, float64(seeds)*float64(b.N), start, cpu)
}

// reportSeeds reports seeds per second of wall time and per second of
// CPU time: on a shared machine the second is the engine's cost (2**32
// seeds on c free cores take 2**32 / (c * seeds/cpu-s) seconds).
func reportSeeds(b *testing.B, seeds float64, start time.Time, cpu time.Duration) {
	b.ReportMetric(seeds/time.Since(start).Seconds(), "seeds/s")
	if c := cpuTime() - cpu; c > 0 {
		b.ReportMetric(seeds/c.Seconds(), "seeds/cpu-s")
	}
}

// BenchmarkExplainSklearn10k: seeds per second for train_test_split on a
// 10,000-row file (all cores).
func BenchmarkExplainSklearn10k(b *testing.B) { benchExplain(b, Sklearn, 1<<24) }

// BenchmarkExplainPandas10k: seeds per second for df.sample(frac=0.8).
func BenchmarkExplainPandas10k(b *testing.B) { benchExplain(b, PandasSample, 1<<24) }

// BenchmarkExplainDatasets10k: seeds per second for Hugging Face datasets.
func BenchmarkExplainDatasets10k(b *testing.B) { benchExplain(b, Datasets, 1<<22) }

// BenchmarkExplainStratified1k: seeds per second for a stratified split of
// 1,000 rows (every seed is computed in full).
func BenchmarkExplainStratified1k(b *testing.B) {
	n := 1000
	codes := make([]int, n)
	for i := range codes {
		codes[i] = i % 3
	}
	l := split.LabelsFromCodes(codes)
	r := Recipe{Kind: SklearnStratified, N: n, Train: 800, Test: 200, Labels: l}
	train, test, err := r.Indices(12345678)
	if err != nil {
		b.Fatal(err)
	}
	data := records(n, 0, nil)
	p := NewPartition(data, pick(data, train), pick(data, test))
	const seeds = 1 << 10
	b.ResetTimer()
	start, cpu := time.Now(), cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := Explain(context.Background(), p, ExplainOptions{First: 0, Last: seeds - 1, Kinds: []Kind{SklearnStratified}, Columns: []Column{{Name: "y", Labels: l}}}); err != nil {
			b.Fatal(err)
		}
	}
	reportSeeds(b, float64(seeds)*float64(b.N), start, cpu)
}

// BenchmarkExplainTorch10k: seeds per second for torch random_split.
func BenchmarkExplainTorch10k(b *testing.B) { benchExplain(b, TorchRandomSplit, 1<<24) }
