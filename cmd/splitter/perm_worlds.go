package main

import (
	"github.com/splitter-dev/splitter/rng"
)

// permWorlds lists the --compat worlds of perm.
func permWorlds() map[string]permWorld {
	return map[string]permWorld{
		// np.random.RandomState(s).permutation(n)
		"numpy": {seedUint32, func(s string, n int) ([]int, error) {
			seed, err := rng.ParseLegacySeed(s)
			if err != nil {
				return nil, err
			}
			return rng.NewRandomState(seed).Permutation(n), nil
		}},
		// np.random.default_rng(s).permutation(n)
		"generator": {seedNonNegative, func(s string, n int) ([]int, error) {
			seed, err := rng.ParseGeneratorSeed(s)
			if err != nil {
				return nil, err
			}
			g, err := rng.DefaultRNGBig(seed)
			if err != nil {
				return nil, err
			}
			return g.Permutation(n), nil
		}},
		// random.seed(s); x = list(range(n)); random.shuffle(x)
		"python": {seedAnyInt, func(s string, n int) ([]int, error) {
			seed, err := rng.ParsePySeed(s)
			if err != nil {
				return nil, err
			}
			x := make([]int, n)
			for i := range x {
				x[i] = i
			}
			rng.NewPyRandom(seed).Shuffle(n, func(i, j int) { x[i], x[j] = x[j], x[i] })
			return x, nil
		}},
		// torch.randperm(n, generator=torch.Generator().manual_seed(s))
		"torch": {seedTorch, func(s string, n int) ([]int, error) {
			seed, err := rng.ParseTorchSeed(s)
			if err != nil {
				return nil, err
			}
			return rng.NewTorchGenerator(seed).Randperm(n), nil
		}},
	}
}
