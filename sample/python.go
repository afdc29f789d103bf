package sample

import "fmt"

// PyRandom is Python's random.Random as package rng ports it
// (*rng.PyRandom): the three calls that select rows.
type PyRandom interface {
	// Shuffle equals random.shuffle on a sequence of length n.
	Shuffle(n int, swap func(i, j int))
	// Sample equals random.sample(range(n), k).
	Sample(n, k int) ([]int, error)
	// Choices equals random.choices(range(n), weights, k=k).
	Choices(n int, weights []float64, k int) ([]int, error)
}

// PyShuffle equals x = list(range(rows)); random.shuffle(x): the row
// positions in Python's shuffled order.
func PyShuffle(r PyRandom, rows int) []int {
	x := make([]int, rows)
	for i := range x {
		x[i] = i
	}
	r.Shuffle(rows, func(i, j int) { x[i], x[j] = x[j], x[i] })
	return x
}

// PySample equals random.sample(range(rows), k): k distinct row positions
// in Python's order.
func PySample(r PyRandom, rows, k int) ([]int, error) {
	idx, err := r.Sample(rows, k)
	if err != nil {
		return nil, fmt.Errorf("sample: random.sample: %w", err)
	}
	return idx, nil
}

// PyChoices equals random.choices(range(rows), weights, k=k): k row
// positions drawn with replacement; weights nil means equal weights.
func PyChoices(r PyRandom, rows int, weights []float64, k int) ([]int, error) {
	idx, err := r.Choices(rows, weights, k)
	if err != nil {
		return nil, fmt.Errorf("sample: random.choices: %w", err)
	}
	return idx, nil
}
