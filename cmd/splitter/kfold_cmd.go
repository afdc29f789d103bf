package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/split"
)

func newKfoldCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "kfold --folds K --seed S [--stratify COL | --group COL] [--no-shuffle] INPUT",
		Short: "Add a fold column exactly as KFold / StratifiedKFold / GroupKFold assign folds",
		Long: `Writes STEM.folds.csv: every input row, in input order, with one more last column
"fold", the 0-based number of the fold whose test part holds the row
(df = pd.read_csv(INPUT)):

  (default)         KFold(K, shuffle=True, random_state=S).split(df)
  --no-shuffle      KFold(K).split(df)
  --stratify COL    StratifiedKFold(K, shuffle=True, random_state=S).split(df, df[COL])
  --group COL       GroupKFold(K).split(df, groups=df[COL])

--folds defaults to 5. --seed with --no-shuffle is an error (scikit-learn >= 0.24
raises), and so is --seed with --group (GroupKFold has no random_state in
scikit-learn 1.2). Without --seed (and with shuffling) a seed is drawn and
printed on stderr as "seed: S".

--compat sklearn@X.Y.Z (0.18.2 ... 1.8.0, 1.9.dev0) reproduces that release:
its fold algorithm (StratifiedKFold changed in 0.19.0, 0.20.4 and 0.22), its
default --folds (3 before 0.22), --seed with --no-shuffle ignored before 0.24,
and --seed with --group as GroupKFold(K, shuffle=True, random_state=S) from 1.6.`,
		Example: `  # KFold(5, shuffle=True, random_state=7)
  splitter kfold --folds 5 --seed 7 data.csv

  # StratifiedKFold(10, shuffle=True, random_state=7) on the label column
  splitter kfold --folds 10 --seed 7 --stratify label data.csv

  # GroupKFold(4) by user
  splitter kfold --folds 4 --group user_id data.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o, err := parseKfoldFlags(cmd, args[0])
			if err == nil {
				err = runKfold(cmd, o)
			}
			return inputErr(args[0], err)
		},
	}
	kfoldFlags(cmd)
	manifestFlags(cmd)
	sepFlag(cmd)
	return cmd
}

func runKfold(cmd *cobra.Command, o *kfoldOpts) error {
	j, mpath, ix, err := startInput(cmd, o.input, defaultManifest(o.input, o.outDir, "kfold"))
	if err != nil {
		return err
	}
	defer ix.Close()
	folds, err := kfoldFolds(cmd, o, ix)
	if err != nil {
		return inputErr(o.input, err)
	}
	values := make([]string, ix.Len()) // "" for a row no fold tests (time series)
	for f, fold := range folds {
		s := strconv.Itoa(f)
		for _, i := range fold.Test {
			values[i] = s
		}
	}
	j.rows = ix.Len()
	j.python = pinnedPython(o.version, kfoldPython(cmd, o))
	outs := []output{{name: "folds", path: outputPath(o.input, o.outDir, "folds"), rows: ix.Len(),
		write: func(w io.Writer) error { return ix.WriteWithColumn(w, "fold", values) }}}
	if o.files {
		outs = append(outs, foldFiles(cmd.Context(), o, ix, folds)...)
	}
	return j.commit(cmd.Context(), outs, mpath)
}

// foldFiles are --files' outputs: for each fold k, STEM.fold{k}.train and
// STEM.fold{k}.test holding df.iloc[train_idx] and df.iloc[test_idx] in
// the order split() yields the indices.
func foldFiles(ctx context.Context, o *kfoldOpts, ix table, folds []split.Fold) []output {
	var outs []output
	for k, f := range folds {
		for _, p := range []struct {
			name string
			rows []int
		}{{"train", f.Train}, {"test", f.Test}} {
			name := "fold" + strconv.Itoa(k) + "." + p.name
			outs = append(outs, output{name: name, path: outputPath(o.input, o.outDir, name), rows: len(p.rows), order: p.rows,
				write: func(w io.Writer) error { return ix.WriteRowsContext(ctx, w, p.rows) }})
		}
	}
	return outs
}

func kfoldFolds(cmd *cobra.Command, o *kfoldOpts, ix table) ([]split.Fold, error) {
	switch {
	case o.timeSeries:
		folds, err := split.TimeSeriesSplit{NSplits: o.folds, Gap: o.gap, TestSize: o.tsTest, MaxTrainSize: o.maxTrain}.Split(ix.Len())
		if err != nil {
			return nil, foldsErr(err)
		}
		return folds, nil
	case o.group != "" && o.stratify != "":
		return stratifiedGroupFolds(cmd, o, ix)
	case o.group != "":
		groups, err := labelsOf(ix, o.group, "--group")
		if err != nil {
			return nil, err
		}
		warnGroupTies(cmd, o.version, groups)
		rs, err := shuffleSeed(cmd, o.shuffle)
		if err != nil {
			return nil, err
		}
		folds, err := split.GroupKFold{NSplits: o.folds, Shuffle: o.shuffle, RandomState: rs, Version: o.version}.Split(groups)
		if err != nil {
			return nil, labelErr(foldsErr(err), "--group", o.group)
		}
		return folds, nil
	case o.stratify != "":
		y, err := labelsOf(ix, o.stratify, "--stratify")
		if err != nil {
			return nil, err
		}
		rs, err := shuffleSeed(cmd, o.shuffle)
		if err != nil {
			return nil, err
		}
		folds, err := split.StratifiedKFold{NSplits: o.folds, Shuffle: o.shuffle, RandomState: rs, Version: o.version}.Split(y)
		if err != nil {
			return nil, labelErr(foldsErr(err), "--stratify", o.stratify)
		}
		return folds, nil
	}
	rs, err := shuffleSeed(cmd, o.shuffle)
	if err != nil {
		return nil, err
	}
	folds, err := split.KFold{NSplits: o.folds, Shuffle: o.shuffle, RandomState: rs, Version: o.version}.Split(ix.Len())
	if err != nil {
		return nil, foldsErr(err)
	}
	return folds, nil
}

// foldsErr names the flag behind a cross-validator error.
func foldsErr(err error) error {
	switch {
	case errors.Is(err, split.ErrNSplits), errors.Is(err, split.ErrTooManySplits):
		return fmt.Errorf("--folds: %w", err)
	case errors.Is(err, split.ErrRandomStateWithoutShuffle), errors.Is(err, split.ErrSeed):
		return fmt.Errorf("--seed: %w", err)
	}
	return err
}

// stratifiedGroupFolds is StratifiedGroupKFold(K, shuffle, random_state)
// .split(df, df[stratify], groups=df[group]).
func stratifiedGroupFolds(cmd *cobra.Command, o *kfoldOpts, ix table) ([]split.Fold, error) {
	y, err := labelsOf(ix, o.stratify, "--stratify")
	if err != nil {
		return nil, err
	}
	groups, err := labelsOf(ix, o.group, "--group")
	if err != nil {
		return nil, err
	}
	rs, err := shuffleSeed(cmd, o.shuffle)
	if err != nil {
		return nil, err
	}
	folds, err := split.StratifiedGroupKFold{NSplits: o.folds, Shuffle: o.shuffle, RandomState: rs, Version: o.version}.Split(y, groups)
	if err != nil {
		return nil, labelErr(labelErr(foldsErr(err), "--stratify", o.stratify), "--group", o.group)
	}
	return folds, nil
}
