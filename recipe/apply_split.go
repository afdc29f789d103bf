package recipe

import (
	"errors"
	"fmt"

	"github.com/splitter-dev/splitter/sample"
	"github.com/splitter-dev/splitter/split"
	"github.com/splitter-dev/splitter/table"
)

// applySplit runs a split recipe: train_test_split (±stratify, ±val),
// GroupShuffleSplit, Hugging Face, torch.
func (r *Recipe) applySplit(t table.Table, res *Result) error {
	n := t.Len()
	if r.SizesRows > 0 && r.SizesRows != n && r.Call != RandomSplit {
		return flagErr("--sizes", r.sizesText(), fmt.Errorf("row counts sum to %d, the input has %d rows", r.SizesRows, n))
	}
	var err error
	switch r.Call {
	case DatasetsTrainTestSplit:
		res.Parts, err = r.datasetsSplit(t)
	case RandomSplit:
		res.Parts, res.Warnings, err = r.torchSplit(n)
	case GroupShuffleSplit:
		res.Parts, err = r.groupShuffleSplit(t)
	case HashSplit:
		res.Parts, err = r.hashSplit(t)
	case PandasSampleSplit:
		res.Parts, err = r.sampleSplit(n)
	case PythonShuffleSplit, PythonSampleSplit:
		res.Parts, err = r.pythonSplit(n)
	default:
		res.Parts, err = r.sklearnSplit(t)
	}
	return err
}

// sizesText is --sizes as typed back: train,val,test row counts.
func (r *Recipe) sizesText() string {
	return fmt.Sprintf("%d,%d,%d", r.SizesRows-r.ValSize.Int()-r.TestSize.Int(), r.ValSize.Int(), r.TestSize.Int())
}

func (r *Recipe) groupShuffleSplit(t table.Table) ([]Part, error) {
	groups, err := table.LabelsOf(t, r.Group, "--group")
	if err != nil {
		return nil, err
	}
	rs, err := r.randomState()
	if err != nil {
		return nil, err
	}
	folds, err := split.GroupShuffleSplit{NSplits: 1, TestSize: r.TestSize.Size, TrainSize: r.TrainSize.Size, RandomState: rs, Version: r.version()}.Split(groups)
	if err != nil {
		return nil, labelErr(sizeErr(err, "--test/--train"), "--group", r.Group)
	}
	return []Part{{"train", folds[0].Train}, {"test", folds[0].Test}}, nil
}

// splitStep is one train_test_split call of a split recipe: the rows
// 0..n-1 with their stratify labels (none when IsNone) into train and test
// at test_size test (and train_size train).
type splitStep func(n int, strat split.Labels, test, train split.Size) (trainRows, testRows []int, err error)

// sklearnSplit is train_test_split, or its two-step train/val/test idiom.
func (r *Recipe) sklearnSplit(t table.Table) ([]Part, error) {
	rs, err := r.randomState()
	if err != nil {
		return nil, err
	}
	return r.twoStep(t, table.LabelsOf, func(n int, strat split.Labels, test, train split.Size) ([]int, []int, error) {
		return split.TrainTestSplit(n, split.TrainTestOptions{TestSize: test, TrainSize: train, RandomState: rs, NoShuffle: r.NoShuffle, Stratify: strat, Version: r.version()})
	})
}

// datasetsSplit is Hugging Face's Dataset.train_test_split, or its
// two-step idiom (stratify_by_column after class_encode_column).
func (r *Recipe) datasetsSplit(t table.Table) ([]Part, error) {
	seed, err := r.generatorSeed()
	if err != nil {
		return nil, err
	}
	return r.twoStep(t, table.ClassLabelsOf, func(n int, strat split.Labels, test, train split.Size) ([]int, []int, error) {
		return split.HFTrainTestSplit(n, split.HFOptions{TestSize: test, TrainSize: train, NoShuffle: r.NoShuffle, Seed: seed, Stratify: strat, StratifyColumn: r.Stratify})
	})
}

// twoStep runs step on the table (train, test), and with a ValSize again
// on the train rows, in their order, stratified on their own labels
// (train, val, test): rest, test = f(df); train, val = f(rest).
func (r *Recipe) twoStep(t table.Table, labels func(table.Table, string, string) (split.Labels, error), step splitStep) ([]Part, error) {
	var strat split.Labels
	if r.Stratify != "" {
		var err error
		if strat, err = labels(t, r.Stratify, "--stratify"); err != nil {
			return nil, err
		}
	}
	train, test, err := step(t.Len(), strat, r.TestSize.Size, r.TrainSize.Size)
	if err != nil {
		return nil, labelErr(sizeErr(err, "--test/--train"), "--stratify", r.Stratify)
	}
	if r.ValSize.IsNone() {
		return []Part{{"train", train}, {"test", test}}, nil
	}
	var sub split.Labels
	if !strat.IsNone() {
		sub = strat.Subset(train)
	}
	tr, va, err := step(len(train), sub, r.ValSize.Size, split.NoSize)
	if err != nil {
		return nil, labelErr(sizeErr(err, "--val"), "--stratify", r.Stratify)
	}
	return []Part{{"train", take(train, tr)}, {"val", take(train, va)}, {"test", test}}, nil
}

// labelErr names the column argument behind a split error about labels.
func labelErr(err error, flag, col string) error {
	if col == "" {
		return err
	}
	for _, e := range []error{split.ErrClassTooSmall, split.ErrTooFewForClasses, split.ErrNotFinite, split.ErrTargetType, split.ErrNoGroups} {
		if errors.Is(err, e) {
			return fmt.Errorf("%s %s: %w", flag, col, err)
		}
	}
	return err
}

// sizeErr names the arguments behind a split error about sizes or seeds.
func sizeErr(err error, sizeFlags string) error {
	switch {
	case errors.Is(err, split.ErrSeed):
		return fmt.Errorf("--seed: %w", err)
	case errors.Is(err, split.ErrTestSize):
		if sizeFlags == "--val" {
			return fmt.Errorf("--val: %w", err)
		}
		return fmt.Errorf("--test: %w", err)
	case errors.Is(err, split.ErrTrainSize):
		return fmt.Errorf("--train: %w", err)
	case errors.Is(err, split.ErrSizeSum), errors.Is(err, split.ErrEmptyTrain), errors.Is(err, split.ErrNaNSize):
		// A NaN size fails alike whichever flag held it.
		return fmt.Errorf("%s: %w", sizeFlags, err)
	}
	return err
}

// sampleSplit is train = df.sample(frac=F, random_state=S); test =
// df.drop(train.index): the test rows in input order.
func (r *Recipe) sampleSplit(n int) ([]Part, error) {
	opt, err := r.sampleOptions()
	if err != nil {
		return nil, err
	}
	if opt.RandomState, err = r.numpyState(); err != nil {
		return nil, err
	}
	train, err := sample.Frame(n, opt)
	if err != nil {
		return nil, sampleErr(err)
	}
	in := make([]bool, n)
	for _, i := range train {
		in[i] = true
	}
	test := make([]int, 0, n-len(train))
	for i := range n {
		if !in[i] {
			test = append(test, i)
		}
	}
	return []Part{{"train", train}, {"test", test}}, nil
}
