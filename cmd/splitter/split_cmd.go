package main

import (
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/rng"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/split"
)

func newSplitCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "split [flags] INPUT",
		Short: "Split rows into train and test exactly as train_test_split does (the default command)",
		Long: `Writes STEM.train.csv and STEM.test.csv holding exactly the rows, in exactly the
order, that the Python call returns (df = pd.read_csv(INPUT)):

  (default)           train, test = train_test_split(df, test_size=T, train_size=R,
                                         random_state=S, shuffle=..., stratify=...)
  --group COL         next(GroupShuffleSplit(n_splits=1, test_size=T, train_size=R,
                                         random_state=S).split(df, groups=df[COL]))
  --compat datasets   Dataset.from_pandas(df).train_test_split(test_size=T,
                                         train_size=R, seed=S[, stratify_by_column=COL])
  --val V             rest, test = train_test_split(df, test_size=T, random_state=S)
                      train, val = train_test_split(rest, test_size=V, random_state=S)
                      (also writes STEM.val.csv; V is a fraction of rest, or a count)
  --compat torch      random_split(df, [L1, L2, ...],
                                   generator=torch.Generator().manual_seed(S))
                      (writes STEM.part0.csv, STEM.part1.csv, ... or --names)

Sizes are typed as scikit-learn types them: 0.2 or 1e-1 is a fraction, 30 a row
count. With no size, test_size is 0.25 (0.2 with --group). Without --seed a seed
is drawn and printed on stderr as "seed: S".

--compat sklearn@X.Y.Z (0.18.2 ... 1.8.0, 1.9.dev0) reproduces what that
scikit-learn release returned (stratified splits changed in 1.0; --train alone
with --group, and sizes of 0, behaved differently before 0.21).`,
		Example: `  # train_test_split(pd.read_csv("data.csv"), test_size=0.2, random_state=101)
  splitter --seed 101 --test 0.2 data.csv

  # stratified on the label column, 100 test rows, outputs in out/
  splitter split --seed 7 --test 100 --stratify label --out-dir out data.csv

  # 60/20/20 train/val/test
  splitter --seed 1 --test 0.2 --val 0.25 data.csv

  # Hugging Face datasets
  splitter --compat datasets --seed 42 --test 0.1 data.csv

  # torch random_split into three named parts
  splitter --compat torch --seed 42 --lengths 0.8,0.1,0.1 --names train,val,test data.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o, err := parseSplitFlags(cmd, args[0])
			if err == nil {
				err = runSplit(cmd, o)
			}
			return inputErr(args[0], err)
		},
	}
	splitFlags(cmd)
	manifestFlags(cmd)
	sepFlag(cmd)
	return cmd
}

// part is one output: its name (train, test, val, part0, ...) and rows.
type part struct {
	name string
	rows []int
}

func runSplit(cmd *cobra.Command, o *splitOpts) error {
	j, mpath, ix, err := startInput(cmd, o.input, defaultManifest(o.input, o.outDir, "split"))
	if err != nil {
		return err
	}
	defer ix.Close()
	if o.sizesRows > 0 && o.sizesRows != ix.Len() && o.recipe != recipeTorch {
		return inputErr(o.input, flagErr("--sizes", cmd.Flags().Lookup("sizes").Value.String(),
			fmt.Errorf("row counts sum to %d, the input has %d rows", o.sizesRows, ix.Len())))
	}
	var parts []part
	switch o.recipe {
	case recipeSklearn:
		parts, err = sklearnSplit(cmd, o, ix)
	case recipeDatasets:
		parts, err = datasetsSplit(cmd, o, ix)
	case recipeTorch:
		parts, err = torchSplit(cmd, o, ix)
	}
	if err != nil {
		return inputErr(o.input, err)
	}
	j.rows = ix.Len()
	j.python = pinnedPython(o.version, splitPython(cmd, o, o.torchLengths))
	ctx := cmd.Context()
	outs := make([]output, len(parts))
	orders := make([][]int, len(parts))
	for i, p := range parts {
		outs[i] = output{name: p.name, path: outputPath(o.input, o.outDir, p.name), rows: len(p.rows), order: p.rows,
			write: func(w io.Writer) error { return ix.WriteRowsContext(ctx, w, p.rows) }}
		orders[i] = p.rows
	}
	// Text inputs write their parts together (a large one in one pass).
	if rix, ok := ix.(*rows.Index); ok {
		j.writeAll = func(ws []io.Writer) error { return rix.WritePartsContext(ctx, ws, orders) }
	}
	return j.commit(ctx, outs, mpath)
}

// inputErr prefixes err with the input file unless it already names it.
func inputErr(input string, err error) error {
	if input == stdinPath {
		input = stdinName
	}
	var pe *rows.ParseError
	if err == nil || errors.As(err, &pe) || strings.Contains(err.Error(), input) {
		return err
	}
	return fmt.Errorf("%s: %w", input, err)
}

// columnErr names the flag of a column that could not be read, and for a
// name the table lacks, the closest ones it has:
// `data.csv: --stratify churnd: no such column "churnd" (did you mean
// "churned"? columns: id, churned)`.
func columnErr(ix table, err error, flag, name string) error {
	hint := ""
	if errors.Is(err, rows.ErrNoColumn) {
		hint = didYouMean(name, ix.Names())
	}
	var pe *rows.ParseError
	if errors.As(err, &pe) && pe.Line == 0 {
		return fmt.Errorf("%s: %s %s: %w%s", pe.File, flag, name, pe.Err, hint)
	}
	return fmt.Errorf("%s %s: %w%s", flag, name, err, hint)
}

// labelErr names the column flag behind a split error about labels.
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

// labelsOf reads column name of ix as scikit-learn labels.
func labelsOf(ix table, name string, flag string) (split.Labels, error) {
	col, err := ix.Column(name)
	if err != nil {
		return split.Labels{}, columnErr(ix, err, flag, name)
	}
	l, err := columnLabels(col)
	if err != nil {
		return split.Labels{}, fmt.Errorf("%s %s: %w", flag, name, err)
	}
	return l, nil
}

// sklearnSeed resolves --seed for numpy's RandomState (0..2**32-1).
func sklearnSeed(cmd *cobra.Command) (split.RandomState, error) {
	v, err := parsedSeed(cmd, seedUint32, rng.ParseLegacySeed)
	if err != nil {
		return split.RandomState{}, err
	}
	return split.Seed(v), nil
}

// shuffleSeed is the random_state of a shuffling call: --seed (or a drawn
// seed) when it shuffles, None otherwise, drawing nothing.
func shuffleSeed(cmd *cobra.Command, shuffle bool) (split.RandomState, error) {
	if !shuffle {
		return split.None, nil
	}
	return sklearnSeed(cmd)
}

// sizeArg converts a parsed size flag to split's Size.
func sizeArg(s size) split.Size {
	switch {
	case !s.set:
		return split.NoSize
	case s.isFloat:
		return split.FloatSize(s.f)
	}
	return split.IntSize(s.i)
}

func sklearnSplit(cmd *cobra.Command, o *splitOpts, ix table) ([]part, error) {
	n := ix.Len()
	var strat, groups split.Labels
	var err error
	if o.stratify != "" {
		if strat, err = labelsOf(ix, o.stratify, "--stratify"); err != nil {
			return nil, err
		}
	}
	if o.group != "" {
		if groups, err = labelsOf(ix, o.group, "--group"); err != nil {
			return nil, err
		}
	}
	rs, err := shuffleSeed(cmd, o.shuffle)
	if err != nil {
		return nil, err
	}
	if o.group != "" {
		folds, err := split.GroupShuffleSplit{NSplits: 1, TestSize: sizeArg(o.test), TrainSize: sizeArg(o.train), RandomState: rs, Version: o.version}.Split(groups)
		if err != nil {
			return nil, labelErr(sizeErr(err, "--test/--train"), "--group", o.group)
		}
		return []part{{"train", folds[0].Train}, {"test", folds[0].Test}}, nil
	}
	opts := split.TrainTestOptions{TestSize: sizeArg(o.test), TrainSize: sizeArg(o.train), RandomState: rs, NoShuffle: !o.shuffle, Stratify: strat, Version: o.version}
	train, test, err := split.TrainTestSplit(n, opts)
	if err != nil {
		return nil, labelErr(sizeErr(err, "--test/--train"), "--stratify", o.stratify)
	}
	if !o.val.set {
		return []part{{"train", train}, {"test", test}}, nil
	}
	// Second step on the rest, in the rest's row order.
	opts = split.TrainTestOptions{TestSize: sizeArg(o.val), RandomState: rs, NoShuffle: !o.shuffle, Version: o.version}
	if !strat.IsNone() {
		opts.Stratify = strat.Subset(train)
	}
	tr, va, err := split.TrainTestSplit(len(train), opts)
	if err != nil {
		return nil, labelErr(sizeErr(err, "--val"), "--stratify", o.stratify)
	}
	return []part{{"train", take(train, tr)}, {"val", take(train, va)}, {"test", test}}, nil
}

func datasetsSplit(cmd *cobra.Command, o *splitOpts, ix table) ([]part, error) {
	n := ix.Len()
	var strat split.Labels
	if o.stratify != "" {
		col, err := ix.Column(o.stratify)
		if err != nil {
			return nil, columnErr(ix, err, "--stratify", o.stratify)
		}
		if strat, err = columnClassLabels(col); err != nil {
			return nil, fmt.Errorf("--stratify %s: %w", o.stratify, err)
		}
	}
	var seed *big.Int
	if o.shuffle {
		var err error
		if seed, err = parsedSeed(cmd, seedNonNegative, rng.ParseGeneratorSeed); err != nil {
			return nil, err
		}
	}
	opts := split.HFOptions{TestSize: sizeArg(o.test), TrainSize: sizeArg(o.train), NoShuffle: !o.shuffle, Seed: seed, Stratify: strat, StratifyColumn: o.stratify}
	train, test, err := split.HFTrainTestSplit(n, opts)
	if err != nil {
		return nil, labelErr(sizeErr(err, "--test/--train"), "--stratify", o.stratify)
	}
	if !o.val.set {
		return []part{{"train", train}, {"test", test}}, nil
	}
	opts = split.HFOptions{TestSize: sizeArg(o.val), NoShuffle: !o.shuffle, Seed: seed, StratifyColumn: o.stratify}
	if !strat.IsNone() {
		opts.Stratify = strat.Subset(train)
	}
	tr, va, err := split.HFTrainTestSplit(len(train), opts)
	if err != nil {
		return nil, labelErr(sizeErr(err, "--val"), "--stratify", o.stratify)
	}
	return []part{{"train", take(train, tr)}, {"val", take(train, va)}, {"test", test}}, nil
}

// take returns base[idx[0]], base[idx[1]], ...: row numbers of a subset.
func take(base, idx []int) []int {
	out := make([]int, len(idx))
	for i, j := range idx {
		out[i] = base[j]
	}
	return out
}

// sizeErr names the flags behind a split error about sizes or seeds.
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
