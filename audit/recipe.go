package audit

import (
	"math"
	"math/big"
	"strconv"

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

	// xmore: Python's random on row lists, and one shuffled part (Train
	// the part, Test empty). See recipe_more.go.

	// PythonShuffleSplit is x = list(range(n)); random.seed(seed);
	// random.shuffle(x); train, test = x[:n_train], x[n_train:].
	PythonShuffleSplit
	// PythonSampleSplit is random.seed(seed); train =
	// random.sample(range(n), n_train); test the other rows in order.
	PythonSampleSplit
	// PandasShuffle is one part, df.sample(frac=1, random_state=seed):
	// RandomState(seed).permutation(n), as np.random.permutation and
	// sklearn.utils.shuffle(df, random_state=seed) order the rows too.
	PandasShuffle
	// TorchShuffle is one part, df.iloc[torch.randperm(n,
	// generator=torch.Generator().manual_seed(seed))].
	TorchShuffle
	// PythonShuffle is one part, x = list(range(n)); random.seed(seed);
	// random.shuffle(x); df.iloc[x].
	PythonShuffle

	// xfolds: groups and Hugging Face's stratified split.

	// GroupShuffle is train, test = next(GroupShuffleSplit(n_splits=1,
	// test_size, train_size, random_state=seed).split(df,
	// groups=df[col])): RandomState(seed).permutation over the distinct
	// groups, cut as Sklearn cuts rows; each part holds the rows of its
	// groups, ascending. N, Train and Test count groups, not rows.
	GroupShuffle
	// DatasetsStratified is Hugging Face Dataset.train_test_split(
	// test_size, train_size, seed, stratify_by_column=col) (after
	// class_encode_column(col)): StratifiedShuffleSplit's algorithm on
	// numpy default_rng(seed).
	DatasetsStratified
	// DatasetsShuffle is one part, Hugging Face Dataset.shuffle(seed=seed):
	// select(np.random.default_rng(seed).permutation(n)).
	DatasetsShuffle
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
	case GroupShuffle:
		return "sklearn-group-shuffle"
	case DatasetsStratified:
		return "datasets-stratified"
	}
	if s := k.moreName(); s != "" {
		return s
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
	case Datasets, DatasetsStratified:
		opts := split.HFOptions{TestSize: split.IntSize(r.Test), Seed: new(big.Int).SetUint64(seed)}
		if r.Train+r.Test < r.N {
			opts.TrainSize = split.IntSize(r.Train)
		}
		if r.Kind == DatasetsStratified {
			opts.Stratify, opts.StratifyColumn = r.Labels, r.Column
		}
		return split.HFTrainTestSplit(r.N, opts)
	case GroupShuffle:
		return r.groupIndices(seed)
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
	return r.moreIndices(seed)
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
