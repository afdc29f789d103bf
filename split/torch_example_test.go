package split_test

import (
	"errors"
	"fmt"

	"github.com/splitter-dev/splitter/rng"
	"github.com/splitter-dev/splitter/split"
)

// random_split(range(10), [0.8, 0.2], generator=torch.Generator().manual_seed(42))
func ExampleRandomSplit() {
	g := rng.NewTorchGenerator(42)
	parts, err := split.RandomSplit(10, []split.Length{split.LengthFraction(0.8), split.LengthFraction(0.2)}, g)
	if err != nil {
		panic(err)
	}
	fmt.Println(parts)
	// Output: [[2 6 1 8 4 5 0 9] [3 7]]
}

// Lengths typed on a command line keep Python's int/float distinction:
// random_split(range(10), [0.33, 0.33, 0.34]) floors to [3, 3, 3] and
// hands the remaining row to the first split; [3.0, 7.0] fails in torch.
func ExampleRandomSplitLengths() {
	var lengths []split.Length
	for _, s := range []string{"0.33", "0.33", "0.34"} {
		l, err := split.ParseLength(s)
		if err != nil {
			panic(err)
		}
		lengths = append(lengths, l)
	}
	sizes, _, _ := split.RandomSplitLengths(10, lengths)
	fmt.Println(sizes)

	_, _, err := split.RandomSplitLengths(10, []split.Length{split.LengthFraction(3), split.LengthFraction(7)})
	fmt.Println(errors.Is(err, split.ErrTorchFloatLengths))
	// Output:
	// [4 3 3]
	// true
}
