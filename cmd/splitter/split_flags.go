package main

import (
	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/recipe"
)

// ErrFlagCombination reports flags that the emulated Python call cannot
// express together.
var ErrFlagCombination = recipe.ErrFlagCombination

// splitFlags registers the flags of split on cmd.
func splitFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("seed", "", "random_state `S` (0..2**32-1; any integer >= 0 with --compat datasets; -2**63..2**64-1 with --compat torch); drawn from the OS when absent")
	f.String("test", "", "test_size `T`: a fraction (0.2, 1e-1) or a row count (30); default 0.25 when neither --test nor --train is given")
	f.String("train", "", "train_size `R`, typed like --test")
	f.String("val", "", "a third part `V`: test_size of the second train_test_split on the rest (writes STEM.val.csv)")
	f.String("sizes", "", "train, val, test sizes `A,B,C` (fractions summing to 1, or row counts summing to the rows): the two-step train_test_split idiom")
	f.String("stratify", "", "stratify=df[`COL`]")
	f.String("group", "", "GroupShuffleSplit(...).split(df, groups=df[`COL`])")
	f.Bool("no-shuffle", false, "shuffle=False")
	f.String("compat", "sklearn", "emulated call: sklearn (train_test_split), sklearn@X.Y.Z (a pinned scikit-learn release), datasets (Hugging Face), torch (random_split), hash (crc32 of --key's ids < T * 2**32)")
	f.String("key", "", "with --compat hash: the id column `COL` hashed")
	f.String("lengths", "", "with --compat torch: random_split lengths `L1,L2,...` (ints, or fractions summing to 1)")
	f.String("names", "", "with --compat torch: output names `A,B,...` instead of part0, part1, ...")
	f.String("out-dir", "", "output folder `DIR` (default: the input's folder; created if missing)")
	f.String("stdout", "", "write the output `PART` (train, test, val, partK; folds, fold{k}.train, ...) to standard output instead of a file; no manifest unless --manifest")
}
