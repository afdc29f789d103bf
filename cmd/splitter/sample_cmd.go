package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/frame"
	"github.com/splitter-dev/splitter/rng"
	"github.com/splitter-dev/splitter/sample"
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

Without --seed a seed is drawn and printed on stderr as "seed: S".`,
		Example: `  # df.sample(frac=1, random_state=3).to_csv("shuffled.csv", index=False)
  splitter shuffle --seed 3 data.csv -o shuffled.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out, _ := cmd.Flags().GetString("output")
			if out == "" {
				return errors.New("-o OUT is required")
			}
			compat, _ := cmd.Flags().GetString("compat")
			var order func(n int) ([]int, error)
			python := func() string {
				seed := seedUsed(cmd)
				switch compat {
				case "python":
					return "x = list(range(len(df)))\nrandom.seed(" + seed + ")\nrandom.shuffle(x)\ndf.iloc[x]"
				case "torch":
					return "df.iloc[torch.randperm(len(df), generator=torch.Generator().manual_seed(" + seed + ")).numpy()]"
				}
				return "df.sample(frac=1, random_state=" + seed + ")"
			}
			switch compat {
			case "pandas", "":
				order = func(n int) ([]int, error) {
					rs, err := pandasSeed(cmd)
					if err != nil {
						return nil, err
					}
					return sample.Shuffle(n, rs)
				}
			case "python":
				order = func(n int) ([]int, error) {
					r, err := pythonSeed(cmd)
					if err != nil {
						return nil, err
					}
					return sample.PyShuffle(r, n), nil
				}
			case "torch":
				order = func(n int) ([]int, error) {
					g, err := torchSeed(cmd)
					if err != nil {
						return nil, err
					}
					return g.Randperm(n), nil
				}
			default:
				return flagErr("--compat", compat, errors.New("want pandas, python or torch"))
			}
			return inputErr(args[0], runRowsTo(cmd, args[0], out, python, order))
		},
	}
	f := cmd.Flags()
	f.String("seed", "", "random_state `S` (range per --compat); drawn from the OS when absent")
	f.StringP("output", "o", "", "output file `OUT` (its folder is created if missing)")
	f.String("compat", "pandas", "emulated call: pandas, python or torch")
	manifestFlags(cmd)
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
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return inputErr(args[0], sampleErr(runSample(cmd, args[0])))
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
	sepFlag(cmd)
	return cmd
}

func runSample(cmd *cobra.Command, input string) error {
	f := cmd.Flags()
	str := func(name string) string { v, _ := f.GetString(name); return v }
	out := str("output")
	if out == "" {
		return errors.New("-o OUT is required")
	}
	replace, _ := f.GetBool("replace")
	opt := sample.Options{Replace: replace}
	if f.Changed("n") {
		s, err := parseSize("--n", str("n"))
		if err != nil {
			return err
		}
		n := s.i
		if s.isFloat {
			if n, err = sample.CheckN(s.f); err != nil {
				return flagErr("--n", str("n"), err)
			}
			opt.FloatN = true
		}
		opt.N = &n
	}
	if f.Changed("frac") {
		v, err := strconv.ParseFloat(str("frac"), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return flagErr("--frac", str("frac"), errors.New("want a number"))
		}
		opt.Frac = &v
	}
	weights, group := str("weights"), str("group")
	switch compat := str("compat"); compat {
	case "pandas", "":
	case "python":
		switch {
		case group != "":
			return fmt.Errorf("--compat python with --group: %w", ErrFlagCombination)
		case opt.Frac != nil:
			return fmt.Errorf("--compat python with --frac (random.sample takes a count): %w", ErrFlagCombination)
		case weights != "" && !replace:
			return fmt.Errorf("--compat python: --weights needs --replace (random.choices): %w", ErrFlagCombination)
		case opt.FloatN:
			return flagErr("--n", str("n"), errors.New("random.sample needs an integer count"))
		}
		k := 1
		if opt.N != nil {
			k = *opt.N
		}
		python := func() string {
			call := "random.sample(range(len(df)), " + itoa(k) + ")"
			if replace {
				w := ""
				if weights != "" {
					w = "weights=df[" + pyStr(weights) + "], "
				}
				call = "random.choices(range(len(df)), " + w + "k=" + itoa(k) + ")"
			}
			return "random.seed(" + seedUsed(cmd) + ")\ndf.iloc[" + call + "]"
		}
		return runRowsToIndex(cmd, input, out, python, func(ix table) ([]int, error) {
			var w []float64
			if weights != "" {
				var err error
				if w, err = weightColumn(ix, weights); err != nil {
					return nil, err
				}
			}
			r, err := pythonSeed(cmd)
			if err != nil {
				return nil, err
			}
			if replace {
				return sample.PyChoices(r, ix.Len(), w, k)
			}
			return sample.PySample(r, ix.Len(), k)
		})
	default:
		return flagErr("--compat", compat, errors.New("want pandas or python"))
	}
	python := func() string {
		var a []string
		if opt.N != nil {
			a = append(a, "n="+str("n"))
		}
		if opt.Frac != nil {
			a = append(a, "frac="+str("frac"))
		}
		if replace {
			a = append(a, "replace=True")
		}
		if weights != "" {
			a = append(a, "weights=df["+pyStr(weights)+"]")
		}
		a = append(a, "random_state="+seedUsed(cmd))
		if group != "" {
			return "df.groupby(" + pyStr(group) + ").sample(" + strings.Join(a, ", ") + ")"
		}
		return "df.sample(" + strings.Join(a, ", ") + ")"
	}
	return runRowsToIndex(cmd, input, out, python, func(ix table) ([]int, error) {
		var err error
		if weights != "" {
			if opt.Weights, err = weightColumn(ix, weights); err != nil {
				return nil, err
			}
		}
		var groups sample.Groups
		if group != "" {
			col, err := ix.Column(group)
			if err != nil {
				return nil, columnErr(ix, err, "--group", group)
			}
			if groups, err = frame.RowsGroups(col); err != nil {
				return nil, fmt.Errorf("--group %s: %w", group, err)
			}
		}
		rs, err := pandasSeed(cmd)
		if err != nil {
			return nil, err
		}
		opt.RandomState = rs
		if group != "" {
			return sample.GroupBy(groups, opt)
		}
		return sample.Frame(ix.Len(), opt)
	})
}

// weightColumn reads the weights column as pandas converts it to float64.
func weightColumn(ix table, name string) ([]float64, error) {
	col, err := ix.Column(name)
	if err != nil {
		return nil, columnErr(ix, err, "--weights", name)
	}
	w, err := frame.RowsWeights(col)
	if err != nil {
		return nil, fmt.Errorf("--weights %s: %w", name, err)
	}
	return w, nil
}

// pandasSeed resolves --seed as pandas' random_state=int:
// np.random.RandomState(S).
func pandasSeed(cmd *cobra.Command) (*rng.RandomState, error) {
	v, err := parsedSeed(cmd, seedUint32, rng.ParseLegacySeed)
	if err != nil {
		return nil, err
	}
	return rng.NewRandomState(v), nil
}

// pythonSeed resolves --seed as random.seed(S).
func pythonSeed(cmd *cobra.Command) (*rng.PyRandom, error) {
	v, err := parsedSeed(cmd, seedAnyInt, rng.ParsePySeed)
	if err != nil {
		return nil, err
	}
	return rng.NewPyRandom(v), nil
}

// torchSeed resolves --seed as torch.Generator().manual_seed(S).
func torchSeed(cmd *cobra.Command) (*rng.TorchGenerator, error) {
	v, err := parsedSeed(cmd, seedTorch, rng.ParseTorchSeed)
	if err != nil {
		return nil, err
	}
	return rng.NewTorchGenerator(v), nil
}

// runRowsTo indexes input, draws the row order from its length and writes
// those rows to out atomically, with the manifest.
func runRowsTo(cmd *cobra.Command, input, out string, python func() string, order func(n int) ([]int, error)) error {
	return runRowsToIndex(cmd, input, out, python, func(ix table) ([]int, error) { return order(ix.Len()) })
}

// runRowsToIndex is runRowsTo with access to the index (columns).
func runRowsToIndex(cmd *cobra.Command, input, out string, python func() string, order func(ix table) ([]int, error)) error {
	defManifest := defaultManifest(out, "", cmd.Name())
	if out == stdoutPath { // -o -: standard output, no manifest unless --manifest
		if flagBool(cmd, "json") {
			return fmt.Errorf("--json with -o -: %w (both write to standard output)", ErrFlagCombination)
		}
		defManifest = ""
	} else if err := sameFormat(input, out); err != nil {
		return err
	}
	j, mpath, ix, err := startInput(cmd, input, defManifest)
	if err != nil {
		return err
	}
	defer ix.Close()
	idx, err := order(ix)
	if err != nil {
		return err
	}
	j.rows = ix.Len()
	j.python = readCSV(cmd, input) + python()
	ctx := cmd.Context()
	o := output{name: cmd.Name() + "d", path: out, rows: len(idx), order: idx,
		write: func(w io.Writer) error { return ix.WriteRowsContext(ctx, w, idx) }}
	return j.commit(ctx, []output{o}, mpath)
}

// sampleErr names the flag behind a pandas sampling error.
func sampleErr(err error) error {
	for _, m := range []struct {
		e    error
		flag string
	}{
		{sample.ErrNAndFrac, "--n with --frac"},
		{sample.ErrNegativeN, "--n"}, {sample.ErrNotIntegerN, "--n"}, {sample.ErrFloatN, "--n"},
		{sample.ErrSizeTooLarge, "--n"},
		{sample.ErrUpsample, "--frac"}, {sample.ErrNegativeFrac, "--frac"},
		{sample.ErrFracNaN, "--frac"}, {sample.ErrFracInf, "--frac"},
		{sample.ErrWeightsInf, "--weights"}, {sample.ErrWeightsNegative, "--weights"},
		{sample.ErrWeightsZero, "--weights"}, {sample.ErrWeightsLength, "--weights"},
		{sample.ErrSeedRange, "--seed"},
	} {
		if errors.Is(err, m.e) {
			return fmt.Errorf("%s: %w", m.flag, err)
		}
	}
	return err
}
