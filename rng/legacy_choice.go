package rng

import (
	"math"
	"sort"
)

// Choice equals RandomState.choice(a, size, replace, p) for an integer
// population a (indices 0..a-1; for an array population index it with
// the result). p nil means uniform. size=None draws exactly as size=1.
//
//   - replace, no p: randint(0, a, size) (int64 masked rejection);
//   - replace, p: searchsorted(cumsum(p)/sum, random_sample(size), 'right');
//   - no replace, no p: permutation(a)[:size] (the whole population is shuffled);
//   - no replace, p: numpy's repeated draw-and-zero loop.
//
// Errors carry numpy's messages and wrap ErrPopulation, ErrProbabilities or
// ErrSize, checked in numpy's order.
func (r *RandomState) Choice(a int, size int, replace bool, p []float64) ([]int, error) {
	if a <= 0 && size != 0 {
		return nil, npErr(ErrPopulation, "a must be greater than 0 unless no samples are taken")
	}
	pop := a
	if pop < 0 {
		pop = 0
	}
	if p != nil {
		if err := legacyCheckP(p, a); err != nil {
			return nil, err
		}
	}
	if replace {
		if size < 0 {
			return nil, npNegativeSize()
		}
		out := make([]int, size)
		if p != nil {
			cdf := npCDF(p)
			for i := range out {
				out[i] = legacySearchRight(cdf, r.mt.Float64())
			}
			return out, nil
		}
		if size == 0 {
			return out, nil
		}
		rng := uint64(pop - 1)
		for i := range out {
			out[i] = int(r.legacyBounded64(0, rng))
		}
		return out, nil
	}
	if size > a {
		return nil, npErr(ErrSize, "Cannot take a larger sample than population when 'replace=False'")
	}
	if size < 0 {
		return nil, npErr(ErrSize, "Negative dimensions are not allowed")
	}
	if p == nil {
		return r.Permutation(pop)[:size:size], nil
	}
	nonzero := 0
	for _, v := range p {
		if v > 0 {
			nonzero++
		}
	}
	if nonzero < size {
		return nil, npErr(ErrSize, "Fewer non-zero entries in p than size")
	}
	return npChoiceDrop(p, size, r.mt.Float64, legacySearchRight), nil
}

// legacyCheckP applies choice's checks of p in numpy's order.
func legacyCheckP(p []float64, pop int) error {
	if len(p) != pop {
		return npErr(ErrProbabilities, "'a' and 'p' must have same size")
	}
	sum := npKahanSum(p)
	if math.IsNaN(sum) {
		return npErr(ErrProbabilities, "probabilities contain NaN")
	}
	for _, v := range p {
		if v < 0 {
			return npErr(ErrProbabilities, "probabilities are not non-negative")
		}
	}
	if !(math.Abs(sum-1) <= npPAtol) {
		return npErr(ErrProbabilities, "probabilities do not sum to 1")
	}
	return nil
}

// legacySearchRight is searchsorted(cdf, u, side='right'): the first index
// whose cdf value is > u.
func legacySearchRight(cdf []float64, u float64) int {
	return sort.Search(len(cdf), func(i int) bool { return cdf[i] > u })
}
