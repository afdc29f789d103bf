package rng

import (
	"errors"
	"fmt"
)

// ErrAxis is numpy's AxisError ("axis 2 is out of bounds for array of
// dimension 2").
var ErrAxis = errors.New("axis out of bounds")

// PermutedAll equals Generator.permuted(x) (axis=None) for a C-contiguous
// (row-major) array of the given shape: the array is shuffled as one flat
// sequence. It returns the index map: result.flat[k] = x.flat[idx[k]].
func (g *Generator) PermutedAll(shape ...int) ([]int, error) {
	n, err := genShapeSize(shape)
	if err != nil {
		return nil, err
	}
	return g.Permutation(n), nil
}

// Permuted equals Generator.permuted(x, axis=axis) for a C-contiguous
// (row-major) array of the given shape: each 1-D lane along axis (negative
// counts from the end) is shuffled independently, lanes taken in C order of
// the other indices, the stream running on from lane to lane. It returns
// the index map: result.flat[k] = x.flat[idx[k]]. For a rows×cols matrix,
// axis 0 shuffles within each column, axis 1 within each row.
func (g *Generator) Permuted(axis int, shape ...int) ([]int, error) {
	n, err := genShapeSize(shape)
	if err != nil {
		return nil, err
	}
	nd := len(shape)
	if axis < -nd || axis >= nd {
		return nil, npErr(ErrAxis, fmt.Sprintf("axis %d is out of bounds for array of dimension %d", axis, nd))
	}
	if axis < 0 {
		axis += nd
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	if n == 0 {
		return idx, nil
	}
	stride := 1
	for _, d := range shape[axis+1:] {
		stride *= d
	}
	axLen := shape[axis]
	outer := n / (axLen * stride)
	// C order over the other axes: outer index (axes before), then inner
	// (axes after).
	for o := 0; o < outer; o++ {
		for in := 0; in < stride; in++ {
			base := o*axLen*stride + in
			g.Shuffle(axLen, func(i, j int) {
				a, b := base+i*stride, base+j*stride
				idx[a], idx[b] = idx[b], idx[a]
			})
		}
	}
	return idx, nil
}

func genShapeSize(shape []int) (int, error) {
	n := 1
	for _, d := range shape {
		if d < 0 {
			return 0, npNegativeSize()
		}
		n *= d
	}
	return n, nil
}
