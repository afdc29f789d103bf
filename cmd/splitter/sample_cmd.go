package main

import (
	"github.com/splitter-dev/splitter/job"

	"errors"
	"fmt"

	"github.com/spf13/cobra"
)

func newShuffleCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "shuffle --seed S INPUT -o OUT",
		Short: "Shuffle rows exactly as df.sample(frac=1, random_state=S) does",
		Long: `Writes every row of INPUT once to OUT, in the order the Python call returns
(df = pd.read_csv(INPUT)):

  (default)         df.sample(frac=1, random_state=S)            (S in 0..2**32-1)
  --compat python   x = list(range(len(df))); random.seed(S); random.shuffle(x);
                    df.iloc[x]                                  (S any integer)
  --compat torch    df.iloc[torch.randperm(len(df),
                        generator=torch.Generator().manual_seed(S))]
                                                                (S in -2**63..2**64-1)
  --compat datasets Dataset.from_pandas(df).shuffle(seed=S), which is
                    df.iloc[np.random.default_rng(S).permutation(len(df))]
                                                                (S any integer >= 0)

Without --seed a seed is drawn and printed on stderr as "seed: S".`,
		Example: `  # df.sample(frac=1, random_state=3).to_csv("shuffled.csv", index=False)
  splitter shuffle --seed 3 data.csv -o shuffled.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return inputErrs(args, runOneOutput(cmd, args))
		},
	}
	f := cmd.Flags()
	f.String("seed", "", "random_state `S` (range per --compat); drawn from the OS when absent")
	f.StringP("output", "o", "", "output file `OUT` (its folder is created if missing)")
	f.String("compat", "pandas", "emulated call: pandas, python, torch or datasets")
	manifestFlags(cmd)
	shardFlags(cmd)
	sepFlag(cmd)
	return cmd
}

func newSampleCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sample --seed S [--n N | --frac F] [--replace] [--weights COL] [--group COL] INPUT -o OUT",
		Short: "Sample rows exactly as df.sample(n|frac, replace, weights, random_state) does",
		Long: `Writes to OUT the rows, in order, that the Python call returns
(df = pd.read_csv(INPUT)):

  (default)         df.sample(n=N | frac=F, replace=..., weights=df[COL],
                              random_state=S)            (S in 0..2**32-1)
  --group G         df.groupby(G).sample(n=N | frac=F, replace=..., weights=...,
                                         random_state=S)
  --compat python   random.seed(S); df.iloc[random.sample(range(len(df)), N)]
                    (with --replace: random.choices(range(len(df)), weights, k=N))

As in pandas, with neither --n nor --frac one row is sampled, and both together
are an error. N written with a '.' is a float, as pandas receives it.`,
		Example: `  # df.sample(n=100, random_state=3)
  splitter sample --seed 3 --n 100 data.csv -o sample.csv

  # bootstrap: df.sample(frac=1.0, replace=True, weights=df["w"], random_state=3)
  splitter sample --seed 3 --frac 1.0 --replace --weights w data.csv -o boot.csv

  # two rows per city: df.groupby("city").sample(n=2, random_state=3)
  splitter sample --seed 3 --n 2 --group city data.csv -o per_city.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return inputErrs(args, runOneOutput(cmd, args))
		},
	}
	f := cmd.Flags()
	f.String("seed", "", "random_state `S` (0..2**32-1; any integer with --compat python); drawn from the OS when absent")
	f.String("n", "", "number of rows `N` (per group with --group)")
	f.String("frac", "", "fraction of rows `F` (> 1 needs --replace)")
	f.Bool("replace", false, "replace=True (with replacement)")
	f.String("weights", "", "weights=df[`COL`]")
	f.String("group", "", "df.groupby(`COL`).sample(...)")
	f.StringP("output", "o", "", "output file `OUT` (its folder is created if missing)")
	f.String("compat", "pandas", "emulated call: pandas or python")
	manifestFlags(cmd)
	shardFlags(cmd)
	sepFlag(cmd)
	return cmd
}

// runOneOutput runs shuffle or sample: one output, -o OUT (- for
// standard output, with no manifest unless --manifest).
func runOneOutput(cmd *cobra.Command, args []string) error {
	input := args[0]
	out, _ := cmd.Flags().GetString("output")
	if out == "" {
		return errors.New("-o OUT is required")
	}
	r, err := parseRecipe(cmd)
	if err != nil {
		return err
	}
	if out == stdoutPath {
		if flagBool(cmd, "json") {
			return fmt.Errorf("--json with -o -: %w (both write to standard output)", ErrFlagCombination)
		}
	} else if err := sameFormat(firstFile(args), out); input != stdinPath && err != nil {
		return err
	}
	return runRecipe(cmd, r, input, job.Options{Output: out, Inputs: several(args)})
}
