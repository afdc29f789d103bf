package split

// This file is the one place that knows how scikit-learn releases differ:
// sklearnReleases lists every release with what it does, one typed field
// per behaviour that changed at some release. Version resolves a release
// to its behaviour once; the splitters read the fields and never compare
// release numbers. Names (SklearnVersions), variants (SklearnVariants,
// VariantNames) and the docs' table are derived from it.

// behaviour is what a scikit-learn release does wherever releases differ.
// Adding a field means filling it in every row of sklearnReleases and
// adding it to behaviourFields in version_table_test.go, which checks
// the corpus on both sides of each change.
type behaviour struct {
	// trainTestShuffle: train_test_split takes shuffle= (0.19+; 0.18
	// raises TypeError "Invalid parameters passed").
	trainTestShuffle bool
	// oldSizes: the ShuffleSplit family's size rules of ≤ 0.20
	// (oldSizeInit, oldSizeSplit, test_size="default" even with a
	// train_size) rather than validateShuffleSplit (#12733, #12861, #13483).
	oldSizes bool
	// multiplyFirst: _approximate_mode's first line is n_draws *
	// class_counts / total (≤ 0.24) rather than class_counts / total *
	// n_draws (#20904): stratified train_test_split, StratifiedShuffleSplit.
	multiplyFirst bool
	// classesMessage: StratifiedShuffleSplit words a one-member class
	// "The least populated classes in y have only 1 member" (1.8+).
	classesMessage bool
	// kfoldSplits: the n_splits default of KFold, StratifiedKFold and
	// GroupKFold (3, then 5 from 0.22, #13839).
	kfoldSplits int
	// nSamplesMessage: n_splits > n_samples is worded "…number of
	// samples: n_samples=N." (0.20+) rather than "…number of samples: N.".
	nSamplesMessage bool
	// randomStateError: random_state with shuffle=False is a ValueError
	// (0.24+, #17142) rather than ignored.
	randomStateError bool
	// skf: StratifiedKFold's _make_test_folds.
	skf skfAlgorithm
	// skfNGroupsMessage: StratifiedKFold words classes all smaller than
	// n_splits "All the n_groups for individual classes…" (0.18).
	skfNGroupsMessage bool
	// repeated: RepeatedKFold and RepeatedStratifiedKFold exist (0.19+).
	repeated bool
	// groupKFoldShuffle: GroupKFold takes shuffle= and random_state=
	// (1.6+, #28519; TypeError before).
	groupKFoldShuffle bool
	// groupKFoldStable: GroupKFold orders groups of equal size stably
	// (1.9+, #28464) rather than by numpy's unstable argsort.
	groupKFoldStable bool
	// sgkf: StratifiedGroupKFold's shuffle (absent before 1.0).
	sgkf sgkfAlgorithm
	// sgkfGroupsCheck: StratifiedGroupKFold refuses n_splits above the
	// number of groups (1.9+, #33176).
	sgkfGroupsCheck bool
}

// skfAlgorithm is StratifiedKFold's _make_test_folds in a release.
type skfAlgorithm uint8

const (
	// skfShared (variant A): per-class KFold over max(count, n_splits)
	// positions, every class shuffled from one RandomState (0.18,
	// 0.20.4–0.21).
	skfShared skfAlgorithm = iota
	// skfReseeded (variant B): as skfShared, but the int random_state is
	// handed to every class's KFold (0.19.0–0.20.3).
	skfReseeded
	// skfRoundRobin (variant C): folds allotted round-robin over the
	// sorted labels (0.22+, #14704).
	skfRoundRobin
)

// sgkfAlgorithm is StratifiedGroupKFold in a release.
type sgkfAlgorithm uint8

const (
	// sgkfAbsent: the class does not exist (before 1.0).
	sgkfAbsent sgkfAlgorithm = iota
	// sgkfCountRows (variant A): shuffle permutes the count rows only;
	// folds are recorded under the row's position (1.0–1.7).
	sgkfCountRows
	// sgkfGroupIDs (variant B): the permutation carries through to the
	// group ids (1.8+, #32540).
	sgkfGroupIDs
)

// releaseRun is one row of the table: consecutive releases that behave
// alike, named as upstream tagged them, oldest first.
type releaseRun struct {
	releases []string
	b        behaviour
}

// sklearnReleases is the behaviour table: every scikit-learn release from
// 0.18.2 on, plus the development line 1.9.dev0, oldest first, grouped
// into runs that behave alike. Each row is complete (no field inherits
// from another row), and two adjacent rows differ.
var sklearnReleases = []releaseRun{
	{[]string{"0.18.2"}, behaviour{
		trainTestShuffle: false, oldSizes: true, multiplyFirst: true, classesMessage: false,
		kfoldSplits: 3, nSamplesMessage: false, randomStateError: false,
		skf: skfShared, skfNGroupsMessage: true, repeated: false,
		groupKFoldShuffle: false, groupKFoldStable: false, sgkf: sgkfAbsent, sgkfGroupsCheck: false,
	}},
	{[]string{"0.19.0", "0.19.1", "0.19.2"}, behaviour{
		trainTestShuffle: true, oldSizes: true, multiplyFirst: true, classesMessage: false,
		kfoldSplits: 3, nSamplesMessage: false, randomStateError: false,
		skf: skfReseeded, skfNGroupsMessage: false, repeated: true,
		groupKFoldShuffle: false, groupKFoldStable: false, sgkf: sgkfAbsent, sgkfGroupsCheck: false,
	}},
	{[]string{"0.20.0", "0.20.1", "0.20.2", "0.20.3"}, behaviour{
		trainTestShuffle: true, oldSizes: true, multiplyFirst: true, classesMessage: false,
		kfoldSplits: 3, nSamplesMessage: true, randomStateError: false,
		skf: skfReseeded, skfNGroupsMessage: false, repeated: true,
		groupKFoldShuffle: false, groupKFoldStable: false, sgkf: sgkfAbsent, sgkfGroupsCheck: false,
	}},
	{[]string{"0.20.4"}, behaviour{
		trainTestShuffle: true, oldSizes: true, multiplyFirst: true, classesMessage: false,
		kfoldSplits: 3, nSamplesMessage: true, randomStateError: false,
		skf: skfShared, skfNGroupsMessage: false, repeated: true,
		groupKFoldShuffle: false, groupKFoldStable: false, sgkf: sgkfAbsent, sgkfGroupsCheck: false,
	}},
	{[]string{"0.21.0", "0.21.1", "0.21.2", "0.21.3"}, behaviour{
		trainTestShuffle: true, oldSizes: false, multiplyFirst: true, classesMessage: false,
		kfoldSplits: 3, nSamplesMessage: true, randomStateError: false,
		skf: skfShared, skfNGroupsMessage: false, repeated: true,
		groupKFoldShuffle: false, groupKFoldStable: false, sgkf: sgkfAbsent, sgkfGroupsCheck: false,
	}},
	{[]string{"0.22", "0.22.1", "0.22.2.post1", "0.23.0", "0.23.1", "0.23.2"}, behaviour{
		trainTestShuffle: true, oldSizes: false, multiplyFirst: true, classesMessage: false,
		kfoldSplits: 5, nSamplesMessage: true, randomStateError: false,
		skf: skfRoundRobin, skfNGroupsMessage: false, repeated: true,
		groupKFoldShuffle: false, groupKFoldStable: false, sgkf: sgkfAbsent, sgkfGroupsCheck: false,
	}},
	{[]string{"0.24.0", "0.24.1", "0.24.2"}, behaviour{
		trainTestShuffle: true, oldSizes: false, multiplyFirst: true, classesMessage: false,
		kfoldSplits: 5, nSamplesMessage: true, randomStateError: true,
		skf: skfRoundRobin, skfNGroupsMessage: false, repeated: true,
		groupKFoldShuffle: false, groupKFoldStable: false, sgkf: sgkfAbsent, sgkfGroupsCheck: false,
	}},
	{[]string{
		"1.0", "1.0.1", "1.0.2",
		"1.1.0", "1.1.1", "1.1.2", "1.1.3",
		"1.2.0", "1.2.1", "1.2.2",
		"1.3.0", "1.3.1", "1.3.2",
		"1.4.0", "1.4.1.post1", "1.4.2",
		"1.5.0", "1.5.1", "1.5.2",
	}, behaviour{
		trainTestShuffle: true, oldSizes: false, multiplyFirst: false, classesMessage: false,
		kfoldSplits: 5, nSamplesMessage: true, randomStateError: true,
		skf: skfRoundRobin, skfNGroupsMessage: false, repeated: true,
		groupKFoldShuffle: false, groupKFoldStable: false, sgkf: sgkfCountRows, sgkfGroupsCheck: false,
	}},
	{[]string{"1.6.0", "1.6.1", "1.7.0", "1.7.1", "1.7.2"}, behaviour{
		trainTestShuffle: true, oldSizes: false, multiplyFirst: false, classesMessage: false,
		kfoldSplits: 5, nSamplesMessage: true, randomStateError: true,
		skf: skfRoundRobin, skfNGroupsMessage: false, repeated: true,
		groupKFoldShuffle: true, groupKFoldStable: false, sgkf: sgkfCountRows, sgkfGroupsCheck: false,
	}},
	{[]string{"1.8.0"}, behaviour{
		trainTestShuffle: true, oldSizes: false, multiplyFirst: false, classesMessage: true,
		kfoldSplits: 5, nSamplesMessage: true, randomStateError: true,
		skf: skfRoundRobin, skfNGroupsMessage: false, repeated: true,
		groupKFoldShuffle: true, groupKFoldStable: false, sgkf: sgkfGroupIDs, sgkfGroupsCheck: false,
	}},
	{[]string{"1.9.dev0"}, behaviour{
		trainTestShuffle: true, oldSizes: false, multiplyFirst: false, classesMessage: true,
		kfoldSplits: 5, nSamplesMessage: true, randomStateError: true,
		skf: skfRoundRobin, skfNGroupsMessage: false, repeated: true,
		groupKFoldShuffle: true, groupKFoldStable: true, sgkf: sgkfGroupIDs, sgkfGroupsCheck: true,
	}},
}

// sklearnRelease is one release of the table with its behaviour.
type sklearnRelease struct {
	name string
	b    behaviour
}

// allReleases yields every release of sklearnReleases, oldest first.
func allReleases(yield func(sklearnRelease) bool) {
	for _, run := range sklearnReleases {
		for _, name := range run.releases {
			if !yield(sklearnRelease{name, run.b}) {
				return
			}
		}
	}
}

// lookupRelease returns the row of the release named exactly name.
func lookupRelease(name string) (sklearnRelease, bool) {
	for r := range allReleases {
		if r.name == name {
			return r, true
		}
	}
	return sklearnRelease{}, false
}

// firstRelease names the oldest release whose behaviour has has ("" when none).
func firstRelease(has func(behaviour) bool) string {
	for r := range allReleases {
		if has(r.b) {
			return r.name
		}
	}
	return ""
}

// unpinned is the behaviour of the zero Version: that of DefaultVersion.
var unpinned = func() behaviour {
	r, ok := lookupRelease(DefaultVersion)
	if !ok {
		panic("split: DefaultVersion " + DefaultVersion + " missing from sklearnReleases")
	}
	return r.b
}()
