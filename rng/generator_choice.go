package rng

import (
	"math"
	"sort"
)

// Choice equals Generator.choice(pop, size=n, replace=replace, p=p,
// shuffle=shuffle) for an integer population (or an array of length pop:
// the result indexes it, as numpy's a.take(idx) does). p may be nil.
//
//   - replace, no p: Generator.integers(0, pop, n) (Lemire);
//   - replace, p: searchsorted(cumsum(p)/total, random(n), side='right');
//   - no replace, p: numpy's repeated draw-and-drop loop;
//   - no replace, no p: Floyd's algorithm (then a Lemire Fisher-Yates when
//     shuffle), or, when pop > 10000 and n > pop/50 (pop/20 without
//     shuffle), a partial Fisher-Yates over the tail of arange(pop).
//
// Errors carry numpy's messages: "a must be a positive integer unless no
// samples are taken" (ErrPopulation), "negative dimensions are not
// allowed", "Cannot take a larger sample than population when replace is
// False", "Fewer non-zero entries in p than size" (ErrSize), "a and p must
// have same size", "probabilities contain NaN", "probabilities are not
// non-negative", "probabilities do not sum to 1" (ErrProbabilities).
func (g *Generator) Choice(pop, n int, replace bool, p []float64, shuffle bool) ([]int, error) {
	return g.genChoice(pop, n, replace, p, shuffle, false)
}

// ChoiceArray is Choice for an array population of length pop: the same
// draws, with numpy's message for an empty array ("a cannot be empty
// unless no samples are taken").
func (g *Generator) ChoiceArray(pop, n int, replace bool, p []float64, shuffle bool) ([]int, error) {
	return g.genChoice(pop, n, replace, p, shuffle, true)
}

func (g *Generator) genChoice(pop, n int, replace bool, p []float64, shuffle, isArray bool) ([]int, error) {
	if pop <= 0 && n != 0 {
		if isArray {
			return nil, npErr(ErrPopulation, "a cannot be empty unless no samples are taken")
		}
		return nil, npErr(ErrPopulation, "a must be a positive integer unless no samples are taken")
	}
	if p != nil {
		if len(p) != pop {
			return nil, npErr(ErrProbabilities, "a and p must have same size")
		}
		s := npKahanSum(p)
		if math.IsNaN(s) {
			return nil, npErr(ErrProbabilities, "probabilities contain NaN")
		}
		for _, v := range p {
			if v < 0 {
				return nil, npErr(ErrProbabilities, "probabilities are not non-negative")
			}
		}
		if math.Abs(s-1) > npPAtol {
			return nil, npErr(ErrProbabilities, "probabilities do not sum to 1")
		}
	}
	if replace {
		if n < 0 {
			return nil, npNegativeSize()
		}
		if p != nil {
			cdf := npCDF(p)
			out := make([]int, n)
			for i := range out {
				out[i] = genSearchRight(cdf, g.Random())
			}
			return out, nil
		}
		v, err := g.Integers(0, int64(pop), n, false)
		if err != nil {
			return nil, err
		}
		out := make([]int, n)
		for i, x := range v {
			out[i] = int(x)
		}
		return out, nil
	}
	if n > pop {
		return nil, npErr(ErrSize, "Cannot take a larger sample than population when replace is False")
	}
	if n < 0 {
		return nil, npNegativeSize()
	}
	if p != nil {
		nz := 0
		for _, v := range p {
			if v > 0 {
				nz++
			}
		}
		if nz < n {
			return nil, npErr(ErrSize, "Fewer non-zero entries in p than size")
		}
		return npChoiceDrop(p, n, g.Random, genSearchRight), nil
	}
	cutoff := 50
	if !shuffle {
		cutoff = 20
	}
	if pop > 10000 && n > pop/cutoff {
		return g.genTailShuffle(pop, n), nil
	}
	return g.genFloyd(pop, n, shuffle), nil
}

// genSearchRight is numpy's cdf.searchsorted(x, side='right'): the number
// of entries <= x (NaN sorts last, as in numpy).
func genSearchRight(cdf []float64, x float64) int {
	return sort.Search(len(cdf), func(i int) bool { return genLess(x, cdf[i]) })
}

// genLess is numpy's float ordering with NaN last.
func genLess(a, b float64) bool {
	return a < b || (b != b && a == a)
}

// genTailShuffle is choice's large-population path: Lemire Fisher-Yates
// from the top of arange(pop) down to max(pop-n, 1), keeping the last n.
func (g *Generator) genTailShuffle(pop, n int) []int {
	idx := make([]int, pop)
	for i := range idx {
		idx[i] = i
	}
	g.genShuffleLemire(idx, max(pop-n, 1))
	return append([]int(nil), idx[pop-n:]...)
}

// genShuffleLemire is numpy's _shuffle_int(bitgen, n, first, data): for
// i = n-1 down to first, swap data[i] with data[bounded(0, i)] (Lemire).
func (g *Generator) genShuffleLemire(a []int, first int) {
	for i := len(a) - 1; i >= first; i-- {
		j := int(g.genBounded(uint64(i)))
		a[i], a[j] = a[j], a[i]
	}
}

// genFloyd is Floyd's sampling without replacement as numpy's choice runs
// it, then (with shuffle) a Lemire Fisher-Yates of the result.
func (g *Generator) genFloyd(pop, n int, shuffle bool) []int {
	out := make([]int, n)
	seen := make(map[int]struct{}, n)
	for j := pop - n; j < pop; j++ {
		v := int(g.genBounded(uint64(j)))
		if _, dup := seen[v]; dup {
			v = j
		}
		seen[v] = struct{}{}
		out[j-(pop-n)] = v
	}
	if shuffle {
		g.genShuffleLemire(out, 1)
	}
	return out
}
