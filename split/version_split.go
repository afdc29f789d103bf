package split

import "github.com/splitter-dev/splitter/rng"

// This file holds the Version-dependent pieces the splitters share: each
// release's argument checks and the old algorithm variants, as listed by
// SklearnVariants. The splitters' Split methods run one body for every
// release; the zero Version behaves as 1.2.1 in every check.

// cont is the first line of the release's _approximate_mode.
func (v Version) cont() continuousFunc {
	if v.behaviour().multiplyFirst {
		return continuousMultiplyFirst
	}
	return continuousSklearn
}

// kfoldArgs is _BaseKFold.__init__ of release v.
func (v Version) kfoldArgs(nSplits int, shuffle bool, rs RandomState) error {
	if nSplits <= 1 {
		return newErr(ErrNSplits, "k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=%d.", nSplits)
	}
	if !shuffle && !rs.IsNone() && v.behaviour().randomStateError {
		return newErr(ErrRandomStateWithoutShuffle, "Setting a random_state has no effect since shuffle is False. You should leave random_state to its default (None), or set shuffle=True.")
	}
	return nil
}

// kfoldSamples is _BaseKFold.split's n_splits check of release v.
func (v Version) kfoldSamples(nSplits, n int) error {
	if nSplits <= n {
		return nil
	}
	if !v.behaviour().nSamplesMessage {
		return newErr(ErrTooManySplits, "Cannot have number of splits n_splits=%d greater than the number of samples: %d.", nSplits, n)
	}
	return checkKFoldSamples(nSplits, n)
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
		if s.Version.behaviour().skfNGroupsMessage {
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

// hasRepeated fails with ErrNotInVersion when v has no RepeatedKFold and
// RepeatedStratifiedKFold (before 0.19); class names the one called.
func (v Version) hasRepeated(class string) error {
	if v.behaviour().repeated {
		return nil
	}
	return newErr(ErrNotInVersion, "%s does not exist in scikit-learn %s (added in %s)", class, v,
		firstRelease(func(b behaviour) bool { return b.repeated }))
}
