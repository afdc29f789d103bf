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
func (r *Recipe) applyKfold(t table.Table, res *Result) error {
	folds, warns, err := r.folds(t)
	if err != nil {
		return err
	}
	res.Folds, res.Warnings = folds, warns
	reps, k := 1, len(folds)
	if r.Repeats > 0 {
		reps, k = r.Repeats, r.Folds
	}
	for rep := range reps {
		col := FoldColumn{Name: "folds", Values: make([]string, t.Len())} // "" for a row no fold tests (time series)
		if r.Repeats > 0 {
			col.Name = "rep" + strconv.Itoa(rep) + ".folds"
		}
		for f, fold := range folds[rep*k : (rep+1)*k] {
			s := strconv.Itoa(f)
			for _, i := range fold.Test {
				col.Values[i] = s
			}
		}
		res.FoldColumns = append(res.FoldColumns, col)
	}
	if r.FoldFiles {
		for k, f := range folds {
			name := "fold" + strconv.Itoa(k)
			res.Parts = append(res.Parts, Part{name + ".train", f.Train}, Part{name + ".test", f.Test})
		}
	}
	return nil
}

// folds runs the fold splitter of the recipe.
func (r *Recipe) folds(t table.Table) ([]split.Fold, []string, error) {
	v := r.version()
	rs, err := r.randomState()
	if err != nil {
		return nil, nil, err
	}
	var y, groups split.Labels
	if r.Stratify != "" {
		if y, err = table.LabelsOf(t, r.Stratify, "--stratify"); err != nil {
			return nil, nil, err
		}
	}
	if r.Group != "" {
		if groups, err = table.LabelsOf(t, r.Group, "--group"); err != nil {
			return nil, nil, err
		}
	}
	var folds []split.Fold
	var warns []string
	shuffle := !r.NoShuffle
	switch r.Call {
	case TimeSeriesSplit:
		folds, err = split.TimeSeriesSplit{NSplits: r.Folds, Gap: r.Gap, TestSize: r.TestFold, MaxTrainSize: r.MaxTrainSize}.Split(t.Len())
	case StratifiedGroupKFold:
		folds, err = split.StratifiedGroupKFold{NSplits: r.Folds, Shuffle: shuffle, RandomState: rs, Version: v}.Split(y, groups)
	case GroupKFold:
		if v.IsPinned() && v.GroupKFoldNumpyTies() && split.GroupKFoldTies(groups) {
			warns = append(warns, fmt.Sprintf("GroupKFold in scikit-learn %s orders groups of equal size with numpy's unstable argsort; with %d groups splitter reproduces numpy 1.24.2's order, other numpy versions or CPUs may order ties differently", v, groups.NumClasses()))
		}
		folds, err = split.GroupKFold{NSplits: r.Folds, Shuffle: shuffle, RandomState: rs, Version: v}.Split(groups)
	case LeaveOneGroupOut:
		folds, err = split.LeaveOneGroupOut{}.Split(groups)
	case RepeatedKFold:
		folds, err = split.RepeatedKFold{NSplits: r.Folds, NRepeats: r.Repeats, RandomState: rs, Version: v}.Split(t.Len())
	case RepeatedStratifiedKFold:
		folds, err = split.RepeatedStratifiedKFold{NSplits: r.Folds, NRepeats: r.Repeats, RandomState: rs, Version: v}.Split(y)
	case StratifiedKFold:
		folds, err = split.StratifiedKFold{NSplits: r.Folds, Shuffle: shuffle, RandomState: rs, Version: v}.Split(y)
	default:
		folds, err = split.KFold{NSplits: r.Folds, Shuffle: shuffle, RandomState: rs, Version: v}.Split(t.Len())
	}
	if err != nil {
		return nil, nil, labelErr(labelErr(foldsErr(err), "--stratify", r.Stratify), "--group", r.Group)
	}
	return folds, warns, nil
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
