package split

import (
	"math"
	"slices"

	"github.com/splitter-dev/splitter/rng"
)

// StratifiedGroupKFold is
// sklearn.model_selection.StratifiedGroupKFold(n_splits, shuffle,
// random_state) of scikit-learn 1.0–1.7: non-overlapping groups, folds
// balanced greedily on the class distribution.
type StratifiedGroupKFold struct {
	NSplits     int
	Shuffle     bool
	RandomState RandomState
	Version     Version // scikit-learn release pinned (zero: today's, 1.2.1)
}

// Split is StratifiedGroupKFold.split(X, y, groups) with len(X) ==
// y.Len(). As in scikit-learn ≤ 1.7, shuffle=True shuffles the rows of the
// per-group class-count matrix while their positions keep naming groups.
//
// A pinned Version selects its release's variant (the zero Version is
// 1.2.1): from 1.8 the permutation carries through to the group ids, and
// 1.9 also refuses n_splits > n_groups; before 1.0 the class does not exist.
func (s StratifiedGroupKFold) Split(y, groups Labels) ([]Fold, error) {
	assign, err := s.TestFolds(y, groups)
	if err != nil {
		return nil, err
	}
	return FoldsOf(assign, s.NSplits), nil
}

// TestFolds is, for each sample, the fold whose test set holds it:
// TestFolds(Split(...), n) (the `fold` column of `splitter kfold`),
// without building the folds' index sets.
func (s StratifiedGroupKFold) TestFolds(y, groups Labels) ([]int, error) {
	v := s.Version
	b := v.behaviour()
	if b.sgkf == sgkfAbsent {
		return nil, newErr(ErrNotInVersion, "StratifiedGroupKFold does not exist in scikit-learn %s (added in %s)", v,
			firstRelease(func(b behaviour) bool { return b.sgkf != sgkfAbsent }))
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
	var r *rng.RandomState
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
	if b.sgkfGroupsCheck && s.NSplits > ng {
		return nil, newErr(ErrTooManySplits, "Cannot have number of splits n_splits=%d greater than the number of groups: %d.", s.NSplits, ng)
	}
	if groups.mixedObject() {
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
	// position's group id). rng.shuffle of the rows makes the draws of
	// rng.permutation.
	ids := arange(0, ng)
	if r != nil {
		perm := r.Permutation(ng)
		shuffled := make([][]float64, ng)
		for i, p := range perm {
			shuffled[i] = counts[p]
		}
		counts = shuffled
		if b.sgkf == sgkfGroupIDs {
			ids = perm
		}
	}
	stds := make([]float64, ng)
	for g, row := range counts {
		stds[g] = -npStdRow(row)
	}
	order := arange(0, ng)
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
	return assign, nil
}

// sgkfBestFold is StratifiedGroupKFold._find_best_fold, with numpy's
// order of floating-point operations.
func sgkfBestFold(foldCounts [][]float64, yCnt, group []float64) int {
	k, nc := len(foldCounts), len(yCnt)
	best := -1
	minEval := math.Inf(1)
	minSize := math.Inf(1)
	ratio := make([][]float64, k)
	for f := range ratio {
		ratio[f] = make([]float64, nc)
	}
	stdPerClass := make([]float64, nc)
	col := make([]float64, k)
	for i := range k {
		for c := range nc {
			foldCounts[i][c] += group[c]
		}
		for f := range k {
			for c := range nc {
				ratio[f][c] = foldCounts[f][c] / yCnt[c]
			}
		}
		for c := range nc {
			for f := range k {
				col[f] = ratio[f][c]
			}
			stdPerClass[c] = npStdAxis0(col, nc == 1)
		}
		for c := range nc {
			foldCounts[i][c] -= group[c]
		}
		eval := npSum(stdPerClass) / float64(nc)
		size := npSum(foldCounts[i])
		if eval < minEval || npIsClose(eval, minEval) && size < minSize {
			minEval, minSize, best = eval, size, i
		}
	}
	return best
}

// npIsClose is np.isclose(a, b) with rtol=1e-5, atol=1e-8.
func npIsClose(a, b float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= 1e-8+1e-5*math.Abs(b)
}

// npStdRow is np.std of one contiguous row (pairwise sums).
func npStdRow(x []float64) float64 {
	n := float64(len(x))
	mean := npSum(x) / n
	d := make([]float64, len(x))
	for i, v := range x {
		d[i] = (v - mean) * (v - mean)
	}
	return math.Sqrt(npSum(d) / n)
}

// npStdAxis0 is one column of np.std(a, axis=0) for a C-ordered matrix:
// numpy adds the rows one after another, unless the matrix has a single
// column, when the reduction is a contiguous (pairwise) one.
func npStdAxis0(col []float64, contiguous bool) float64 {
	n := float64(len(col))
	sum := func(x []float64) float64 {
		if contiguous {
			return npSum(x)
		}
		s := 0.0
		for _, v := range x {
			s += v
		}
		return s
	}
	mean := sum(col) / n
	d := make([]float64, len(col))
	for i, v := range col {
		d[i] = (v - mean) * (v - mean)
	}
	return math.Sqrt(sum(d) / n)
}
