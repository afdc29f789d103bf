package main

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

// seedUsed returns the seed of the run: the drawn one, or --seed as given.
func seedUsed(cmd *cobra.Command) string {
	if s, ok := cmd.Annotations[drawnSeedKey]; ok {
		return s
	}
	if f := cmd.Flags().Lookup("seed"); f != nil && f.Changed {
		// As a Python literal: "007" and "+7" are 7.
		t := strings.TrimSpace(f.Value.String())
		if v, ok := new(big.Int).SetString(t, 10); ok {
			return v.String()
		}
		return t
	}
	return "None"
}

// pyStr is Python's repr of a str (close enough for names and paths).
func pyStr(s string) string {
	q := "'"
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = `"`
	}
	r := strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\r", `\r`, "\t", `\t`, q, `\`+q)
	return q + r.Replace(s) + q
}

// pyArgs joins keyword arguments, skipping empty ones.
func pyArgs(args ...string) string {
	var out []string
	for _, a := range args {
		if a != "" {
			out = append(out, a)
		}
	}
	return strings.Join(out, ", ")
}

func kw(name string, s size) string {
	if !s.set {
		return ""
	}
	return name + "=" + s.String()
}

// splitPython is the Python code a split run equals.
func splitPython(cmd *cobra.Command, o *splitOpts, lengths []string) string {
	seed := seedUsed(cmd)
	var b strings.Builder
	b.WriteString(readCSV(cmd, o.input))
	switch o.recipe {
	case recipeTorch:
		b.WriteString("parts = torch.utils.data.random_split(df, [" + strings.Join(lengths, ", ") +
			"], generator=torch.Generator().manual_seed(" + seed + "))")
	case recipeDatasets:
		ds := "Dataset.from_pandas(df)"
		strat := ""
		if o.stratify != "" {
			ds += ".class_encode_column(" + pyStr(o.stratify) + ")"
			strat = "stratify_by_column=" + pyStr(o.stratify)
		}
		shuffle, seedKw := "", "seed="+seed
		if !o.shuffle {
			shuffle, seedKw = "shuffle=False", ""
		}
		test := o.test
		if !o.val.set {
			b.WriteString("d = " + ds + ".train_test_split(" + pyArgs(kw("test_size", test), kw("train_size", o.train), shuffle, strat, seedKw) + ")\n")
			b.WriteString(`train, test = d["train"], d["test"]`)
		} else {
			b.WriteString("d = " + ds + ".train_test_split(" + pyArgs(kw("test_size", test), shuffle, strat, seedKw) + ")\n")
			b.WriteString("rest, test = d[\"train\"], d[\"test\"]\n")
			b.WriteString("d = rest.train_test_split(" + pyArgs(kw("test_size", o.val), shuffle, strat, seedKw) + ")\n")
			b.WriteString(`train, val = d["train"], d["test"]`)
		}
	default:
		rs := "random_state=" + seed
		shuffle := ""
		if !o.shuffle {
			rs, shuffle = "", "shuffle=False"
		}
		switch {
		case o.group != "":
			b.WriteString("train_idx, test_idx = next(GroupShuffleSplit(" + pyArgs("n_splits=1", kw("test_size", o.test), kw("train_size", o.train), rs) +
				").split(df, groups=df[" + pyStr(o.group) + "]))\n")
			b.WriteString("train, test = df.iloc[train_idx], df.iloc[test_idx]")
		case o.val.set:
			strat, strat2 := "", ""
			if o.stratify != "" {
				strat, strat2 = "stratify=df["+pyStr(o.stratify)+"]", "stratify=rest["+pyStr(o.stratify)+"]"
			}
			b.WriteString("rest, test = train_test_split(" + pyArgs("df", kw("test_size", o.test), rs, shuffle, strat) + ")\n")
			b.WriteString("train, val = train_test_split(" + pyArgs("rest", kw("test_size", o.val), rs, shuffle, strat2) + ")")
		default:
			strat := ""
			if o.stratify != "" {
				strat = "stratify=df[" + pyStr(o.stratify) + "]"
			}
			b.WriteString("train, test = train_test_split(" + pyArgs("df", kw("test_size", o.test), kw("train_size", o.train), rs, shuffle, strat) + ")")
		}
	}
	return b.String()
}

// kfoldPython is the Python code a kfold run equals.
func kfoldPython(cmd *cobra.Command, o *kfoldOpts) string {
	var cv, split string
	k := "n_splits=" + itoa(o.folds)
	shuffle := ""
	if o.shuffle {
		shuffle = "shuffle=True, random_state=" + seedUsed(cmd)
	}
	switch {
	case o.timeSeries:
		opt := func(name string, v int) string {
			if v == 0 {
				return ""
			}
			return name + "=" + itoa(v)
		}
		cv, split = "TimeSeriesSplit("+pyArgs(k, opt("gap", o.gap), opt("test_size", o.tsTest), opt("max_train_size", o.maxTrain))+")", "df"
		return readCSV(cmd, o.input) + "fold = np.full(len(df), None, dtype=object)  # empty where no fold tests the row\n" +
			"for f, (_, test) in enumerate(" + cv + ".split(" + split + ")):\n    fold[test] = f\n" +
			"df.insert(len(df.columns), \"fold\", fold, allow_duplicates=True)\nfolds = df"
	case o.group != "" && o.stratify != "":
		if !o.shuffle {
			shuffle = "shuffle=False"
		}
		cv, split = "StratifiedGroupKFold("+pyArgs(k, shuffle)+")", "df, df["+pyStr(o.stratify)+"], groups=df["+pyStr(o.group)+"]"
	case o.group != "":
		cv, split = "GroupKFold("+pyArgs(k, shuffle)+")", "df, groups=df["+pyStr(o.group)+"]"
	case o.stratify != "":
		cv, split = "StratifiedKFold("+pyArgs(k, shuffle)+")", "df, df["+pyStr(o.stratify)+"]"
	default:
		cv, split = "KFold("+pyArgs(k, shuffle)+")", "df"
	}
	return readCSV(cmd, o.input) + "fold = np.empty(len(df), dtype=int)\n" +
		"for f, (_, test) in enumerate(" + cv + ".split(" + split + ")):\n    fold[test] = f\n" +
		"# appended as one more last column, even when df already has a 'fold' column\n" +
		"df.insert(len(df.columns), \"fold\", fold, allow_duplicates=True)\nfolds = df"
}

// itoa formats an int.
func itoa(i int) string { return strconv.Itoa(i) }
