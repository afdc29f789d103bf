package sample

import (
	"fmt"
	"math"

	"github.com/splitter-dev/splitter/internal/py"
)

// RandomState is what pandas' random_state argument becomes: an object with
// numpy's choice(a, size, replace, p). *rng.RandomState (legacy
// numpy.random.RandomState) satisfies it, and so does any generator with
// the same Choice method; Generator adapts an *rng.Generator.
type RandomState interface {
	// Choice equals choice(a, size=size, replace=replace, p=p), p nil
	// meaning uniform.
	Choice(a, size int, replace bool, p []float64) ([]int, error)
}

// Options are the keyword arguments of DataFrame.sample and
// GroupBy.sample. A nil N and a nil Frac mean n=1, as in pandas; set them
// with new: Options{N: new(3)} is n=3, Options{Frac: new(0.5)} is frac=0.5.
type Options struct {
	// N is pandas' n: the number of rows (per group for GroupBy).
	N *int
	// Frac is pandas' frac: the fraction of rows, rounded half to even
	// (Python's round) per frame or per group.
	Frac *float64
	// Replace is pandas' replace: draw with replacement.
	Replace bool
	// Weights is pandas' weights, one per row; nil means equal weights.
	// NaN counts as zero; negative or infinite weights are errors.
	Weights []float64
	// FloatN records that pandas received n as a float with an integral
	// value (2.0): pandas accepts it, numpy's choice raises TypeError
	// (ErrFloatN) after its own checks. See CheckN.
	FloatN bool
	// RandomState is the generator, after pandas' random_state
	// conversion: see Seed, SeedArray and Generator. It is required.
	RandomState RandomState
}

// Size validates n and frac as pandas.core.sample.process_sampling_size
// does and returns the number of rows to draw from a frame of length rows:
// n, or round(frac*rows) with Python's round (half to even).
func Size(rows int, opt Options) (int, error) {
	n, err := processSize(opt)
	if err != nil {
		return 0, err
	}
	if n >= 0 {
		return n, nil
	}
	return fracSize(*opt.Frac, rows)
}

// processSize is process_sampling_size: it returns n, or -1 when frac
// decides the size.
func processSize(opt Options) (int, error) {
	switch {
	case opt.N == nil && opt.Frac == nil:
		return 1, nil
	case opt.N != nil && opt.Frac != nil:
		return 0, fmt.Errorf("sample: %w", ErrNAndFrac)
	case opt.N != nil:
		if *opt.N < 0 {
			return 0, fmt.Errorf("sample: %w", ErrNegativeN)
		}
		return *opt.N, nil
	}
	f := *opt.Frac
	if f > 1 && !opt.Replace {
		return 0, fmt.Errorf("sample: %w", ErrUpsample)
	}
	if f < 0 {
		return 0, fmt.Errorf("sample: %w", ErrNegativeFrac)
	}
	return -1, nil
}

// maxSize bounds the sizes drawn: numpy would raise MemoryError long
// before (2**36 int64 indices are 512 GiB).
const maxSize = 1 << 36

// fracSize is Python's round(frac * rows).
func fracSize(frac float64, rows int) (int, error) {
	x := frac * float64(rows)
	if math.IsNaN(x) {
		return 0, fmt.Errorf("sample: %w", ErrFracNaN)
	}
	if math.IsInf(x, 0) {
		return 0, fmt.Errorf("sample: %w", ErrFracInf)
	}
	r := math.RoundToEven(x)
	if r > maxSize {
		return 0, fmt.Errorf("sample: frac*len = %g: %w", x, ErrSizeTooLarge)
	}
	return int(r), nil
}

// CheckN validates an n given as a float (say, parsed from text) as
// pandas' process_sampling_size does: a negative n is ErrNegativeN, a
// fractional (or NaN, infinite) n is ErrNotIntegerN. An integral n such as
// 2.0 passes pandas' checks and is returned as an int; numpy's choice then
// raises TypeError unless an earlier error wins: set Options.FloatN to
// reproduce that.
func CheckN(n float64) (int, error) {
	if n < 0 {
		return 0, fmt.Errorf("sample: %w", ErrNegativeN)
	}
	if math.IsNaN(n) || math.IsInf(n, 0) || n != math.Trunc(n) {
		return 0, fmt.Errorf("sample: %w", ErrNotIntegerN)
	}
	if n > maxSize {
		return 0, fmt.Errorf("sample: n=%g: %w", n, ErrSizeTooLarge)
	}
	return int(n), nil
}

// floatNErr is numpy's TypeError for a float size.
func floatNErr(n int) error {
	return fmt.Errorf("sample: %w, got '%s'", ErrFloatN, py.FloatRepr(float64(n)))
}

// Frame equals DataFrame.sample(n, frac, replace, weights, random_state)
// on a frame of length rows: it returns the positions (iloc) of the drawn
// rows in the order pandas returns them. The checks run in pandas' order:
// size, then weights, then numpy's choice.
func Frame(rows int, opt Options) ([]int, error) {
	if opt.RandomState == nil {
		return nil, fmt.Errorf("sample: %w", ErrNoRandomState)
	}
	size, err := Size(rows, opt)
	if err != nil {
		return nil, err
	}
	if size > maxSize {
		return nil, fmt.Errorf("sample: n=%d: %w", size, ErrSizeTooLarge)
	}
	var w []float64
	if opt.Weights != nil {
		if w, err = PreprocessWeights(opt.Weights, rows); err != nil {
			return nil, err
		}
	}
	idx, err := draw(rows, size, opt.Replace, w, opt.RandomState)
	if err == nil && opt.FloatN && opt.N != nil {
		return nil, floatNErr(*opt.N)
	}
	return idx, err
}

// Shuffle equals DataFrame.sample(frac=1, random_state=rs): a permutation
// of the rows 0..rows-1.
func Shuffle(rows int, rs RandomState) ([]int, error) {
	one := 1.0
	return Frame(rows, Options{Frac: &one, RandomState: rs})
}

// draw is pandas.core.sample.sample: normalise the weights by their numpy
// sum and call choice.
func draw(rows, size int, replace bool, w []float64, rs RandomState) ([]int, error) {
	var p []float64
	if w != nil {
		total := NumpySum(w)
		if total == 0 {
			return nil, fmt.Errorf("sample: %w", ErrWeightsZero)
		}
		p = make([]float64, len(w))
		for i, x := range w {
			p[i] = x / total
		}
	}
	idx, err := rs.Choice(rows, size, replace, p)
	if err != nil {
		return nil, fmt.Errorf("sample: %w", err)
	}
	return idx, nil
}

// Labels returns the index labels pandas gives the result of a sample of a
// frame with the default RangeIndex: the positions themselves, or 0..k-1
// with ignore_index=True.
func Labels(positions []int, ignoreIndex bool) []int {
	out := make([]int, len(positions))
	for i, p := range positions {
		if ignoreIndex {
			out[i] = i
		} else {
			out[i] = p
		}
	}
	return out
}
