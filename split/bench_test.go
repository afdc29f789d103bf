package split

import (
	"strconv"
	"testing"
)

const benchN = 1_000_000

func benchCodes(n, k int) []int64 {
	v := make([]int64, n)
	for i := range v {
		v[i] = int64((i * 7919) % k)
	}
	return v
}

func BenchmarkTrainTestSplit1M(b *testing.B) {
	for b.Loop() {
		if _, _, err := TrainTestSplit(benchN, TrainTestOptions{TestSize: FloatSize(0.2), RandomState: Seed(101)}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTrainTestSplitStratified1M(b *testing.B) {
	y := EncodeInts(benchCodes(benchN, 5))
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := TrainTestSplit(benchN, TrainTestOptions{TestSize: FloatSize(0.2), RandomState: Seed(101), Stratify: y}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKFold1M(b *testing.B) {
	for b.Loop() {
		if _, err := (KFold{NSplits: 5, Shuffle: true, RandomState: Seed(1)}).Split(benchN); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStratifiedKFold1M(b *testing.B) {
	y := EncodeInts(benchCodes(benchN, 5))
	b.ResetTimer()
	for b.Loop() {
		if _, err := (StratifiedKFold{NSplits: 5, Shuffle: true, RandomState: Seed(1)}).Split(y); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGroupKFold1M(b *testing.B) {
	g := EncodeInts(benchCodes(benchN, 10000))
	b.ResetTimer()
	for b.Loop() {
		if _, err := (GroupKFold{NSplits: 5}).Split(g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeStrings1M(b *testing.B) {
	v := make([]string, benchN)
	for i, c := range benchCodes(benchN, 50) {
		v[i] = "class-" + strconv.FormatInt(c, 10)
	}
	b.ResetTimer()
	for b.Loop() {
		EncodeStrings(v)
	}
}

func BenchmarkEncodeFloats1M(b *testing.B) {
	v := make([]float64, benchN)
	for i, c := range benchCodes(benchN, 50) {
		v[i] = float64(c) / 3
	}
	b.ResetTimer()
	for b.Loop() {
		EncodeFloats(v)
	}
}

func BenchmarkHFTrainTestSplit1M(b *testing.B) {
	for b.Loop() {
		if _, _, err := HFTrainTestSplit(benchN, HFOptions{TestSize: FloatSize(0.2), Seed: HFSeed(101)}); err != nil {
			b.Fatal(err)
		}
	}
}
