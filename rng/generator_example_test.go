package rng_test

import (
	"fmt"

	"github.com/splitter-dev/splitter/rng"
)

// numpy: np.random.default_rng(42).permutation(10)
func ExampleGenerator_Permutation() {
	g := rng.DefaultRNG(42)
	fmt.Println(g.Permutation(10))
	// Output: [5 6 0 7 3 2 4 9 1 8]
}

// numpy: np.random.default_rng(0).random()
func ExampleGenerator_Random() {
	g := rng.DefaultRNG(0)
	fmt.Println(g.Random())
	// Output: 0.6369616873214543
}

// numpy: rng = np.random.default_rng(7); x = ["a", "b", "c", "d"]; rng.shuffle(x)
func ExampleGenerator_Shuffle() {
	g := rng.DefaultRNG(7)
	x := []string{"a", "b", "c", "d"}
	g.Shuffle(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
	fmt.Println(x)
	// Output: [a c b d]
}
