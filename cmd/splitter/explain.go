package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/column"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/split"
)

func newExplainCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain [--seeds A-B] DATA TRAIN [VAL] TEST | explain DATA SHUFFLED | explain --split-column COL DATA FILE | explain --fold-column COL FILE | explain [--fold-files] DATA FOLD0 FOLD1 ...",
		Short: "Find the recipes and seeds that make TRAIN and TEST from DATA",
		Long: `Tries seeds A..B inclusive (default 0-1048576) with every recipe that could have
made the two files at their sizes (df = pd.read_csv(DATA)):

  train_test_split(df, test_size=..., random_state=S)             shuffled
  train_test_split(df, test_size=..., shuffle=False)              no seed
  train_test_split(df, ..., random_state=S, stratify=df[COL])     each column whose
                                                                  class counts fit
  Dataset.from_pandas(df).train_test_split(test_size=..., seed=S) Hugging Face
  train = df.sample(frac=F, random_state=S); test = df.drop(train.index)
  parts = random_split(df, [A, B] or [0.8, 0.2], generator=torch.Generator().manual_seed(S))
  train = df.sample(n=A, random_state=S); test = df.drop(train.index)    or frac=F
  x = list(range(len(df))); random.seed(S); random.shuffle(x); train, test = x[:A], x[A:]
  random.seed(S); t = random.sample(range(len(df)), A); train, test = df.iloc[t], the rest
  next(GroupShuffleSplit(n_splits=1, test_size=..., random_state=S).split(df, groups=df[COL]))
  Dataset.from_pandas(df).class_encode_column(COL).train_test_split(..., stratify_by_column=COL, seed=S)

DATA SHUFFLED explains one file holding every row of DATA once: df.sample(frac=1,
random_state=S) (the order of np.random.RandomState(S).permutation and
sklearn.utils.shuffle too), torch.randperm, Python's random.shuffle, or Hugging
Face's Dataset.shuffle(seed=S) (np.random.default_rng(S).permutation).

Rows are matched by their bytes when the parts hold DATA's lines verbatim, else
by value as pandas reads them (parts written by pandas or Hugging Face: floats
reformatted, columns reordered or dropped, the index column to_csv() writes, JSON
Lines or Parquet); duplicated rows as multisets. --key COL matches on one unique
column. DATA TRAIN VAL TEST searches the two-step three-way split (rest, test =
train_test_split(df, ...); train, val = train_test_split(rest, ...), same seed).
--split-column COL DATA FILE reads one file whose column says each row's part;
--ids reads the parts as ID lists; both say which rows went where, not
their order, so only membership is checked. --fold-column COL FILE finds the
KFold, StratifiedKFold, GroupKFold or StratifiedGroupKFold (shuffled with a seed,
or not) that gave FILE's fold column; DATA FOLD0 FOLD1 ... (four or more files,
or --fold-files) does the same for test folds given one file each, in order.
TRAIN and TEST need not cover all of DATA. Each match is printed on stdout as
"seed S: <python code>"; the search stops at the lowest seed that matches unless
--all is given. Exit 0 if anything
matched, 1 otherwise (stderr then says what the files establish: sizes, row
order, stratification). Progress with an ETA is shown on stderr when it is a
terminal; on Ctrl-C the seeds searched so far are printed and the exit status is
130. --compat limits the recipes to sklearn,
datasets, pandas, torch or python (Python's random); --compat sklearn@X.Y.Z pins the scikit-learn release (only
stratified splits differ between releases) and --compat sklearn@* tries every
release from 0.18.2 on, once per group of releases that split alike.`,
		Example: `  splitter explain data.csv data.train.csv data.test.csv
  splitter explain --seeds 0-100000 --compat sklearn data.csv train.csv test.csv
  splitter explain --split-column split data.csv data_with_split.csv
  splitter explain data.csv shuffled.csv
  splitter explain --ids --key id data.csv train_ids.txt test_ids.json
  splitter explain --fold-column fold data.folds.csv
  splitter explain --fold-files data.csv data.fold0.test.csv data.fold1.test.csv data.fold2.test.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: runExplain,
	}
	f := cmd.Flags()
	f.String("seeds", "0-1048576", "seed range `A-B`, inclusive")
	f.Bool("all", false, "print every match (default: stop at the lowest seed that matches)")
	f.Bool("json", false, "print the matches as one JSON object: {\"matches\": [{\"seed\", \"python\", \"recipe\"}]} (each recipe as a manifest records it)")
	f.String("fold-column", "", "FILE: which KFold made FILE's fold column `COL` (kfold's STEM.folds file: the data with the fold of each row)")
	f.String("label", "", "with --json: count the classes of `COL` in each part (default: the stratify column of the first match)")
	f.String("group", "", "with --json: count the distinct groups of `COL` in each part (default: the group column of the first match)")
	f.Bool("fold-files", false, "DATA FOLD0 FOLD1 ...: which cross-validator made these test folds, one file each in fold order (implied by 4 or more files after DATA)")
	f.String("compat", "", "only these recipes: sklearn, sklearn@X.Y.Z, sklearn@*, datasets, pandas, torch or python (default: all)")
	sepFlag(cmd)
	matchFlags(cmd)
	return cmd
}

// parseSeeds reads --seeds A-B.
func parseSeeds(s string) (first, last uint64, err error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "-")
	if ok {
		first, err = strconv.ParseUint(strings.TrimSpace(a), 10, 64)
		if err == nil {
			last, err = strconv.ParseUint(strings.TrimSpace(b), 10, 64)
		}
	}
	if !ok || err != nil {
		return 0, 0, flagErr("--seeds", s, errors.New("want A-B, two non-negative integers"))
	}
	if first > last {
		return 0, 0, flagErr("--seeds", s, audit.ErrEmptySeedRange)
	}
	return first, last, nil
}

func runExplain(cmd *cobra.Command, args []string) error {
	seeds, _ := cmd.Flags().GetString("seeds")
	first, last, err := parseSeeds(seeds)
	if err != nil {
		return err
	}
	var kinds []audit.Kind
	var versions []split.Version
	sklearnKinds := []audit.Kind{audit.Sklearn, audit.SklearnNoShuffle, audit.SklearnStratified, audit.GroupShuffle}
	switch c, _ := cmd.Flags().GetString("compat"); {
	case c == "sklearn@*":
		kinds = sklearnKinds
		for _, name := range split.SklearnVersions() {
			v, err := split.SklearnVersion(name)
			if err != nil {
				return err
			}
			versions = append(versions, v)
		}
	case strings.HasPrefix(c, "sklearn@"):
		v, _, err := sklearnPin(c)
		if err != nil {
			return err
		}
		kinds, versions = sklearnKinds, []split.Version{v}
	case c == "":
	case c == "sklearn":
		kinds = sklearnKinds
	case c == "datasets":
		kinds = []audit.Kind{audit.Datasets, audit.DatasetsStratified, audit.DatasetsShuffle}
	case c == "pandas":
		kinds = []audit.Kind{audit.PandasSample, audit.PandasShuffle}
	case c == "torch":
		kinds = []audit.Kind{audit.TorchRandomSplit, audit.TorchShuffle}
	case c == "python":
		kinds = []audit.Kind{audit.PythonShuffleSplit, audit.PythonSampleSplit, audit.PythonShuffle}
	default:
		return flagErr("--compat", c, errors.New("want sklearn, sklearn@X.Y.Z, sklearn@*, datasets, pandas, torch or python"))
	}
	opts, err := readOptions(cmd)
	if err != nil {
		return err
	}
	if flagBool(cmd, "fold-files") || len(args) > 4 {
		return explainFoldFiles(cmd, args, opts, audit.ExplainOptions{First: first, Last: last, Kinds: kinds, Versions: versions, All: flagBool(cmd, "all")})
	}
	if col, _ := cmd.Flags().GetString("fold-column"); col != "" || len(args) == 1 {
		return explainFolds(cmd, args, col, opts, audit.ExplainOptions{First: first, Last: last, Kinds: kinds, Versions: versions, All: flagBool(cmd, "all")})
	}
	key, _ := cmd.Flags().GetString("key")
	splitCol, _ := cmd.Flags().GetString("split-column")
	e, err := audit.OpenShape(cmd.Context(), args, audit.ShapeOptions{Key: key, SplitColumn: splitCol, IDs: flagBool(cmd, "ids"), Read: opts})
	if e != nil && e.Data != nil {
		defer e.Data.Close()
	}
	if errors.Is(err, audit.ErrUnmatched) {
		return &exitError{code: exitDiffers, msg: err.Error()}
	}
	if err != nil {
		return err
	}
	for _, n := range e.Notes {
		fmt.Fprintln(cmd.ErrOrStderr(), "note: "+n)
	}
	if err := checkSummaryColumns(cmd, e.Data); err != nil {
		return err
	}
	p := e.Partition
	eo := audit.ExplainOptions{First: first, Last: last, Kinds: kinds, Versions: versions, All: flagBool(cmd, "all")}
	if kinds == nil || kinds[0] == audit.Sklearn || kinds[0] == audit.Datasets {
		eo.Columns = stratifyColumns(e.Data)
	}
	clearBar := func() {}
	if bar := startSeedProgress(cmd, last-first); bar != nil {
		eo.Progress = func(done, _ uint64) { _ = bar.Set64(int64(min(done, math.MaxInt64))) } // calls are serialised
		clearBar = func() { _ = bar.Clear() }
		defer clearBar()
	}
	if e.Three != nil {
		return explainThree(cmd, args, opts.Sep, e.Three, eo, clearBar)
	}
	matches, err := audit.Explain(cmd.Context(), p, eo)
	clearBar() // before the matches, which a terminal shows on the bar's line
	pms := pythonMatches(matches, args[0], opts.Sep)
	sum, serr := explainSummary(cmd, args, p, e.Data, pms)
	if serr != nil && err == nil {
		err = serr
	}
	if perr := printMatchesWith(cmd, pms, sum); perr != nil && err == nil {
		err = perr
	}
	if ie := (*audit.InterruptedError)(nil); errors.As(err, &ie) {
		searched := fmt.Sprintf("no seed searched of %d..%d", ie.First, ie.Last)
		if ie.Next > ie.First {
			searched = fmt.Sprintf("searched seeds %d..%d of %d..%d", ie.First, ie.Next-1, ie.First, ie.Last)
		}
		return &exitError{code: exitInterrupted, msg: "interrupted; " + searched}
	}
	if err != nil {
		return err
	}
	if len(matches) == 0 {
		msg := fmt.Sprintf("%s: no recipe with a seed in %d-%d makes them from %s; the files establish:", strings.Join(args[1:], ", "), first, last, args[0])
		for _, f := range audit.Establish(p, eo.Columns) {
			msg += "\n  " + f
		}
		return &exitError{code: exitDiffers, msg: msg}
	}
	return nil
}

// startSeedProgress draws a bar of the seeds searched (count, rate, ETA)
// on stderr when it is a terminal and --quiet is not given.
func startSeedProgress(cmd *cobra.Command, span uint64) *bar {
	f, ok := cmd.ErrOrStderr().(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || flagBool(cmd, "quiet") {
		return nil
	}
	return newCountProgress(f, "seeds", int64(min(span, math.MaxInt64-1)+1))
}

// stratifyColumns reads every column of the data as scikit-learn labels;
// columns that cannot be labels are left out (Explain keeps only those
// whose class counts fit the files).
func stratifyColumns(ix audit.Table) []audit.Column {
	var cols []audit.Column
	for _, name := range ix.Names() {
		col, err := ix.Column(name)
		if err != nil {
			continue
		}
		l, err := column.Labels(col)
		if err != nil {
			continue
		}
		c := audit.Column{Name: name, Labels: l}
		if !oneRowClass(l) {
			c.ClassLabels, _ = column.ClassLabels(col) // unset when HF cannot encode it
		}
		cols = append(cols, c)
	}
	return cols
}

// oneRowClass reports whether a class of l has one row. Hugging Face's
// classes (class_encode_column: str of each value) are never coarser
// than scikit-learn's (np.unique merges 1 == 1.0 == True and -0.0 == 0.0,
// str does not; columns np.unique cannot sort are not labels at all), so
// such a class has one row there too, and stratify_by_column, which
// needs two rows a class, is never tried: ClassLabels is not computed.
// It is explain's costliest step on a column of distinct values (1-2 s
// for 1M floats).
func oneRowClass(l split.Labels) bool {
	counts := make([]int32, l.NumClasses())
	for _, c := range l.Codes() {
		counts[c]++
	}
	return slices.Contains(counts, 1)
}

// pythonMatch is a match as explain prints it.
type pythonMatch struct {
	Seed   string         `json:"seed"`
	Python string         `json:"python"`
	Recipe *recipe.Recipe `json:"recipe"`
}

// pythonMatches renders two-part matches of parts of data.
func pythonMatches(ms []audit.Match, data string, sep byte) []pythonMatch {
	out := []pythonMatch{}
	for _, m := range ms {
		out = append(out, pythonMatch{strconv.FormatUint(m.Seed, 10), m.Python(data, sep), m.Recipe.Recipe(m.Seed)})
	}
	return out
}

// printMatches prints explain's matches: a line each ("seed S: PYTHON"),
// or with --json one object holding each match's seed, Python and recipe
// value.
func printMatches(cmd *cobra.Command, matches []pythonMatch) error {
	return printMatchesWith(cmd, matches, nil)
}

// explainSummary is what --json adds for a two-part explain: the data's
// rows and each part's rows, with class counts of --label (default: the
// first match's stratify column) and group counts of --group (default:
// its group column). nil without --json.
func explainSummary(cmd *cobra.Command, args []string, p *audit.Partition, data audit.Table, ms []pythonMatch) (*matchSummary, error) {
	if !flagBool(cmd, "json") || data == nil || len(args) != 3 {
		return nil, nil
	}
	var so audit.SummaryOptions
	so.Label, _ = cmd.Flags().GetString("label")
	so.Group, _ = cmd.Flags().GetString("group")
	if len(ms) > 0 && ms[0].Recipe != nil {
		if so.Label == "" {
			so.Label = ms[0].Recipe.Stratify
		}
		if so.Group == "" {
			so.Group = ms[0].Recipe.Group
		}
	}
	parts, err := audit.Summarize(p, data, [2]string{args[1], args[2]}, so)
	if err != nil {
		return nil, err
	}
	return &matchSummary{Input: inputSummary{Path: args[0], Rows: p.N()}, Parts: parts}, nil
}

// checkSummaryColumns refuses a --label or --group naming no column of
// the data, before the search.
func checkSummaryColumns(cmd *cobra.Command, data audit.Table) error {
	for _, flag := range []string{"label", "group"} {
		name, _ := cmd.Flags().GetString(flag)
		if name == "" || data == nil || slices.Contains(data.Names(), name) {
			continue
		}
		return flagErr("--"+flag, name, fmt.Errorf("no such column; the data has %s", strings.Join(data.Names(), ", ")))
	}
	return nil
}

// matchSummary is the data and the parts as --json describes them.
type matchSummary struct {
	Input inputSummary        `json:"input"`
	Parts []audit.PartSummary `json:"parts"`
}

type inputSummary struct {
	Path string `json:"path"`
	Rows int    `json:"rows"`
}

// printMatchesWith is printMatches, with --json adding sum's fields.
func printMatchesWith(cmd *cobra.Command, matches []pythonMatch, sum *matchSummary) error {
	out := cmd.OutOrStdout()
	if !flagBool(cmd, "json") {
		for _, m := range matches {
			fmt.Fprintf(out, "seed %s: %s\n", m.Seed, m.Python)
		}
		return nil
	}
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	v := struct {
		Matches []pythonMatch `json:"matches"`
		*matchSummary
	}{matches, sum}
	return enc.Encode(v)
}
