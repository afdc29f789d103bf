package main

import (
	"github.com/splitter-dev/splitter/rng"
)

// permWorlds lists the --compat worlds of perm.
func permWorlds() map[string]permWorld {
	return map[string]permWorld{
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
