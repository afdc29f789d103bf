package sample

import (
	"fmt"

	"github.com/splitter-dev/splitter/rng"
)

// Seed equals pandas' random_state=seed for an int:
// numpy.random.RandomState(seed). A seed outside 0..2**32-1 is
// ErrSeedRange, as numpy raises.
func Seed(seed int64) (*rng.RandomState, error) {
	if seed < 0 || seed > 1<<32-1 {
		return nil, fmt.Errorf("sample: random_state=%d: %w", seed, ErrSeedRange)
	}
	return rng.NewRandomState(uint32(seed)), nil
}

// SeedArray equals pandas' random_state=np.array(words) (an array-like of
// ints): numpy.random.RandomState(array). As numpy squeezes a one-element
// array to a scalar, SeedArray([]int64{s}) is Seed(s); longer arrays seed
// with init_by_array. Errors: ErrSeedEmpty, ErrSeedRange.
func SeedArray(words []int64) (*rng.RandomState, error) {
	if len(words) == 0 {
		return nil, fmt.Errorf("sample: random_state: %w", ErrSeedEmpty)
	}
	for _, w := range words {
		if w < 0 || w > 1<<32-1 {
			return nil, fmt.Errorf("sample: random_state word %d: %w", w, ErrSeedRange)
		}
	}
	if len(words) == 1 {
		return Seed(words[0])
	}
	rs, err := rng.NewRandomStateArray(words)
	if err != nil {
		return nil, fmt.Errorf("sample: random_state: %w", err)
	}
	return rs, nil
}

// Generator adapts a numpy Generator to RandomState: pandas' random_state=
// np.random.default_rng(seed) (or any Generator), whose draws are
// Generator.choice(a, size, replace=replace, p=p) with numpy's default
// shuffle=True.
func Generator(g *rng.Generator) RandomState { return generatorState{g} }

type generatorState struct{ g *rng.Generator }

func (s generatorState) Choice(a, size int, replace bool, p []float64) ([]int, error) {
	return s.g.Choice(a, size, replace, p, true)
}
