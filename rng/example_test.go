package rng_test

import (
	"fmt"
	"math/big"

	"github.com/splitter-dev/splitter/rng"
)

// The same seed gives the same numbers as in Python, for each of the four
// generators:
//
//	numpy.random.RandomState(42).permutation(10)
//	numpy.random.default_rng(42).permutation(10)
//	x = list(range(10)); random.Random(42).shuffle(x)
//	torch.randperm(10, generator=torch.Generator().manual_seed(42))
func Example() {
	fmt.Println(rng.NewRandomState(42).Permutation(10))
	fmt.Println(rng.DefaultRNG(42).Permutation(10))
	fmt.Println(rng.NewPyRandom(big.NewInt(42)).Perm(10))
	fmt.Println(rng.NewTorchGenerator(42).Randperm(10))
	// Output:
	// [8 1 5 0 7 2 9 4 3 6]
	// [5 6 0 7 3 2 4 9 1 8]
	// [7 3 2 8 5 6 9 4 0 1]
	// [2 6 1 8 4 5 0 9 3 7]
}
