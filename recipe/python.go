package recipe

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/rows"
)

// Python is the exact Python code the recipe equals on input (the path as
// the code should name it) of rows rows: the line reading df as pandas
// does, then the call binding the outputs (train, test, val, parts,
// folds, df.sample(...)). A pinned scikit-learn release is named in a
// first comment line. Imports are separate (Imports), so that the code
// reads as the call.
func (r *Recipe) Python(input string, rows int) string {
	if code, ok := r.pythonOfDataset(input, rows); ok {
		return code
	}
	return r.python(py.Repr(input), input, rows)
}

// PythonStdin is Python for a run on standard input that held what a file
// of extensions ext holds (".csv.gz", ".jsonl", ".parquet"): pandas reads
// sys.stdin.buffer, decompressing it as ext says.
func (r *Recipe) PythonStdin(ext string, n int) string {
	src := "sys.stdin.buffer"
	if c := rows.Compression(ext); c != "" {
		src += ", compression=" + py.Repr(c)
	}
	return r.python(src, "stdin"+ext, n)
}

// python is the code reading src (a Python expression: a path's repr,
// sys.stdin.buffer) as a file called name is read, then the call.
func (r *Recipe) python(src, name string, rows int) string {
	return r.pythonAfter(r.readPython(src, name), rows)
}

// pythonAfter is the code making df (read), then the call.
func (r *Recipe) pythonAfter(read string, rows int) string {
	code := read + r.callPython(rows) + r.shardsPython()
	if v := r.version(); v.IsPinned() {
		code = "# scikit-learn==" + v.String() + " (numpy 1.24 RandomState streams); variants: " + strings.Join(v.VariantNames(), ", ") + "\n" + code
	}
	return code
}

// Program is Imports(code) followed by code: Python that runs as is.
func (r *Recipe) Program(input string, rows int) string {
	code := r.Python(input, rows)
	return Imports(code) + code
}

// readPython is the line reading src as the recipe reads a file called
// name: its format from the name's extensions (compression aside), sep
// from the recipe. Parquet from standard input is read from its bytes
// (read_parquet needs a seekable file).
func (r *Recipe) readPython(src, name string) string {
	low := strings.ToLower(rows.TrimCompression(filepath.Base(name)))
	switch {
	case strings.HasSuffix(low, ".parquet") && strings.HasPrefix(src, "sys.stdin"):
		return "df = pd.read_parquet(io.BytesIO(sys.stdin.buffer.read()))\n"
	case strings.HasSuffix(low, ".parquet"):
		return "df = pd.read_parquet(" + src + ")\n"
	case strings.HasSuffix(low, ".jsonl") || strings.HasSuffix(low, ".ndjson"):
		return "df = pd.read_json(" + src + ", lines=True)\n"
	case r.Sep != "":
		return "df = pd.read_csv(" + src + ", sep=" + py.Repr(r.Sep) + ")\n"
	case strings.HasSuffix(low, ".tsv"):
		return "df = pd.read_csv(" + src + ", sep='\\t')\n"
	}
	return "df = pd.read_csv(" + src + ")\n"
}

// callPython is the call on df.
func (r *Recipe) callPython(rows int) string {
	switch r.Command() {
	case "kfold":
		return r.kfoldPython()
	case "shuffle":
		return r.shufflePython()
	case "sample":
		return r.samplePython()
	case "perm":
		return r.permPython()
	}
	switch r.Call {
	case RandomSplit:
		return "parts = torch.utils.data.random_split(df, [" + strings.Join(r.torchLengthsPython(rows), ", ") +
			"], generator=torch.Generator().manual_seed(" + r.seedLiteral() + "))"
	case DatasetsTrainTestSplit:
		return r.datasetsPython()
	case HashSplit:
		return r.hashPython()
	case PandasSampleSplit:
		size := "frac=" + r.Frac
		if r.Frac == "" {
			size = "n=" + r.N.String()
		}
		return "train = df.sample(" + size + ", random_state=" + r.seedLiteral() + ")\ntest = df.drop(train.index)"
	case PythonShuffleSplit:
		return "x = list(range(len(df)))\nrandom.seed(" + r.seedLiteral() + ")\nrandom.shuffle(x)\ntrain, test = df.iloc[x[:" + r.N.String() + "]], df.iloc[x[" + r.N.String() + ":]]"
	case PythonSampleSplit:
		return "random.seed(" + r.seedLiteral() + ")\nt = random.sample(range(len(df)), " + r.N.String() + ")\ntrain = df.iloc[t]\ntest = df.drop(df.index[t])"
	case GroupShuffleSplit:
		return "train_idx, test_idx = next(GroupShuffleSplit(" + pyArgs("n_splits=1", kw("test_size", r.TestSize), kw("train_size", r.TrainSize), "random_state="+r.seedLiteral()) +
			").split(df, groups=df[" + py.Repr(r.Group) + "]))\n" +
			"train, test = df.iloc[train_idx], df.iloc[test_idx]"
	}
	rs, shuffle := "random_state="+r.seedLiteral(), ""
	if r.NoShuffle {
		rs, shuffle = "", "shuffle=False"
	}
	if r.ValSize.IsNone() {
		return "train, test = train_test_split(" + pyArgs("df", kw("test_size", r.TestSize), kw("train_size", r.TrainSize), rs, shuffle, r.column("stratify", "df", r.Stratify)) + ")"
	}
	return "rest, test = train_test_split(" + pyArgs("df", kw("test_size", r.TestSize), rs, shuffle, r.column("stratify", "df", r.Stratify)) + ")\n" +
		"train, val = train_test_split(" + pyArgs("rest", kw("test_size", r.ValSize), rs, shuffle, r.column("stratify", "rest", r.Stratify)) + ")"
}

// column is the keyword argument name=frame[col], or "" for no column.
func (r *Recipe) column(name, frame, col string) string {
	if col == "" {
		return ""
	}
	return name + "=" + frame + "[" + py.Repr(col) + "]"
}

func (r *Recipe) datasetsPython() string {
	ds, strat := "Dataset.from_pandas(df)", ""
	if r.Stratify != "" {
		ds += ".class_encode_column(" + py.Repr(r.Stratify) + ")"
		strat = "stratify_by_column=" + py.Repr(r.Stratify)
	}
	shuffle, seed := "", "seed="+r.seedLiteral()
	if r.NoShuffle {
		shuffle, seed = "shuffle=False", ""
	}
	if r.ValSize.IsNone() {
		return "d = " + ds + ".train_test_split(" + pyArgs(kw("test_size", r.TestSize), kw("train_size", r.TrainSize), shuffle, strat, seed) + ")\n" +
			`train, test = d["train"], d["test"]`
	}
	return "d = " + ds + ".train_test_split(" + pyArgs(kw("test_size", r.TestSize), shuffle, strat, seed) + ")\n" +
		"rest, test = d[\"train\"], d[\"test\"]\n" +
		"d = rest.train_test_split(" + pyArgs(kw("test_size", r.ValSize), shuffle, strat, seed) + ")\n" +
		`train, val = d["train"], d["test"]`
}

func (r *Recipe) kfoldPython() string {
	k := "n_splits=" + strconv.Itoa(r.Folds)
	var cv, on string
	switch r.Call {
	case TimeSeriesSplit:
		opt := func(name string, v int) string {
			if v == 0 {
				return ""
			}
			return name + "=" + strconv.Itoa(v)
		}
		cv = "TimeSeriesSplit(" + pyArgs(k, opt("gap", r.Gap), opt("test_size", r.TestFold), opt("max_train_size", r.MaxTrainSize)) + ")"
		return "fold = np.full(len(df), None, dtype=object)  # empty where no fold tests the row\n" +
			"for f, (_, test) in enumerate(" + cv + ".split(df)):\n    fold[test] = f\n" +
			"df.insert(len(df.columns), \"fold\", fold, allow_duplicates=True)\nfolds = df"
	case RepeatedKFold, RepeatedStratifiedKFold:
		cv, on = "KFold", "df"
		if r.Call == RepeatedStratifiedKFold {
			cv, on = "StratifiedKFold", "df, df["+py.Repr(r.Stratify)+"]"
		}
		return "folds = [np.empty(len(df), dtype=int) for _ in range(" + strconv.Itoa(r.Repeats) + ")]  # written as STEM.rep0.folds, ...\n" +
			"for i, (_, test) in enumerate(Repeated" + cv + "(" + pyArgs(k, "n_repeats="+strconv.Itoa(r.Repeats), "random_state="+r.seedLiteral()) + ").split(" + on + ")):\n" +
			"    folds[i // " + strconv.Itoa(r.Folds) + "][test] = i % " + strconv.Itoa(r.Folds) + "\n" +
			"parts = []\n" +
			"for f in folds:\n    d = df.copy()\n    d.insert(len(d.columns), \"fold\", f, allow_duplicates=True)\n    parts.append(d)\n" +
			"folds = parts"
	}
	cv, on = r.foldCV()
	return "fold = np.empty(len(df), dtype=int)\n" +
		"for f, (_, test) in enumerate(" + cv + ".split(" + on + ")):\n    fold[test] = f\n" +
		"# appended as one more last column, even when df already has a 'fold' column\n" +
		"df.insert(len(df.columns), \"fold\", fold, allow_duplicates=True)\nfolds = df"
}

func (r *Recipe) shufflePython() string {
	switch r.Call {
	case PythonShuffle:
		return "x = list(range(len(df)))\nrandom.seed(" + r.seedLiteral() + ")\nrandom.shuffle(x)\ndf.iloc[x]"
	case TorchShuffle:
		return "df.iloc[torch.randperm(len(df), generator=torch.Generator().manual_seed(" + r.seedLiteral() + ")).numpy()]"
	case DatasetsShuffle:
		// Dataset.shuffle is select(default_rng(seed).permutation(len)).
		return "df.iloc[np.random.default_rng(" + r.seedLiteral() + ").permutation(len(df))]  # = Hugging Face ds.shuffle(seed=" + r.seedLiteral() + ")"
	}
	return "df.sample(frac=1, random_state=" + r.seedLiteral() + ")"
}

func (r *Recipe) samplePython() string {
	if r.Call == PythonSample {
		k := strconv.Itoa(r.count())
		call := "random.sample(range(len(df)), " + k + ")"
		if r.Replace {
			call = "random.choices(range(len(df)), " + pyArgs(r.column("weights", "df", r.Weights), "k="+k) + ")"
		}
		return "random.seed(" + r.seedLiteral() + ")\ndf.iloc[" + call + "]"
	}
	var a []string
	if !r.N.IsNone() {
		a = append(a, "n="+r.N.String())
	}
	if r.Frac != "" {
		a = append(a, "frac="+r.Frac)
	}
	if r.Replace {
		a = append(a, "replace=True")
	}
	if r.Weights != "" {
		a = append(a, r.column("weights", "df", r.Weights))
	}
	a = append(a, "random_state="+r.seedLiteral())
	if r.Group != "" {
		return "df.groupby(" + py.Repr(r.Group) + ").sample(" + strings.Join(a, ", ") + ")"
	}
	return "df.sample(" + strings.Join(a, ", ") + ")"
}

func (r *Recipe) permPython() string {
	n, s := r.N.String(), r.seedLiteral()
	switch r.Call {
	case GeneratorPermutation:
		return "np.random.default_rng(" + s + ").permutation(" + n + ")"
	case PythonPermutation:
		return "random.seed(" + s + ")\nx = list(range(" + n + "))\nrandom.shuffle(x)"
	case TorchPermutation:
		return "torch.randperm(" + n + ", generator=torch.Generator().manual_seed(" + s + "))"
	}
	return "np.random.RandomState(" + s + ").permutation(" + n + ")"
}

// pyArgs joins arguments, skipping empty ones.
func pyArgs(args ...string) string {
	var out []string
	for _, a := range args {
		if a != "" {
			out = append(out, a)
		}
	}
	return strings.Join(out, ", ")
}

// kw is name=s, or "" for None.
func kw(name string, s Size) string {
	if s.IsNone() {
		return ""
	}
	return name + "=" + s.String()
}

// shardsPython is the comment saying how the outputs are written as
// files, "" when each is one file.
func (r *Recipe) shardsPython() string {
	switch {
	case r.Shards > 0:
		return "\n# each output written as " + strconv.Itoa(r.Shards) + " files STEM.PART-00000-of-" + fmt.Sprintf("%05d", r.Shards) + ".EXT: consecutive rows, the first len % " + strconv.Itoa(r.Shards) + " one longer"
	case r.MaxRowsPerFile > 0:
		return "\n# each output written as files of " + strconv.Itoa(r.MaxRowsPerFile) + " consecutive rows (the last shorter), STEM.PART-00000-of-0000K.EXT"
	}
	return ""
}
