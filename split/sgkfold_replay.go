package split

import (
	"slices"
)

// SGKFReplay replays StratifiedGroupKFold(n_splits, shuffle=True)'s
// greedy allocation for one permutation of the groups at a time, placing
// groups in the order Split does and reporting each placement as it is
// made, so that a seed search can stop at the first group placed where
// it is not wanted. Not safe for concurrent use (it reuses buffers).
type SGKFReplay struct {
	k        int
	counts   [][]float64 // class counts of each group
	negStd   []float64   // -np.std of each group's counts
	yCnt     []float64
	groupIDs bool // variant B: the permutation carries through to the group ids
	order    []int
	stds     []float64
	fold     [][]float64
}

// NewSGKFReplay prepares the replay of StratifiedGroupKFold{NSplits: k,
// Shuffle: true, Version: v}.Split(y, groups).
func NewSGKFReplay(k int, y, groups Labels, v Version) *SGKFReplay {
	r := &SGKFReplay{k: k, counts: make([][]float64, groups.k), negStd: make([]float64, groups.k),
		yCnt: make([]float64, y.k), groupIDs: v.behaviour().sgkf == sgkfGroupIDs,
		order: make([]int, groups.k), stds: make([]float64, groups.k), fold: make([][]float64, k)}
	for g := range r.counts {
		r.counts[g] = make([]float64, y.k)
	}
	for i, c := range y.codes {
		r.counts[groups.codes[i]][c]++
		r.yCnt[c]++
	}
	for g, row := range r.counts {
		r.negStd[g] = -npStdRow(row)
	}
	for f := range r.fold {
		r.fold[f] = make([]float64, y.k)
	}
	return r
}

// Run places the groups as Split does after rng.shuffle of the count rows
// drew perm (perm[i]: the group whose counts land in row i, as
// RandomState.permutation(n_groups) gives it), calling ok(group, fold) for
// each group as it is placed (group as Split's result numbers it); it
// stops at the first false and reports whether every call returned true.
func (r *SGKFReplay) Run(perm []int, ok func(group, fold int) bool) bool {
	for i, p := range perm {
		r.order[i], r.stds[i] = i, r.negStd[p]
	}
	slices.SortStableFunc(r.order, func(a, b int) int {
		switch {
		case r.stds[a] < r.stds[b]:
			return -1
		case r.stds[a] > r.stds[b]:
			return 1
		}
		return 0
	})
	for _, f := range r.fold {
		clear(f)
	}
	for _, gi := range r.order {
		row := r.counts[perm[gi]]
		best := sgkfBestFold(r.fold, r.yCnt, row)
		for c, v := range row {
			r.fold[best][c] += v
		}
		id := gi
		if r.groupIDs {
			id = perm[gi]
		}
		if !ok(id, best) {
			return false
		}
	}
	return true
}
