package recipe

import (
	"fmt"
	"math"

	"github.com/splitter-dev/splitter/internal/pages"
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

// Permutation32 is Permutation in 4-byte indices, half the memory (40 MB
// less at N = 10 million), where the call is drawn in them: numpy's
// RandomState(S).permutation(N) for N < 2**31, whose shuffle moves
// 4-byte indices with the same draws. ok is false for the other calls
// and larger N: use Permutation.
func (r *Recipe) Permutation32() (p []int32, ok bool, err error) {
	n := r.N.Int()
	if r.Call != NumpyPermutation || n > math.MaxInt32 {
		return nil, false, nil
	}
	v, err := r.legacySeed()
	if err != nil {
		return nil, true, err
	}
	p = make([]int32, max(n, 0))
	pages.Populate(p)
	rng.NewRandomState(v).PermutationInto(p)
	return p, true, nil
}
