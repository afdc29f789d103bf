package split

import (
	"slices"

	"github.com/splitter-dev/splitter/rng"
)

// This file holds the splitters' code paths under a Version pin
// (Version.IsPinned): each release's algorithm variant and raising rules,
// as listed by SklearnVariants. Pinned to 1.2.1 they equal the unpinned
// splitters.

// cont is the first line of the release's _approximate_mode.
func (v Version) cont() continuousFunc {
	if v.before(1, 0, 0) {
		return continuousMultiplyFirst
	}
	return continuousSklearn
}

// kfoldArgs is _BaseKFold.__init__ of release v.
func (v Version) kfoldArgs(nSplits int, shuffle bool, rs RandomState) error {
	if nSplits <= 1 {
		return newErr(ErrNSplits, "k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=%d.", nSplits)
	}
	if !shuffle && !rs.IsNone() && !v.before(0, 24, 0) {
		return newErr(ErrRandomStateWithoutShuffle, "Setting a random_state has no effect since shuffle is False. You should leave random_state to its default (None), or set shuffle=True.")
	}
	return nil
}

// kfoldSamples is _BaseKFold.split's n_splits check of release v.
func (v Version) kfoldSamples(nSplits, n int) error {
	if nSplits <= n {
		return nil
	}
	if v.before(0, 20, 0) {
		return newErr(ErrTooManySplits, "Cannot have number of splits n_splits=%d greater than the number of samples: %d.", nSplits, n)
	}
	return checkKFoldSamples(nSplits, n)
}

func (s ShuffleSplit) splitPinned(n int) ([]Fold, error) {
	nTrain, nTest, err := s.Version.sizes(n, s.TestSize, s.TrainSize, DefaultShuffleSplitTestSize)
	if err != nil {
		return nil, err
	}
	r := s.RandomState.check()
	var folds []Fold
	for range s.NSplits {
		perm := r.Permutation(n)
		folds = append(folds, Fold{Train: pySlice(perm, nTest, nTest+nTrain), Test: pySlice(perm, 0, nTest)})
	}
	return folds, nil
}

func (s StratifiedShuffleSplit) splitPinned(n int, y Labels) ([]Fold, error) {
	v := s.Version
	if err := y.checkFinite("y"); err != nil {
		return nil, err
	}
	if y.Len() != n {
		return nil, inconsistent(n, y.Len())
	}
	nTrain, nTest, err := v.sizes(n, s.TestSize, s.TrainSize, DefaultShuffleSplitTestSize)
	if err != nil {
		return nil, err
	}
	members, counts := classMembers(y.codes, y.k)
	if len(counts) > 0 && slices.Min(counts) < 2 && !v.before(1, 8, 0) {
		return nil, newErr(ErrClassTooSmall, "The least populated classes in y have only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.")
	}
	if err := checkStratifiedCounts(counts, nTrain, nTest); err != nil {
		return nil, err
	}
	r := s.RandomState.check()
	var folds []Fold
	for range s.NSplits {
		train, test := stratifiedShuffleOnce(members, counts, nTrain, nTest, r, v.cont(), legacyChoose(r))
		folds = append(folds, Fold{Train: train, Test: test})
	}
	return folds, nil
}

func (s GroupShuffleSplit) splitPinned(groups Labels) ([]Fold, error) {
	if groups.IsNone() {
		return nil, newErr(ErrNoGroups, "The 'groups' parameter should not be None.")
	}
	if err := groups.checkFinite("groups"); err != nil {
		return nil, err
	}
	nTrain, nTest, err := s.Version.sizes(groups.k, s.TestSize, s.TrainSize, DefaultGroupShuffleTestSize)
	if err != nil {
		return nil, err
	}
	r := s.RandomState.check()
	var folds []Fold
	side := make([]uint8, groups.k)
	for range s.NSplits {
		perm := r.Permutation(groups.k)
		clear(side)
		for _, g := range pySlice(perm, 0, nTest) {
			side[g] |= 2
		}
		for _, g := range pySlice(perm, nTest, nTest+nTrain) {
			side[g] |= 1
		}
		var f Fold
		for i, g := range groups.codes {
			if side[g]&1 != 0 {
				f.Train = append(f.Train, i)
			}
			if side[g]&2 != 0 {
				f.Test = append(f.Test, i)
			}
		}
		folds = append(folds, f)
	}
	return folds, nil
}

func trainTestSplitPinned(n int, opts TrainTestOptions) (train, test []int, err error) {
	v := opts.Version
	if opts.NoShuffle && v.before(0, 19, 0) {
		return nil, nil, newErr(ErrNotInVersion, "Invalid parameters passed: {'shuffle': False}")
	}
	testSize, trainSize := opts.TestSize, opts.TrainSize
	if v.before(0, 21, 0) {
		// test_size="default" → None; both None → 0.25; then passed on explicitly
		if testSize.IsNone() {
			testSize = NoneSize
			if trainSize.IsNone() {
				testSize = FloatSize(DefaultTrainTestTestSize)
			}
		}
		if trainSize.IsNone() {
			trainSize = NoneSize
		}
		if opts.NoShuffle {
			if !opts.Stratify.IsNone() {
				return nil, nil, newErr(ErrStratifyNoShuffle, "Stratified train/test split is not implemented for shuffle=False")
			}
			nTrain, nTest, err := oldSizeSplit(n, testSize, trainSize)
			if err != nil {
				return nil, nil, err
			}
			return pyArange(0, nTrain), pyArange(nTrain, nTrain+nTest), nil
		}
	} else {
		nTrain, nTest, err := validateShuffleSplit(n, testSize, trainSize, DefaultTrainTestTestSize)
		if err != nil {
			return nil, nil, err
		}
		if opts.NoShuffle {
			if !opts.Stratify.IsNone() {
				return nil, nil, newErr(ErrStratifyNoShuffle, "Stratified train/test split is not implemented for shuffle=False")
			}
			return pyArange(0, nTrain), pyArange(nTrain, nTrain+nTest), nil
		}
		testSize, trainSize = IntSize(nTest), IntSize(nTrain)
	}
	var folds []Fold
	if opts.Stratify.IsNone() {
		folds, err = ShuffleSplit{NSplits: 1, TestSize: testSize, TrainSize: trainSize, RandomState: opts.RandomState, Version: v}.splitPinned(n)
	} else {
		folds, err = StratifiedShuffleSplit{NSplits: 1, TestSize: testSize, TrainSize: trainSize, RandomState: opts.RandomState, Version: v}.splitPinned(n, opts.Stratify)
	}
	if err != nil {
		return nil, nil, err
	}
	return folds[0].Train, folds[0].Test, nil
}

// pyArange is np.arange(start, stop).
func pyArange(start, stop int) []int {
	out := make([]int, 0, max(0, stop-start))
	for i := start; i < stop; i++ {
		out = append(out, i)
	}
	return out
}

func (k KFold) splitPinned(n int) ([]Fold, error) {
	v := k.Version
	if err := v.kfoldArgs(k.NSplits, k.Shuffle, k.RandomState); err != nil {
		return nil, err
	}
	if err := v.kfoldSamples(k.NSplits, n); err != nil {
		return nil, err
	}
	return foldsFromAssignment(k.assign(n), k.NSplits), nil
}

func (s StratifiedKFold) splitPinned(y Labels) ([]Fold, error) {
	v := s.Version
	if err := v.kfoldArgs(s.NSplits, s.Shuffle, s.RandomState); err != nil {
		return nil, err
	}
	if err := y.checkFinite("y"); err != nil {
		return nil, err
	}
	if err := v.kfoldSamples(s.NSplits, y.Len()); err != nil {
		return nil, err
	}
	if err := checkTarget(y); err != nil {
		return nil, err
	}
	var assign []int
	var err error
	if variant := v.skfVariant(); variant == "C" {
		var shuffle func(n int, swap func(i, j int))
		if s.Shuffle {
			shuffle = s.RandomState.check().Shuffle
		}
		assign, err = stratifiedKFoldTestFolds(y.codes, y.k, s.NSplits, shuffle)
	} else {
		assign, err = s.oldTestFolds(y, variant == "B")
	}
	if err != nil {
		return nil, err
	}
	return foldsFromAssignment(assign, s.NSplits), nil
}

// oldTestFolds is StratifiedKFold._make_test_folds of scikit-learn ≤ 0.21:
// for each class in np.unique order, KFold(n_splits, shuffle) over
// max(count, n_splits) positions, trimmed to the class's members (in
// sample order). Variant A shuffles every class from one RandomState;
// variant B (0.19.0–0.20.3) hands the int random_state to every class's
// KFold, so each class is shuffled by a fresh RandomState(seed).
func (s StratifiedKFold) oldTestFolds(y Labels, reseed bool) ([]int, error) {
	members, counts := classMembers(y.codes, y.k)
	all := true
	for _, c := range counts {
		if s.NSplits <= c {
			all = false
		}
	}
	if all {
		if s.Version.before(0, 19, 0) {
			return nil, newErr(ErrClassTooSmall, "All the n_groups for individual classes are less than n_splits=%d.", s.NSplits)
		}
		return nil, newErr(ErrClassTooSmall, "n_splits=%d cannot be greater than the number of members in each class.", s.NSplits)
	}
	var shared *rng.RandomState
	if s.Shuffle && !(reseed && s.RandomState.kind == rsSeed) {
		shared = s.RandomState.check()
	}
	assign := make([]int, y.Len())
	for c, cnt := range counts {
		m := max(cnt, s.NSplits)
		idx := pyArange(0, m)
		if s.Shuffle {
			r := shared
			if r == nil {
				r = rng.NewRandomState(s.RandomState.seed)
			}
			r.Shuffle(m, func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		}
		cur := 0
		for f := range s.NSplits {
			size := m / s.NSplits
			if f < m%s.NSplits {
				size++
			}
			for _, p := range idx[cur : cur+size] {
				if p < cnt {
					assign[members[c][p]] = f
				}
			}
			cur += size
		}
	}
	return assign, nil
}

func (r RepeatedKFold) splitPinned(n int) ([]Fold, error) {
	if r.Version.before(0, 19, 0) {
		return nil, newErr(ErrNotInVersion, "RepeatedKFold does not exist in scikit-learn %s (added in 0.19)", r.Version)
	}
	if err := checkRepeats(r.NRepeats); err != nil {
		return nil, err
	}
	state := Shared(r.RandomState.check())
	var out []Fold
	for range r.NRepeats {
		f, err := KFold{NSplits: r.NSplits, Shuffle: true, RandomState: state, Version: r.Version}.splitPinned(n)
		if err != nil {
			return nil, err
		}
		out = append(out, f...)
	}
	return out, nil
}

func (r RepeatedStratifiedKFold) splitPinned(y Labels) ([]Fold, error) {
	if r.Version.before(0, 19, 0) {
		return nil, newErr(ErrNotInVersion, "RepeatedStratifiedKFold does not exist in scikit-learn %s (added in 0.19)", r.Version)
	}
	if err := checkRepeats(r.NRepeats); err != nil {
		return nil, err
	}
	state := Shared(r.RandomState.check())
	var out []Fold
	for range r.NRepeats {
		f, err := StratifiedKFold{NSplits: r.NSplits, Shuffle: true, RandomState: state, Version: r.Version}.splitPinned(y)
		if err != nil {
			return nil, err
		}
		out = append(out, f...)
	}
	return out, nil
}

func (g GroupKFold) splitPinned(groups Labels) ([]Fold, error) {
	v := g.Version
	if v.before(1, 6, 0) && (g.Shuffle || !g.RandomState.IsNone()) {
		kw := "shuffle"
		if !g.Shuffle {
			kw = "random_state"
		}
		return nil, newErr(ErrNotInVersion, "GroupKFold.__init__() got an unexpected keyword argument '%s'", kw)
	}
	if err := v.kfoldArgs(g.NSplits, g.Shuffle, g.RandomState); err != nil {
		return nil, err
	}
	if groups.IsNone() {
		return nil, newErr(ErrNoGroups, "The 'groups' parameter should not be None.")
	}
	if err := v.kfoldSamples(g.NSplits, groups.Len()); err != nil {
		return nil, err
	}
	if err := groups.checkFinite("groups"); err != nil {
		return nil, err
	}
	if g.NSplits > groups.k {
		return nil, newErr(ErrTooManySplits, "Cannot have number of splits n_splits=%d greater than the number of groups: %d.", g.NSplits, groups.k)
	}
	groupFold := make([]int, groups.k)
	if g.Shuffle {
		// np.array_split(rng.permutation(unique_groups), n_splits)
		perm := g.RandomState.check().Permutation(groups.k)
		cur := 0
		for f := range g.NSplits {
			size := groups.k / g.NSplits
			if f < groups.k%g.NSplits {
				size++
			}
			for _, gi := range perm[cur : cur+size] {
				groupFold[gi] = f
			}
			cur += size
		}
	} else {
		sizes := make([]int64, groups.k)
		for _, c := range groups.codes {
			sizes[c]++
		}
		var order []int
		if v.before(1, 9, 0) {
			order = npArgsortInt64(sizes)
		} else {
			order = pyArange(0, groups.k)
			slices.SortStableFunc(order, func(a, b int) int { return int(sizes[a] - sizes[b]) })
		}
		slices.Reverse(order)
		weight := make([]int64, g.NSplits)
		for _, gi := range order {
			lightest := 0
			for f := range weight {
				if weight[f] < weight[lightest] {
					lightest = f
				}
			}
			weight[lightest] += sizes[gi]
			groupFold[gi] = lightest
		}
	}
	assign := make([]int, groups.Len())
	for i, c := range groups.codes {
		assign[i] = groupFold[c]
	}
	return foldsFromAssignment(assign, g.NSplits), nil
}

// GroupKFoldTies reports whether GroupKFold (without shuffle) on groups
// orders groups of equal size among more than 16 groups: then, before
// scikit-learn 1.9, the order came from numpy's unstable argsort and
// depends on the numpy version and CPU. splitter reproduces numpy 1.24.2
// on x86-64 (npArgsortInt64); other numpy builds may differ.
func GroupKFoldTies(groups Labels) bool {
	if groups.k <= 16 {
		return false
	}
	seen := make(map[int]bool)
	sizes := make([]int, groups.k)
	for _, c := range groups.codes {
		sizes[c]++
	}
	for _, s := range sizes {
		if seen[s] {
			return true
		}
		seen[s] = true
	}
	return false
}
