package split

import (
	"slices"
)

// splitPinned is StratifiedGroupKFold.split of release v: variant A
// (1.0–1.7) shuffles the rows of the per-group class counts while their
// positions keep naming groups; variant B (1.8+) carries the permutation
// through to the group ids; 1.9 also refuses n_splits > n_groups.
func (s StratifiedGroupKFold) splitPinned(y, groups Labels) ([]Fold, error) {
	v := s.Version
	if v.before(1, 0, 0) {
		return nil, newErr(ErrNotInVersion, "StratifiedGroupKFold does not exist in scikit-learn %s (added in 1.0)", v)
	}
	if err := v.kfoldArgs(s.NSplits, s.Shuffle, s.RandomState); err != nil {
		return nil, err
	}
	n := y.Len()
	if groups.IsNone() {
		return nil, newErr(ErrNoGroups, "The 'groups' parameter should not be None.")
	}
	if groups.Len() != n {
		return nil, inconsistent(n, n, groups.Len())
	}
	if err := v.kfoldSamples(s.NSplits, n); err != nil {
		return nil, err
	}
	var r interface {
		Permutation(n int) []int
	}
	if s.Shuffle {
		r = s.RandomState.check()
	}
	if err := checkTarget(y); err != nil {
		return nil, err
	}
	yCnt := make([]int, y.k)
	for _, c := range y.codes {
		yCnt[c]++
	}
	all := true
	for _, c := range yCnt {
		if s.NSplits <= c {
			all = false
		}
	}
	if all {
		return nil, newErr(ErrClassTooSmall, "n_splits=%d cannot be greater than the number of members in each class.", s.NSplits)
	}
	nc, ng := y.k, groups.k
	if !v.before(1, 9, 0) && s.NSplits > ng {
		return nil, newErr(ErrTooManySplits, "Cannot have number of splits n_splits=%d greater than the number of groups: %d.", s.NSplits, ng)
	}
	if groups.kind == kindString && groups.nan {
		return nil, errMixedObject
	}
	counts := make([][]float64, ng)
	for g := range counts {
		counts[g] = make([]float64, nc)
	}
	for i, c := range y.codes {
		counts[groups.codes[i]][c]++
	}
	// ids[row] is the group a row of counts belongs to (variant B), or
	// the row number itself (variant A, where shuffled rows keep the
	// position's group id).
	ids := pyArange(0, ng)
	if r != nil {
		perm := r.Permutation(ng)
		shuffled := make([][]float64, ng)
		for i, p := range perm {
			shuffled[i] = counts[p]
		}
		counts = shuffled
		if !v.before(1, 8, 0) {
			ids = perm
		}
	}
	stds := make([]float64, ng)
	for g, row := range counts {
		stds[g] = -npStdRow(row)
	}
	order := pyArange(0, ng)
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case stds[a] < stds[b]:
			return -1
		case stds[a] > stds[b]:
			return 1
		}
		return 0
	})
	foldCounts := make([][]float64, s.NSplits)
	for f := range foldCounts {
		foldCounts[f] = make([]float64, nc)
	}
	yCntF := make([]float64, nc)
	for c, cnt := range yCnt {
		yCntF[c] = float64(cnt)
	}
	groupFold := make([]int, ng)
	for _, gi := range order {
		best := sgkfBestFold(foldCounts, yCntF, counts[gi])
		for c := range nc {
			foldCounts[best][c] += counts[gi][c]
		}
		groupFold[ids[gi]] = best
	}
	assign := make([]int, n)
	for i, g := range groups.codes {
		assign[i] = groupFold[g]
	}
	return foldsFromAssignment(assign, s.NSplits), nil
}
