package sample

import (
	"fmt"
	"math"
)

// PreprocessWeights equals pandas.core.sample.preprocess_weights for
// weights given per row: it checks the length, rejects ±inf and negative
// weights (in that order) and returns a copy with NaN replaced by 0. The
// weights are not normalised (that happens per frame or per group).
func PreprocessWeights(weights []float64, rows int) ([]float64, error) {
	if len(weights) != rows {
		return nil, fmt.Errorf("sample: %d weights for %d rows: %w", len(weights), rows, ErrWeightsLength)
	}
	for _, w := range weights {
		if math.IsInf(w, 0) {
			return nil, fmt.Errorf("sample: %w", ErrWeightsInf)
		}
	}
	out := make([]float64, len(weights))
	for i, w := range weights {
		if w < 0 {
			return nil, fmt.Errorf("sample: weight %v at row %d: %w", w, i, ErrWeightsNegative)
		}
		if math.IsNaN(w) {
			w = 0
		}
		out[i] = w
	}
	return out, nil
}

// numpyBuffer is the length of the chunks numpy's add.reduce hands its
// pairwise summation (NPY_BUFSIZE).
const numpyBuffer = 8192

// NumpySum equals numpy.sum on a float64 array, bit for bit: 0.0 plus the
// pairwise sums (numpy's pairwise_sum_DOUBLE) of consecutive 8192-element
// chunks.
func NumpySum(a []float64) float64 {
	s := 0.0
	for lo := 0; lo < len(a); lo += numpyBuffer {
		s += pairwiseSum(a[lo:min(lo+numpyBuffer, len(a))])
	}
	return s
}

// pairwiseSum is numpy's pairwise_sum_DOUBLE: eight accumulators up to
// 128 elements, halving (at a multiple of 8) above.
func pairwiseSum(a []float64) float64 {
	n := len(a)
	switch {
	case n < 8:
		s := 0.0
		for _, x := range a {
			s += x
		}
		return s
	case n <= 128:
		var r [8]float64
		copy(r[:], a[:8])
		i := 8
		for ; i < n-n%8; i += 8 {
			for j := range 8 {
				r[j] += a[i+j]
			}
		}
		s := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			s += a[i]
		}
		return s
	default:
		n2 := n / 2
		n2 -= n2 % 8
		return pairwiseSum(a[:n2]) + pairwiseSum(a[n2:])
	}
}
