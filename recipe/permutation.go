package recipe

import (
	"fmt"

	"github.com/splitter-dev/splitter/rng"
)

// Permutation is the permutation of 0..N-1 a perm recipe names:
// np.random.RandomState(S).permutation(N), np.random.default_rng(S)
// .permutation(N), random.seed(S); x = list(range(N)); random.shuffle(x),
// or torch.randperm(N, generator=torch.Generator().manual_seed(S)).
func (r *Recipe) Permutation() ([]int, error) {
	n := r.N.Int()
	switch r.Call {
	case NumpyPermutation:
		v, err := r.legacySeed()
		if err != nil {
			return nil, err
		}
		return rng.NewRandomState(v).Permutation(n), nil
	case GeneratorPermutation:
		v, err := r.generatorSeed()
		if err != nil {
			return nil, err
		}
		g, err := rng.DefaultRNGBig(v)
		if err != nil {
			return nil, r.seedErr(err)
		}
		return g.Permutation(n), nil
	case PythonPermutation:
		g, err := r.pyRandom()
		if err != nil {
			return nil, err
		}
		x := make([]int, n)
		for i := range x {
			x[i] = i
		}
		g.Shuffle(n, func(i, j int) { x[i], x[j] = x[j], x[i] })
		return x, nil
	case TorchPermutation:
		g, err := r.torchGenerator()
		if err != nil {
			return nil, err
		}
		return g.Randperm(n), nil
	}
	return nil, fmt.Errorf("recipe %s is not a permutation", r.Call)
}
