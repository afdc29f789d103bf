package recipe

import (
	"errors"
	"fmt"
	"strconv"
)

// ErrBadFolds reports a --folds that is not an integer (scikit-learn's
// ValueError).
var ErrBadFolds = errors.New("the number of folds must be of Integral type")

// errSeedWithoutShuffle is scikit-learn's ValueError for random_state
// with shuffle=False (from 0.24).
var errSeedWithoutShuffle = errors.New("setting a random_state has no effect since shuffle is False; you should leave random_state to its default (None), or set shuffle=True")

// parseKfold reads the arguments of `splitter kfold`.
func parseKfold(a Args) (*Recipe, error) {
	r := &Recipe{Call: KFold, Stratify: a.Value("stratify"), Group: a.Value("group"), NoShuffle: isTrue(a, "no-shuffle"), FoldFiles: isTrue(a, "files")}
	switch c := a.Value("compat"); c {
	case "sklearn", "":
	default:
		if ok, err := r.parseCompat(c); !ok || err != nil {
			if err == nil {
				err = flagErr("--compat", c, errors.New("want sklearn or sklearn@X.Y.Z"))
			}
			return nil, err
		}
	}
	if err := needColumn(a, "stratify", "group"); err != nil {
		return nil, err
	}
	r.Folds = r.version().DefaultKFoldSplits()
	if a.Changed("folds") {
		k, err := ParseSize(a.Value("folds"))
		if err != nil {
			return nil, flagErr("--folds", a.Value("folds"), err)
		}
		if k.IsFloat() {
			return nil, flagErr("--folds", a.Value("folds"), ErrBadFolds)
		}
		r.Folds = k.Int()
	}
	if r.Folds < 2 {
		return nil, flagErr("--folds", a.Value("folds"), fmt.Errorf("k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=%d", r.Folds))
	}
	if isTrue(a, "time-series") {
		return r, r.parseTimeSeries(a)
	}
	if isTrue(a, "leave-one-group-out") {
		return r, r.parseLeaveOneGroupOut(a)
	}
	if a.Changed("repeats") {
		return r, r.parseRepeats(a)
	}
	for _, name := range []string{"gap", "test", "max-train-size"} {
		if a.Changed(name) {
			return nil, fmt.Errorf("--%s needs --time-series: %w", name, ErrFlagCombination)
		}
	}
	switch {
	case r.Group != "" && r.Stratify != "":
		r.Call = StratifiedGroupKFold
	case r.Group != "":
		r.Call = GroupKFold
		// GroupKFold shuffles only from scikit-learn 1.6, given a seed.
		r.NoShuffle = r.NoShuffle || !a.Changed("seed") || !r.version().HasGroupKFoldShuffle()
	case r.Stratify != "":
		r.Call = StratifiedKFold
	}
	return r, r.checkKfoldSeed(a.Changed("seed"), a.Value("seed"), isTrue(a, "no-shuffle"))
}

// checkKfoldSeed refuses a seed the fold call would refuse: with
// shuffle=False (scikit-learn >= 0.24), or for GroupKFold before 1.6.
func (r *Recipe) checkKfoldSeed(seeded bool, seed string, noShuffle bool) error {
	v := r.version()
	switch {
	case !seeded:
		return nil
	case r.Call == StratifiedGroupKFold && noShuffle:
		return flagErr("--seed", seed, errSeedWithoutShuffle)
	case r.Call == StratifiedGroupKFold:
		return nil
	case noShuffle && v.IsPinned() && !v.RandomStateWithoutShuffleIsError():
		return nil // older releases ignore it
	case r.Call == GroupKFold && !noShuffle && v.HasGroupKFoldShuffle():
		return nil
	case noShuffle:
		return flagErr("--seed", seed, errSeedWithoutShuffle)
	case r.Call == GroupKFold:
		return flagErr("--seed", seed, fmt.Errorf("GroupKFold has no random_state in scikit-learn %s (added in 1.6: use --compat sklearn@1.6.1 or later)", v))
	}
	return nil
}

// parseTimeSeries reads kfold --time-series and its --gap, --test and
// --max-train-size.
func (r *Recipe) parseTimeSeries(a Args) error {
	for _, name := range []string{"seed", "stratify", "group", "no-shuffle"} {
		if a.Changed(name) {
			return fmt.Errorf("--time-series with --%s: %w", name, ErrFlagCombination)
		}
	}
	r.Call, r.NoShuffle = TimeSeriesSplit, true
	for _, v := range []struct {
		flag string
		dst  *int
	}{{"gap", &r.Gap}, {"test", &r.TestFold}, {"max-train-size", &r.MaxTrainSize}} {
		if !a.Changed(v.flag) {
			continue
		}
		n, err := strconv.Atoi(a.Value(v.flag))
		if err != nil || n < 0 {
			return flagErr("--"+v.flag, a.Value(v.flag), errors.New("want an integer >= 0"))
		}
		*v.dst = n
	}
	return nil
}

// checkKfold checks a fold recipe's arguments (the seed rules aside, which
// need to know whether a seed was given).
func (r *Recipe) checkKfold() error {
	switch {
	case r.Call == LeaveOneGroupOut && r.Group == "":
		return fmt.Errorf("--leave-one-group-out needs --group COL: %w", ErrFlagCombination)
	case r.Call == LeaveOneGroupOut:
		return nil
	case (r.Call == RepeatedKFold || r.Call == RepeatedStratifiedKFold) && r.Repeats < 1:
		return flagErr("--repeats", strconv.Itoa(r.Repeats), errors.New("want an integer >= 1 (n_repeats)"))
	case r.Call != RepeatedKFold && r.Call != RepeatedStratifiedKFold && r.Repeats != 0:
		// A manifest's recipe: the CLI sets the call with --repeats.
		return fmt.Errorf("n_repeats %d with %s, which does not repeat: %w", r.Repeats, r.Call, ErrFlagCombination)
	}
	if r.Folds < 2 {
		return flagErr("--folds", strconv.Itoa(r.Folds), fmt.Errorf("k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=%d", r.Folds))
	}
	if r.Sklearn != "" {
		if _, err := r.parseCompat("sklearn@" + r.Sklearn); err != nil {
			return err
		}
	}
	return nil
}

// parseRepeats reads kfold --repeats R: RepeatedKFold, or
// RepeatedStratifiedKFold with --stratify (both always shuffle).
func (r *Recipe) parseRepeats(a Args) error {
	for _, name := range []string{"group", "no-shuffle", "files", "gap", "test", "max-train-size"} {
		if a.Changed(name) {
			return fmt.Errorf("--repeats with --%s: %w", name, ErrFlagCombination)
		}
	}
	n, err := strconv.Atoi(a.Value("repeats"))
	if err != nil || n < 1 {
		return flagErr("--repeats", a.Value("repeats"), errors.New("want an integer >= 1 (n_repeats)"))
	}
	r.Repeats, r.Call = n, RepeatedKFold
	if r.Stratify != "" {
		r.Call = RepeatedStratifiedKFold
	}
	return nil
}

// parseLeaveOneGroupOut reads kfold --leave-one-group-out --group G.
func (r *Recipe) parseLeaveOneGroupOut(a Args) error {
	for _, name := range []string{"folds", "seed", "stratify", "no-shuffle", "repeats", "gap", "test", "max-train-size"} {
		if a.Changed(name) {
			return fmt.Errorf("--leave-one-group-out with --%s: %w", name, ErrFlagCombination)
		}
	}
	if r.Group == "" {
		return fmt.Errorf("--leave-one-group-out needs --group COL: %w", ErrFlagCombination)
	}
	r.Call, r.NoShuffle, r.Folds = LeaveOneGroupOut, true, 0
	return nil
}
