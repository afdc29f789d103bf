package sample_test

import (
	"fmt"
	"math/big"

	"github.com/splitter-dev/splitter/rng"
	"github.com/splitter-dev/splitter/sample"
)

// df.sample(frac=0.5, random_state=1) returns rows 7, 2, 1, 6: Frame
// returns those positions and Take applies them to any slice.
func Example() {
	cities := []string{"Oslo", "Lima", "Pune", "Kyiv", "Baku", "Rome", "Doha", "Nuuk"}
	rs, err := sample.Seed(1)
	if err != nil {
		panic(err)
	}
	pos, err := sample.Frame(len(cities), sample.Options{Frac: new(0.5), RandomState: rs})
	if err != nil {
		panic(err)
	}
	fmt.Println(pos, sample.Take(cities, pos))
	// Output: [7 2 1 6] [Nuuk Pune Lima Doha]
}

// df.sample(n=3, random_state=42) on a 10-row frame.
func ExampleFrame() {
	rs, err := sample.Seed(42)
	if err != nil {
		panic(err)
	}
	idx, err := sample.Frame(10, sample.Options{N: new(3), RandomState: rs})
	fmt.Println(idx, err)
	// Output: [8 1 5] <nil>
}

// df.sample(n=3, weights="w", random_state=0) with w = 1..10.
func ExampleFrame_weights() {
	rs, _ := sample.Seed(0)
	w := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	idx, err := sample.Frame(10, sample.Options{N: new(3), Weights: w, RandomState: rs})
	fmt.Println(idx, err)
	// Output: [7 8 5] <nil>
}

// pandas' errors come back with pandas' messages.
func ExampleFrame_errors() {
	rs, _ := sample.Seed(0)
	_, err := sample.Frame(10, sample.Options{Frac: new(1.2), RandomState: rs})
	fmt.Println(err)
	_, err = sample.Seed(1 << 32)
	fmt.Println(err)
	// Output:
	// sample: Replace has to be set to `True` when upsampling the population `frac` > 1.
	// sample: random_state=4294967296: Seed must be between 0 and 2**32 - 1
}

// df.sample(frac=1, random_state=0): a shuffle.
func ExampleShuffle() {
	rs, _ := sample.Seed(0)
	idx, _ := sample.Shuffle(10, rs)
	fmt.Println(idx)
	// Output: [2 8 4 9 1 6 7 3 0 5]
}

// df.groupby("g").sample(frac=0.5, random_state=5) with g = list("xyxyxyxyzz").
func ExampleGroupBy() {
	g := sample.GroupsString([]string{"x", "y", "x", "y", "x", "y", "x", "y", "z", "z"}, nil)
	rs, _ := sample.Seed(5)
	idx, err := sample.GroupBy(g, sample.Options{Frac: new(0.5), RandomState: rs})
	fmt.Println(idx, err)
	// Output: [0 2 7 1 9] <nil>
}

// random.Random(1).sample(range(10), 3).
func ExamplePySample() {
	idx, err := sample.PySample(rng.NewPyRandom(big.NewInt(1)), 10, 3)
	fmt.Println(idx, err)
	// Output: [2 1 4] <nil>
}

// Applying the positions to any slice: df.take(positions).
func ExampleTake() {
	names := []string{"ant", "bee", "cat", "dog"}
	fmt.Println(sample.Take(names, []int{3, 0, 0}))
	// Output: [dog ant ant]
}
