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
			return arange(0, nTrain), arange(nTrain, nTrain+nTest), nil
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
			return arange(0, nTrain), arange(nTrain, nTrain+nTest), nil
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
		idx := arange(0, m)
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
