package rng_test

import (
	"fmt"

	"github.com/splitter-dev/splitter/rng"
)

// torch.randperm(10, generator=torch.Generator().manual_seed(42))
func ExampleTorchGenerator_Randperm() {
	g := rng.NewTorchGenerator(42)
	fmt.Println(g.Randperm(10))
	// Output: [2 6 1 8 4 5 0 9 3 7]
}

// torch.Generator().manual_seed(-1): negative seeds wrap to 2**64+s.
func ExampleParseTorchSeed() {
	seed, err := rng.ParseTorchSeed("-1")
	if err != nil {
		panic(err)
	}
	g := rng.NewTorchGenerator(seed)
	fmt.Println(g.InitialSeed(), g.Randperm(5))

	_, err = rng.ParseTorchSeed("18446744073709551616")
	fmt.Println(err)
	// Output:
	// 18446744073709551615 [1 3 4 2 0]
	// torch seed 18446744073709551616: Overflow when unpacking long (torch accepts -2**63 .. 2**64-1)
}
