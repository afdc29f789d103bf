package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

// foldOnlyFlags are kfold's flags that assign takes with --folds only;
// splitOnlyFlags those it takes without.
var (
	foldOnlyFlags  = []string{"time-series", "gap", "max-train-size", "leave-one-group-out"}
	splitOnlyFlags = []string{"train", "val", "sizes", "lengths", "names", "key"}
)

func newAssignCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "assign [split flags | --folds K [kfold flags]] INPUT -o FILE.parquet|FILE.csv",
		Short: "Write each input row's part and position in it (the split's or the folds' assignment)",
		Long: `Writes one row per input row, in input order, with the columns row (0-based, as
pandas numbers rows), part and position. Without --folds, the split's recipe (the
flags of split): part is the output's name (train, test, val, partK), position
the row's 0-based place in that output. With --folds K (kfold's recipe and
flags): part is the fold 0..K-1 in which the row is a test row, position its
place among that fold's test indices. A row in no part has both empty (null in
Parquet; types int64, string, int64). No manifest unless --manifest PATH.`,
		Example: `  # which rows train_test_split(df, test_size=0.2, random_state=7) puts where
  splitter assign --seed 7 --test 0.2 data.csv -o assign.parquet

  # StratifiedKFold(5, shuffle=True, random_state=1) folds as CSV
  splitter assign --folds 5 --seed 1 --stratify label data.csv -o folds.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := parseAssign(cmd)
			if err == nil {
				out, _ := cmd.Flags().GetString("output")
				err = runRecipe(cmd, r, args[0], job.Options{Output: out, Assign: true, Inputs: several(args)})
			}
			return inputErrs(args, err)
		},
	}
	assignFlags(cmd)
	manifestFlags(cmd)
	sepFlag(cmd)
	return cmd
}

// assignFlags registers split's flags, kfold's fold flags and -o on cmd.
func assignFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	from := func(register func(*cobra.Command), keep func(name string) bool) {
		c := &cobra.Command{}
		register(c)
		c.Flags().VisitAll(func(fl *pflag.Flag) {
			if keep(fl.Name) && f.Lookup(fl.Name) == nil {
				f.AddFlag(fl)
			}
		})
	}
	from(splitFlags, func(name string) bool { return name != "out-dir" && name != "stdout" })
	from(kfoldFlags, func(name string) bool {
		return name == "folds" || contains(foldOnlyFlags, name)
	})
	f.Lookup("folds").DefValue = ""
	f.Lookup("folds").Usage = "assign folds: kfold's recipe with n_splits `K` (an integer >= 2), and kfold's flags"
	f.StringP("output", "o", "", "the assignment file `FILE`.parquet or FILE.csv")
}

// parseAssign makes assign's recipe: kfold's with --folds, split's
// otherwise; a flag of the other is an error.
func parseAssign(cmd *cobra.Command) (*recipe.Recipe, error) {
	f := cmd.Flags()
	command, other := "split", foldOnlyFlags
	if f.Changed("folds") {
		command, other = "kfold", splitOnlyFlags
	}
	for _, name := range other {
		if f.Changed(name) {
			if command == "split" {
				return nil, fmt.Errorf("--%s needs --folds: %w", name, ErrFlagCombination)
			}
			return nil, fmt.Errorf("--folds with --%s: %w", name, ErrFlagCombination)
		}
	}
	return recipe.Parse(command, flagArgs{f})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
