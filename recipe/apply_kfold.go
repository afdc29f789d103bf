package recipe

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/splitter-dev/splitter/split"
	"github.com/splitter-dev/splitter/table"
)

// applyKfold runs a fold recipe: each row's fold, and with FoldFiles one
// train/test pair of parts per fold (df.iloc[train_idx], df.iloc[test_idx]).
// The folds' index sets are built only for fold files: the fold column
// needs each row's fold alone (40 bytes a row less for five folds).
func (r *Recipe) applyKfold(t table.Table, res *Result) error {
	fs, err := r.testFolds(t)
	if err != nil {
		return err
	}
	res.TestFolds, res.nFolds, res.folds, res.Warnings = fs.tests, fs.k, fs.folds, fs.warns
	for rep, assign := range fs.tests {
		col := FoldColumn{Name: "folds", Folds: assign}
		if r.Repeats > 0 {
			col.Name = "rep" + strconv.Itoa(rep) + ".folds"
		}
		res.FoldColumns = append(res.FoldColumns, col)
	}
	if r.FoldFiles {
		for k, f := range res.Folds() {
			name := "fold" + strconv.Itoa(k)
			res.Parts = append(res.Parts, Part{name + ".train", f.Train}, Part{name + ".test", f.Test})
		}
	}
	return nil
}

// foldRun is what a fold recipe's splitter gives: each repetition's fold
// column (split's TestFolds), the folds per repetition, and for
// TimeSeriesSplit, whose train sets are not the complements of its test
// sets, the folds themselves.
type foldRun struct {
	tests [][]int
	k     int
	folds []split.Fold
	warns []string
}

// testFolds runs the fold splitter of the recipe.
func (r *Recipe) testFolds(t table.Table) (foldRun, error) {
	v := r.version()
	rs, err := r.randomState()
	if err != nil {
		return foldRun{}, err
	}
	var y, groups split.Labels
	if r.Stratify != "" {
		if y, err = table.LabelsOf(t, r.Stratify, "--stratify"); err != nil {
			return foldRun{}, err
		}
	}
	if r.Group != "" {
		if groups, err = table.LabelsOf(t, r.Group, "--group"); err != nil {
			return foldRun{}, err
		}
	}
	fs := foldRun{k: r.Folds}
	var one []int
	shuffle := !r.NoShuffle
	switch r.Call {
	case TimeSeriesSplit:
		fs.folds, err = split.TimeSeriesSplit{NSplits: r.Folds, Gap: r.Gap, TestSize: r.TestFold, MaxTrainSize: r.MaxTrainSize}.Split(t.Len())
		one, fs.k = split.TestFolds(fs.folds, t.Len()), len(fs.folds)
	case StratifiedGroupKFold:
		one, err = split.StratifiedGroupKFold{NSplits: r.Folds, Shuffle: shuffle, RandomState: rs, Version: v}.TestFolds(y, groups)
	case GroupKFold:
		if v.IsPinned() && v.GroupKFoldNumpyTies() && split.GroupKFoldTies(groups) {
			fs.warns = append(fs.warns, fmt.Sprintf("GroupKFold in scikit-learn %s orders groups of equal size with numpy's unstable argsort; with %d groups splitter reproduces numpy 1.24.2's order, other numpy versions or CPUs may order ties differently", v, groups.NumClasses()))
		}
		one, err = split.GroupKFold{NSplits: r.Folds, Shuffle: shuffle, RandomState: rs, Version: v}.TestFolds(groups)
	case LeaveOneGroupOut:
		one, err = split.LeaveOneGroupOut{}.TestFolds(groups)
		fs.k = groups.NumClasses()
	case RepeatedKFold:
		fs.tests, err = split.RepeatedKFold{NSplits: r.Folds, NRepeats: r.Repeats, RandomState: rs, Version: v}.TestFolds(t.Len())
	case RepeatedStratifiedKFold:
		fs.tests, err = split.RepeatedStratifiedKFold{NSplits: r.Folds, NRepeats: r.Repeats, RandomState: rs, Version: v}.TestFolds(y)
	case StratifiedKFold:
		one, err = split.StratifiedKFold{NSplits: r.Folds, Shuffle: shuffle, RandomState: rs, Version: v}.TestFolds(y)
	default:
		one, err = split.KFold{NSplits: r.Folds, Shuffle: shuffle, RandomState: rs, Version: v}.TestFolds(t.Len())
	}
	if err != nil {
		return foldRun{}, labelErr(labelErr(foldsErr(err), "--stratify", r.Stratify), "--group", r.Group)
	}
	if one != nil {
		fs.tests = [][]int{one}
	}
	return fs, nil
}

// foldsErr names the argument behind a fold splitter's error.
func foldsErr(err error) error {
	switch {
	case errors.Is(err, split.ErrNSplits), errors.Is(err, split.ErrTooManySplits):
		return fmt.Errorf("--folds: %w", err)
	case errors.Is(err, split.ErrNRepeats):
		return fmt.Errorf("--repeats: %w", err)
	case errors.Is(err, split.ErrRandomStateWithoutShuffle), errors.Is(err, split.ErrSeed):
		return fmt.Errorf("--seed: %w", err)
	}
	return err
}
