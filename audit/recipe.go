package audit

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/rng"
	"github.com/splitter-dev/splitter/sample"
	"github.com/splitter-dev/splitter/split"
)

// Kind is a family of Python calls that make a train/test partition.
type Kind int

const (
	// Sklearn is train_test_split(df, test_size, train_size,
	// random_state=seed): rows permutation[:n_test] are test,
	// permutation[n_test:n_test+n_train] train, the permutation being
	// numpy RandomState(seed).permutation(n).
	Sklearn Kind = iota
	// SklearnNoShuffle is train_test_split(df, ..., shuffle=False): the
	// first n_train rows are train, the next n_test test; no seed.
	SklearnNoShuffle
	// SklearnStratified is train_test_split(df, ..., stratify=df[col]).
	SklearnStratified
	// Datasets is Hugging Face Dataset.train_test_split(test_size,
	// train_size, seed): as Sklearn with numpy default_rng(seed).
	Datasets
	// PandasSample is train = df.sample(frac=f, random_state=seed); test =
	// df.drop(train.index).
	PandasSample
	// TorchRandomSplit is train, test = random_split(range(n), [n_train,
	// n_test], generator=torch.Generator().manual_seed(seed)): torch's
	// randperm(n), a forward Fisher-Yates on MT19937, cut in two. Only
	// seed mod 2**32 matters.
	TorchRandomSplit
)

// String names the kind.
func (k Kind) String() string {
	switch k {
	case Sklearn:
		return "sklearn"
	case SklearnNoShuffle:
		return "sklearn-noshuffle"
	case SklearnStratified:
		return "sklearn-stratified"
	case Datasets:
		return "datasets"
	case PandasSample:
		return "pandas-sample"
	case TorchRandomSplit:
		return "torch-random-split"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Recipe is one Python call at fixed sizes, waiting for a seed.
type Recipe struct {
	Kind Kind
	// N is the number of data rows; Train and Test the part sizes.
	N, Train, Test int
	// Column and Labels are the stratify column (SklearnStratified).
	Column string
	Labels split.Labels
	// Version pins scikit-learn (the zero Version: 1.2.1, today's).
	// Only stratified splits differ between releases.
	Version split.Version
	// Releases names the releases the recipe stands for ("" for today's).
	Releases string
}

// multiplyFirst reports whether _approximate_mode computes n_draws *
// class_counts / total (scikit-learn before 1.0) rather than
// class_counts / total * n_draws.
func (r Recipe) multiplyFirst() bool {
	return r.Version.ApproxModeMultiplyFirst()
}

// Seeded reports whether the recipe draws from a seed.
func (r Recipe) Seeded() bool { return r.Kind != SklearnNoShuffle }

// Indices returns the train and test data rows the recipe gives for seed,
// computed by the split and sample packages (the full, slow path).
func (r Recipe) Indices(seed uint64) (train, test []int, err error) {
	switch r.Kind {
	case Sklearn, SklearnNoShuffle, SklearnStratified:
		opts := split.TrainTestOptions{TestSize: split.IntSize(r.Test), Version: r.Version}
		if r.Train+r.Test < r.N {
			opts.TrainSize = split.IntSize(r.Train)
		}
		switch r.Kind {
		case SklearnNoShuffle:
			opts.NoShuffle = true
		case SklearnStratified:
			opts.Stratify = r.Labels
			fallthrough
		default:
			opts.RandomState = split.Seed(uint32(seed))
		}
		return split.TrainTestSplit(r.N, opts)
	case Datasets:
		opts := split.HFOptions{TestSize: split.IntSize(r.Test), Seed: new(big.Int).SetUint64(seed)}
		if r.Train+r.Test < r.N {
			opts.TrainSize = split.IntSize(r.Train)
		}
		return split.HFTrainTestSplit(r.N, opts)
	case PandasSample:
		rs, err := sample.Seed(int64(seed))
		if err != nil {
			return nil, nil, err
		}
		f := r.frac()
		train, err := sample.Frame(r.N, sample.Options{Frac: &f, RandomState: rs})
		if err != nil {
			return nil, nil, err
		}
		in := make([]bool, r.N)
		for _, i := range train {
			in[i] = true
		}
		for i := 0; i < r.N; i++ {
			if !in[i] {
				test = append(test, i)
			}
		}
		return train, test, nil
	case TorchRandomSplit:
		parts, err := split.RandomSplit(r.N, []split.Length{split.LengthCount(r.Train), split.LengthCount(r.Test)}, rng.NewTorchGenerator(seed))
		if err != nil {
			return nil, nil, err
		}
		return parts[0], parts[1], nil
	}
	return nil, nil, nil
}

// Check reports whether the recipe with seed makes exactly partition p
// (the full computation; Explain runs it on every candidate).
func (r Recipe) Check(p *Partition, seed uint64) bool {
	train, test, err := r.Indices(seed)
	return err == nil && p.sameIDs(train, p.Train) && p.sameIDs(test, p.Test)
}

// frac is a fraction f with Python's round(f * N) == Train, short when one
// exists (0.8 rather than 0.80000000000000004).
func (r Recipe) frac() float64 {
	return niceFloat(float64(r.Train)/float64(r.N), func(f float64) bool {
		return int(math.RoundToEven(f*float64(r.N))) == r.Train
	})
}

// testFraction is a short test_size fraction that scikit-learn and
// datasets turn into exactly Test rows (ceil(f * N)), when the train part
// is the rest; ok is false when none with up to 6 decimals exists.
func (r Recipe) testFraction() (string, bool) {
	if r.Train+r.Test != r.N {
		return "", false
	}
	for d := 1; d <= 6; d++ {
		p := math.Pow(10, float64(d))
		f := math.Round(float64(r.Test)/float64(r.N)*p) / p
		if f > 0 && f < 1 && int(math.Ceil(f*float64(r.N))) == r.Test {
			return py.FloatRepr(f), true
		}
	}
	return "", false
}

// niceFloat returns the shortest decimal rounding of x (up to 17
// significant digits) that ok accepts, or x.
func niceFloat(x float64, ok func(float64) bool) float64 {
	for d := 1; d <= 17; d++ {
		f, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', d, 64), 64)
		if err == nil && ok(f) {
			return f
		}
	}
	return x
}

// sizes returns the size keyword arguments of scikit-learn and datasets.
func (r Recipe) sizes() string {
	if f, ok := r.testFraction(); ok {
		return "test_size=" + f
	}
	s := "test_size=" + strconv.Itoa(r.Test)
	if r.Train+r.Test < r.N {
		s += ", train_size=" + strconv.Itoa(r.Train)
	}
	return s
}

// ReadCall is the pandas call that reads the file at path as splitter
// does: read_json(lines=True) for JSON Lines, read_csv with sep for TSV or
// a sep given (0: none), read_csv otherwise.
func ReadCall(path string, sep byte) string {
	if files, err := PartFiles(path); err == nil && (len(files) > 1 || files[0] != path) {
		return datasetReadCall(path, files[0], sep)
	}
	low := strings.ToLower(contentName(path))
	switch {
	case strings.HasSuffix(low, ".jsonl"):
		return "pd.read_json(" + strconv.Quote(path) + ", lines=True)"
	case sep != 0 && sep != ',':
		return "pd.read_csv(" + strconv.Quote(path) + ", sep=" + strconv.Quote(string(sep)) + ")"
	case sep == 0 && strings.HasSuffix(low, ".tsv"):
		return "pd.read_csv(" + strconv.Quote(path) + ", sep=\"\\t\")"
	}
	return "pd.read_csv(" + strconv.Quote(path) + ")"
}

// Python returns the one-line Python code that makes the partition from
// the file data (read as ReadCall(data, 0) reads it) with seed.
func (r Recipe) Python(data string, seed uint64) string {
	return r.PythonRead(ReadCall(data, 0), seed)
}

// PythonRead is Python with the pandas read call given (see ReadCall).
func (r Recipe) PythonRead(readCall string, seed uint64) string {
	read := "df = " + readCall + "; "
	s := strconv.FormatUint(seed, 10)
	switch r.Kind {
	case Sklearn:
		return read + "train, test = train_test_split(df, " + r.sizes() + ", random_state=" + s + ")"
	case SklearnNoShuffle:
		return read + "train, test = train_test_split(df, " + r.sizes() + ", shuffle=False)"
	case SklearnStratified:
		py := read + "train, test = train_test_split(df, " + r.sizes() + ", random_state=" + s + ", stratify=df[" + strconv.Quote(r.Column) + "])"
		if r.Releases != "" {
			py += "  # scikit-learn " + r.Releases
		}
		return py
	case Datasets:
		return read + "d = Dataset.from_pandas(df).train_test_split(" + r.sizes() + ", seed=" + s + "); train, test = d[\"train\"], d[\"test\"]"
	case PandasSample:
		return read + "train = df.sample(frac=" + py.FloatRepr(r.frac()) + ", random_state=" + s + "); test = df.drop(train.index)"
	case TorchRandomSplit:
		return read + "tr, te = random_split(range(len(df)), [" + strconv.Itoa(r.Train) + ", " + strconv.Itoa(r.Test) + "], generator=torch.Generator().manual_seed(" + s + ")); train, test = df.iloc[list(tr)], df.iloc[list(te)]"
	}
	return ""
}
