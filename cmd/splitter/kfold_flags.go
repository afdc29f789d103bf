package main

import (
	"github.com/spf13/cobra"
)

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
	f.String("stdout", "", "write the output `PART` (train, test, val, partK; folds, fold{k}.train, ...) to standard output instead of a file; no manifest unless --manifest")
	f.Bool("time-series", false, "TimeSeriesSplit(n_splits=K, gap=G, test_size=T, max_train_size=M): rows in order, no seed")
	f.Int("gap", 0, "with --time-series: gap=`G`")
	f.Int("test", 0, "with --time-series: test_size=`T` (default None)")
	f.Int("max-train-size", 0, "with --time-series: max_train_size=`M` (default None)")
	f.Int("repeats", 0, "RepeatedKFold / RepeatedStratifiedKFold(n_splits=K, n_repeats=`R`, random_state=S): writes STEM.rep0.folds ... STEM.rep{R-1}.folds")
	f.Bool("leave-one-group-out", false, "LeaveOneGroupOut().split(df, groups=df[COL]) with --group COL: one fold per group, in np.unique order")
	f.Bool("files", false, "also write STEM.fold{k}.train and STEM.fold{k}.test for each fold k (df.iloc[train_idx], df.iloc[test_idx])")
}
