package split

import (
	"slices"

	"github.com/splitter-dev/splitter/rng"
)

// Default sizes and split counts of the scikit-learn splitters.
const (
	DefaultTrainTestTestSize    = 0.25 // train_test_split
	DefaultShuffleSplitTestSize = 0.1  // ShuffleSplit, StratifiedShuffleSplit
	DefaultGroupShuffleTestSize = 0.2  // GroupShuffleSplit
	DefaultShuffleSplits        = 10   // ShuffleSplit, StratifiedShuffleSplit
	DefaultGroupShuffleSplits   = 5    // GroupShuffleSplit
	DefaultKFoldSplits          = 5    // KFold and the other k-fold splitters
	DefaultRepeats              = 10   // RepeatedKFold, RepeatedStratifiedKFold
)

// ShuffleSplit is sklearn.model_selection.ShuffleSplit(n_splits,
// test_size=TestSize, train_size=TrainSize, random_state=RandomState).
// NSplits is n_splits; 0 (the zero value) means Python's default,
// DefaultShuffleSplits. Sizes left None default to test_size=0.1.
type ShuffleSplit struct {
	NSplits     int
	TestSize    Size
	TrainSize   Size
	RandomState RandomState
	Version     Version // scikit-learn release pinned (zero: today's, 1.2.1)
}

// Split is ShuffleSplit.split(X) for n samples: per split, the first
// n_test entries of rng.permutation(n) are the test set and the next
// n_train the train set.
func (s ShuffleSplit) Split(n int) ([]Fold, error) {
	nTrain, nTest, err := s.Version.sizes(n, s.TestSize, s.TrainSize, DefaultShuffleSplitTestSize)
	if err != nil {
		return nil, err
	}
	k, err := nSplits(s.NSplits, DefaultShuffleSplits)
	if err != nil {
		return nil, err
	}
	r := s.RandomState.check()
	var folds []Fold
	for range k {
		perm := r.Permutation(n)
		folds = append(folds, Fold{Train: pySlice(perm, nTest, nTest+nTrain), Test: pySlice(perm, 0, nTest)})
	}
	return folds, nil
}

// StratifiedShuffleSplit is sklearn.model_selection.StratifiedShuffleSplit(
// n_splits, test_size, train_size, random_state): ShuffleSplit preserving
// the class proportions of y. NSplits 0 means Python's default,
// DefaultShuffleSplits; sizes left None default to test_size=0.1.
type StratifiedShuffleSplit struct {
	NSplits     int
	TestSize    Size
	TrainSize   Size
	RandomState RandomState
	Version     Version // scikit-learn release pinned (zero: today's, 1.2.1)
}

// Split is StratifiedShuffleSplit.split(X, y) with len(X) == y.Len().
func (s StratifiedShuffleSplit) Split(y Labels) ([]Fold, error) {
	return s.split(y.Len(), y)
}

func (s StratifiedShuffleSplit) split(n int, y Labels) ([]Fold, error) {
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
	if len(counts) > 0 && slices.Min(counts) < 2 && v.behaviour().classesMessage {
		return nil, newErr(ErrClassTooSmall, "The least populated classes in y have only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.")
	}
	if err := checkStratifiedCounts(counts, nTrain, nTest); err != nil {
		return nil, err
	}
	k, err := nSplits(s.NSplits, DefaultShuffleSplits)
	if err != nil {
		return nil, err
	}
	r := s.RandomState.check()
	var folds []Fold
	for range k {
		train, test := stratifiedShuffleOnce(members, counts, nTrain, nTest, r, v.cont(), legacyChoose(r))
		folds = append(folds, Fold{Train: train, Test: test})
	}
	return folds, nil
}

// legacyChoose is RandomState.choice(m, size, replace=False):
// permutation(m)[:size].
func legacyChoose(r *rng.RandomState) chooseFunc {
	return func(m, size int) []int {
		idx, err := r.Choice(m, size, false, nil)
		if err != nil {
			panic(err) // size <= m always holds here
		}
		return idx
	}
}

// GroupShuffleSplit is sklearn.model_selection.GroupShuffleSplit(n_splits,
// test_size, train_size, random_state): ShuffleSplit over the distinct
// groups, sizes counting groups. NSplits 0 means Python's default,
// DefaultGroupShuffleSplits; sizes left None default to test_size=0.2.
type GroupShuffleSplit struct {
	NSplits     int
	TestSize    Size
	TrainSize   Size
	RandomState RandomState
	Version     Version // scikit-learn release pinned (zero: today's, 1.2.1)
}

// Split is GroupShuffleSplit.split(X, groups=groups) with len(X) ==
// groups.Len(); train and test hold the samples of the chosen groups in
// ascending order.
func (s GroupShuffleSplit) Split(groups Labels) ([]Fold, error) {
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
	k, err := nSplits(s.NSplits, DefaultGroupShuffleSplits)
	if err != nil {
		return nil, err
	}
	for range k {
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

// TrainTestOptions are train_test_split's keyword arguments.
type TrainTestOptions struct {
	TestSize    Size        // test_size (None: 0.25 unless TrainSize is set)
	TrainSize   Size        // train_size (None: the complement of the test set)
	RandomState RandomState // random_state
	NoShuffle   bool        // shuffle=False (Python's default is shuffle=True)
	Stratify    Labels      // stratify (the zero Labels is None)
	Version     Version     // scikit-learn release pinned (zero: today's, 1.2.1)
}

// TrainTestSplit is sklearn.model_selection.train_test_split(X,
// test_size, train_size, random_state, shuffle, stratify) for len(X) == n:
// it returns the row indices of X_train and X_test, in order.
func TrainTestSplit(n int, opts TrainTestOptions) (train, test []int, err error) {
	v := opts.Version
	if opts.NoShuffle && !v.behaviour().trainTestShuffle {
		return nil, nil, newErr(ErrNotInVersion, "Invalid parameters passed: {'shuffle': False}")
	}
	testSize, trainSize := opts.TestSize, opts.TrainSize
	if v.behaviour().oldSizes {
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
		folds, err = ShuffleSplit{NSplits: 1, TestSize: testSize, TrainSize: trainSize, RandomState: opts.RandomState, Version: v}.Split(n)
	} else {
		folds, err = StratifiedShuffleSplit{NSplits: 1, TestSize: testSize, TrainSize: trainSize, RandomState: opts.RandomState, Version: v}.split(n, opts.Stratify)
	}
	if err != nil {
		return nil, nil, err
	}
	return folds[0].Train, folds[0].Test, nil
}

// nSplits is a shuffle splitter's n_splits: 0 (a zero value) is the
// Python default def; a negative count is an error rather than no split.
func nSplits(n, def int) (int, error) {
	switch {
	case n == 0:
		return def, nil
	case n < 0:
		return 0, newErr(ErrNSplits, "n_splits=%d must be positive (0 means the default, %d)", n, def)
	}
	return n, nil
}
