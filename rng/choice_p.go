package rng

// npPAtol is sqrt(finfo(float64).eps) = 2**-26 exactly: choice's tolerance
// on sum(p).
const npPAtol = 0x1p-26

// npKahanSum is numpy's kahan_sum over p, which RandomState.choice and
// Generator.choice check against 1. numpy reads p[0] even when p is empty;
// an empty p sums to 0 here and is reported as not summing to 1.
func npKahanSum(p []float64) float64 {
	if len(p) == 0 {
		return 0
	}
	sum, c := p[0], 0.0
	for _, v := range p[1:] {
		y := v - c
		t := sum + y
		c = (t - sum) - y
		sum = t
	}
	return sum
}

// npCDF is choice's cdf = p.cumsum(); cdf /= cdf[-1]: a sequential sum,
// then one division per element.
func npCDF(p []float64) []float64 {
	cdf := make([]float64, len(p))
	s := 0.0
	for i, v := range p {
		s += v
		cdf[i] = s
	}
	if len(cdf) > 0 {
		last := cdf[len(cdf)-1]
		for i := range cdf {
			cdf[i] /= last
		}
	}
	return cdf
}

// npChoiceDrop is choice(a, size, replace=False, p=p)'s loop, the same in
// RandomState and Generator: draw as many uniforms as indices are still
// missing, zero the found entries of p, rebuild the cdf, and keep each
// index hit for the first time in this round, in draw order (numpy's
// np.unique(new, return_index=True) then sort of the indices).
func npChoiceDrop(p []float64, size int, uniform func() float64, search func(cdf []float64, u float64) int) []int {
	q := make([]float64, len(p))
	copy(q, p)
	found := make([]int, 0, size)
	seen := make(map[int]bool, size)
	x := make([]float64, size)
	for len(found) < size {
		x = x[:size-len(found)]
		for i := range x {
			x[i] = uniform()
		}
		for _, f := range found {
			q[f] = 0
		}
		cdf := npCDF(q)
		clear(seen)
		for _, u := range x {
			k := search(cdf, u)
			if !seen[k] {
				seen[k] = true
				found = append(found, k)
			}
		}
	}
	return found
}
