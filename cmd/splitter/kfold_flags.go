package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/split"
)

// ErrBadFolds reports a --folds value that is not an integer.
var ErrBadFolds = errors.New("the number of folds must be of Integral type")

// kfoldOpts are the parsed flags of `splitter kfold`.
type kfoldOpts struct {
	input    string
	outDir   string
	folds    int
	stratify string
	group    string
	shuffle  bool
	seed     string        // as typed or drawn; "" when nothing is random
	version  split.Version // --compat sklearn@X.Y.Z (zero: today's)
	// timeSeries is TimeSeriesSplit(n_splits, gap, test_size,
	// max_train_size); 0 is None for tsTest and maxTrain.
	timeSeries            bool
	gap, tsTest, maxTrain int
	files                 bool // also one train/test file pair per fold
}

// kfoldFlags registers the flags of kfold on cmd.
func kfoldFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("folds", "5", "n_splits `K` (an integer >= 2)")
	f.String("seed", "", "random_state `S` (0..2**32-1); drawn from the OS when absent (not with --no-shuffle or --group)")
	f.String("stratify", "", "StratifiedKFold on df[`COL`]")
	f.String("group", "", "GroupKFold with groups=df[`COL`]")
	f.Bool("no-shuffle", false, "shuffle=False (KFold(K) / StratifiedKFold(K))")
	f.String("compat", "sklearn", "sklearn (today's scikit-learn, as 1.2) or sklearn@X.Y.Z (a pinned release, 0.18.2 to 1.9.dev0)")
	f.String("out-dir", "", "output folder `DIR` (default: the input's folder; created if missing)")
	f.Bool("time-series", false, "TimeSeriesSplit(n_splits=K, gap=G, test_size=T, max_train_size=M): rows in order, no seed")
	f.Int("gap", 0, "with --time-series: gap=`G`")
	f.Int("test", 0, "with --time-series: test_size=`T` (default None)")
	f.Int("max-train-size", 0, "with --time-series: max_train_size=`M` (default None)")
	f.Bool("files", false, "also write STEM.fold{k}.train and STEM.fold{k}.test for each fold k (df.iloc[train_idx], df.iloc[test_idx])")
}

// parseKfoldFlags reads and checks kfold's flags, before any file is read.
func parseKfoldFlags(cmd *cobra.Command, input string) (*kfoldOpts, error) {
	f := cmd.Flags()
	str := func(name string) string { v, _ := f.GetString(name); return v }
	o := &kfoldOpts{input: input, outDir: str("out-dir"), stratify: str("stratify"), group: str("group")}
	noShuffle, _ := f.GetBool("no-shuffle")
	o.shuffle = !noShuffle
	switch c := str("compat"); {
	case c == "sklearn" || c == "":
	case strings.HasPrefix(c, "sklearn@"):
		v, _, err := sklearnPin(c)
		if err != nil {
			return nil, err
		}
		o.version = v
		if !f.Changed("folds") {
			_ = f.Set("folds", strconv.Itoa(v.DefaultKFoldSplits()))
		}
	default:
		return nil, flagErr("--compat", c, errors.New("want sklearn or sklearn@X.Y.Z"))
	}
	for _, name := range []string{"stratify", "group"} {
		if f.Changed(name) && str(name) == "" {
			return nil, flagErr("--"+name, "", errors.New("want a column name"))
		}
	}
	k, err := parseSize("--folds", str("folds"))
	if err != nil {
		return nil, err
	}
	if k.isFloat {
		return nil, flagErr("--folds", str("folds"), ErrBadFolds)
	}
	o.folds = k.i
	if o.folds < 2 {
		// _BaseKFold.__init__, before any data is read.
		return nil, flagErr("--folds", str("folds"), fmt.Errorf("k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=%d", o.folds))
	}
	o.files, _ = f.GetBool("files")
	if err := o.parseTimeSeries(cmd); err != nil || o.timeSeries {
		return o, err
	}
	for _, name := range []string{"gap", "test", "max-train-size"} {
		if f.Changed(name) {
			return nil, fmt.Errorf("--%s needs --time-series: %w", name, ErrFlagCombination)
		}
	}
	seeded := f.Changed("seed")
	switch {
	case o.group != "" && o.stratify != "" && seeded && noShuffle:
		return nil, flagErr("--seed", str("seed"), errors.New("setting a random_state has no effect since shuffle is False; you should leave random_state to its default (None), or set shuffle=True"))
	case o.group != "" && o.stratify != "":
		return o, nil // StratifiedGroupKFold(K, shuffle=True, random_state=S)
	case seeded && noShuffle && o.version.IsPinned() && !o.version.RandomStateWithoutShuffleIsError():
		// ignored before scikit-learn 0.24 (warned about in 0.22-0.23)
	case seeded && !noShuffle && o.group != "" && o.version.HasGroupKFoldShuffle():
		// GroupKFold(K, shuffle=True, random_state=S), scikit-learn >= 1.6
		return o, nil
	case seeded && noShuffle:
		// KFold.__init__ (scikit-learn >= 0.24).
		return nil, flagErr("--seed", str("seed"), errors.New("setting a random_state has no effect since shuffle is False; you should leave random_state to its default (None), or set shuffle=True"))
	case seeded && o.group != "":
		return nil, flagErr("--seed", str("seed"), fmt.Errorf("GroupKFold has no random_state in scikit-learn %s (added in 1.6: use --compat sklearn@1.6.1 or later)", o.version))
	}
	if o.group != "" {
		o.shuffle = false
	}
	return o, nil
}

// parseTimeSeries reads --time-series and its options: TimeSeriesSplit
// draws nothing and reads no column, so --seed, --stratify and --group are
// errors with it.
func (o *kfoldOpts) parseTimeSeries(cmd *cobra.Command) error {
	f := cmd.Flags()
	if o.timeSeries, _ = f.GetBool("time-series"); !o.timeSeries {
		return nil
	}
	for _, name := range []string{"seed", "stratify", "group", "no-shuffle"} {
		if f.Changed(name) {
			return fmt.Errorf("--time-series with --%s: %w", name, ErrFlagCombination)
		}
	}
	o.shuffle = false
	o.gap, _ = f.GetInt("gap")
	o.tsTest, _ = f.GetInt("test")
	o.maxTrain, _ = f.GetInt("max-train-size")
	for _, v := range []struct {
		flag string
		v    int
	}{{"--gap", o.gap}, {"--test", o.tsTest}, {"--max-train-size", o.maxTrain}} {
		if v.v < 0 {
			return flagErr(v.flag, strconv.Itoa(v.v), errors.New("want an integer >= 0"))
		}
	}
	return nil
}
