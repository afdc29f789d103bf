package sample

import (
	"fmt"
	"math"

	"github.com/splitter-dev/splitter/internal/pairwise"
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

// NumpySum equals numpy.sum on a float64 array, bit for bit (pairwise
// summation over 8192-element chunks, as numpy's add.reduce does).
func NumpySum(a []float64) float64 { return pairwise.Sum(a) }
