package split

import "slices"

// checkKFoldArgs is _BaseKFold.__init__'s validation.
func checkKFoldArgs(nSplits int, shuffle bool, rs RandomState) error {
	if nSplits <= 1 {
		return newErr(ErrNSplits, "k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=%d.", nSplits)
	}
	if !shuffle && !rs.IsNone() {
		return newErr(ErrRandomStateWithoutShuffle, "Setting a random_state has no effect since shuffle is False. You should leave random_state to its default (None), or set shuffle=True.")
	}
	return nil
}

// checkKFoldSamples is _BaseKFold.split's check of n_splits against n.
func checkKFoldSamples(nSplits, n int) error {
	if nSplits > n {
		return newErr(ErrTooManySplits, "Cannot have number of splits n_splits=%d greater than the number of samples: n_samples=%d.", nSplits, n)
	}
	return nil
}

// KFold is sklearn.model_selection.KFold(n_splits, shuffle, random_state).
// NSplits is n_splits (Python's default is DefaultKFoldSplits).
type KFold struct {
	NSplits     int
	Shuffle     bool
	RandomState RandomState
	Version     Version // scikit-learn release pinned (zero: today's, 1.2.1)
}

// Split is KFold.split(X) for n samples. Test and train indices come out
// ascending (scikit-learn builds them from masks), also when shuffled.
func (k KFold) Split(n int) ([]Fold, error) {
	assign, err := k.TestFolds(n)
	if err != nil {
		return nil, err
	}
	return FoldsOf(assign, k.NSplits), nil
}

// TestFolds is, for each sample, the fold whose test set holds it:
// TestFolds(Split(...), n) (the `fold` column of `splitter kfold`),
// without building the folds' index sets.
func (k KFold) TestFolds(n int) ([]int, error) {
	v := k.Version
	if err := v.kfoldArgs(k.NSplits, k.Shuffle, k.RandomState); err != nil {
		return nil, err
	}
	if err := v.kfoldSamples(k.NSplits, n); err != nil {
		return nil, err
	}
	return k.assign(n), nil
}

// assign returns the fold holding each sample in its test set.
func (k KFold) assign(n int) []int {
	var indices []int
	if k.Shuffle {
		indices = k.RandomState.check().Permutation(n) // = shuffle(arange(n))
	} else {
		indices = arange(0, n)
	}
	assign := make([]int, n)
	cur := 0
	for f := range k.NSplits {
		size := n / k.NSplits
		if f < n%k.NSplits {
			size++
		}
		for _, i := range indices[cur : cur+size] {
			assign[i] = f
		}
		cur += size
	}
	return assign
}

// StratifiedKFold is sklearn.model_selection.StratifiedKFold(n_splits,
// shuffle, random_state), the algorithm of scikit-learn ≥ 0.22.
type StratifiedKFold struct {
	NSplits     int
	Shuffle     bool
	RandomState RandomState
	Version     Version // scikit-learn release pinned (zero: today's, 1.2.1)
}

// Split is StratifiedKFold.split(X, y) with len(X) == y.Len().
// scikit-learn's UserWarning when a class has fewer members than n_splits
// is not reported.
func (s StratifiedKFold) Split(y Labels) ([]Fold, error) {
	assign, err := s.TestFolds(y)
	if err != nil {
		return nil, err
	}
	return FoldsOf(assign, s.NSplits), nil
}

// TestFolds is, for each sample, the fold whose test set holds it:
// TestFolds(Split(...), n) (the `fold` column of `splitter kfold`),
// without building the folds' index sets.
func (s StratifiedKFold) TestFolds(y Labels) ([]int, error) {
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
	if algo := v.behaviour().skf; algo == skfRoundRobin {
		var shuffle func(n int, swap func(i, j int))
		if s.Shuffle {
			shuffle = s.RandomState.check().Shuffle
		}
		assign, err = stratifiedKFoldTestFolds(y.codes, y.k, s.NSplits, shuffle)
	} else {
		assign, err = s.oldTestFolds(y, algo == skfReseeded)
	}
	if err != nil {
		return nil, err
	}
	return assign, nil
}

func checkTarget(y Labels) error {
	t, err := y.typeOfTarget()
	if err != nil {
		return err
	}
	if t != "binary" && t != "multiclass" {
		return newErr(ErrTargetType, "Supported target types are: ('binary', 'multiclass'). Got %s instead.", pyStrRepr(t))
	}
	return nil
}

func pyStrRepr(s string) string { return "'" + s + "'" }

// stratifiedKFoldTestFolds is StratifiedKFold._make_test_folds (≥ 0.22):
// classes numbered by first appearance, each class's members dealt to the
// folds in blocks sized by stratifiedKFoldAllocation, the blocks shuffled
// per class when shuffle is not nil.
func stratifiedKFoldTestFolds(codes []int, k, nSplits int, shuffle func(n int, swap func(i, j int))) ([]int, error) {
	// first-appearance order
	order := make([]int, k)
	for i := range order {
		order[i] = -1
	}
	next := 0
	enc := make([]int, len(codes))
	for i, c := range codes {
		if order[c] < 0 {
			order[c] = next
			next++
		}
		enc[i] = order[c]
	}
	counts := make([]int, k)
	for _, e := range enc {
		counts[e]++
	}
	all := true
	for _, c := range counts {
		if nSplits <= c {
			all = false
		}
	}
	if all {
		return nil, newErr(ErrClassTooSmall, "n_splits=%d cannot be greater than the number of members in each class.", nSplits)
	}
	alloc := stratifiedKFoldAllocation(counts, nSplits)
	assign := make([]int, len(codes))
	pos := make([][]int, k)
	for i, e := range enc {
		pos[e] = append(pos[e], i)
	}
	for c := range k {
		folds := make([]int, 0, counts[c])
		for f := range nSplits {
			for range alloc[f][c] {
				folds = append(folds, f)
			}
		}
		if shuffle != nil {
			shuffle(len(folds), func(i, j int) { folds[i], folds[j] = folds[j], folds[i] })
		}
		for j, i := range pos[c] {
			assign[i] = folds[j]
		}
	}
	return assign, nil
}

// stratifiedKFoldAllocation is the round-robin allocation of
// StratifiedKFold (≥ 0.22): alloc[f][c] counts class c among
// sort(y_encoded)[f::n_splits].
func stratifiedKFoldAllocation(counts []int, nSplits int) [][]int {
	upTo := func(x, f int) int { // #p in [0, x) with p % nSplits == f
		r := x / nSplits
		if x%nSplits > f {
			r++
		}
		return r
	}
	alloc := make([][]int, nSplits)
	for f := range alloc {
		alloc[f] = make([]int, len(counts))
	}
	start := 0
	for c, cnt := range counts {
		for f := range nSplits {
			alloc[f][c] = upTo(start+cnt, f) - upTo(start, f)
		}
		start += cnt
	}
	return alloc
}

// GroupKFold is sklearn.model_selection.GroupKFold(n_splits) of
// scikit-learn 1.2: groups, largest first, each go to the fold with the
// fewest samples so far.
type GroupKFold struct {
	NSplits int
	// Shuffle and RandomState are GroupKFold(shuffle=True,
	// random_state=...), scikit-learn ≥ 1.6 only: set them with a Version
	// of 1.6.0 or later (otherwise they fail as Python's TypeError does).
	Shuffle     bool
	RandomState RandomState
	Version     Version // scikit-learn release pinned (zero: today's, 1.2.1)
}

// Split is GroupKFold.split(X, groups=groups) with len(X) == groups.Len().
// Groups of equal size are ordered by numpy 1.24's unstable argsort, as
// in Python.
func (g GroupKFold) Split(groups Labels) ([]Fold, error) {
	assign, err := g.TestFolds(groups)
	if err != nil {
		return nil, err
	}
	return FoldsOf(assign, g.NSplits), nil
}

// TestFolds is, for each sample, the fold whose test set holds it:
// TestFolds(Split(...), n) (the `fold` column of `splitter kfold`),
// without building the folds' index sets.
func (g GroupKFold) TestFolds(groups Labels) ([]int, error) {
	v := g.Version
	if !v.behaviour().groupKFoldShuffle && (g.Shuffle || !g.RandomState.IsNone()) {
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
		if !v.behaviour().groupKFoldStable {
			order = npArgsortInt64(sizes)
		} else {
			order = arange(0, groups.k)
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
	return assign, nil
}

// RepeatedKFold is sklearn.model_selection.RepeatedKFold(n_splits,
// n_repeats, random_state): KFold(shuffle=True) repeated with one
// RandomState shared by every repetition.
type RepeatedKFold struct {
	NSplits     int
	NRepeats    int
	RandomState RandomState
	Version     Version // scikit-learn release pinned (zero: today's, 1.2.1)
}

func checkRepeats(n int) error {
	if n <= 0 {
		return newErr(ErrNRepeats, "Number of repetitions must be greater than 0.")
	}
	return nil
}

// Split is RepeatedKFold.split(X) for n samples: NRepeats*NSplits folds.
func (r RepeatedKFold) Split(n int) ([]Fold, error) {
	tests, err := r.TestFolds(n)
	return repeatedFolds(tests, r.NSplits), err
}

// TestFolds is each repetition's KFold.TestFolds: tests[rep][i] is the
// fold of repetition rep whose test set holds sample i.
func (r RepeatedKFold) TestFolds(n int) ([][]int, error) {
	return repeat("RepeatedKFold", r.NRepeats, r.RandomState, r.Version, func(state RandomState) ([]int, error) {
		return KFold{NSplits: r.NSplits, Shuffle: true, RandomState: state, Version: r.Version}.TestFolds(n)
	})
}

// repeat is the fold columns of nRepeats runs of one, given one
// RandomState shared by all (a Repeated* splitter of version v).
func repeat(name string, nRepeats int, rs RandomState, v Version, one func(RandomState) ([]int, error)) ([][]int, error) {
	if err := v.hasRepeated(name); err != nil {
		return nil, err
	}
	if err := checkRepeats(nRepeats); err != nil {
		return nil, err
	}
	state := Shared(rs.check())
	var tests [][]int
	for range nRepeats {
		a, err := one(state)
		if err != nil {
			return nil, err
		}
		tests = append(tests, a)
	}
	return tests, nil
}

// repeatedFolds is the k folds of each fold column of tests in turn.
func repeatedFolds(tests [][]int, k int) []Fold {
	var out []Fold
	for _, assign := range tests {
		out = append(out, FoldsOf(assign, k)...)
	}
	return out
}

// RepeatedStratifiedKFold is
// sklearn.model_selection.RepeatedStratifiedKFold(n_splits, n_repeats,
// random_state): StratifiedKFold(shuffle=True) repeated with one shared
// RandomState.
type RepeatedStratifiedKFold struct {
	NSplits     int
	NRepeats    int
	RandomState RandomState
	Version     Version // scikit-learn release pinned (zero: today's, 1.2.1)
}

// Split is RepeatedStratifiedKFold.split(X, y) with len(X) == y.Len().
func (r RepeatedStratifiedKFold) Split(y Labels) ([]Fold, error) {
	tests, err := r.TestFolds(y)
	return repeatedFolds(tests, r.NSplits), err
}

// TestFolds is each repetition's StratifiedKFold.TestFolds: tests[rep][i]
// is the fold of repetition rep whose test set holds sample i.
func (r RepeatedStratifiedKFold) TestFolds(y Labels) ([][]int, error) {
	return repeat("RepeatedStratifiedKFold", r.NRepeats, r.RandomState, r.Version, func(state RandomState) ([]int, error) {
		return StratifiedKFold{NSplits: r.NSplits, Shuffle: true, RandomState: state, Version: r.Version}.TestFolds(y)
	})
}
