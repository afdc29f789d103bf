package recipe

import (
	"github.com/splitter-dev/splitter/rows"
)

// Call names the Python call a Recipe equals.
type Call string

// The Python calls splitter reproduces. Each constant's comment is the
// call; df is the input as pandas reads it, S the seed.
const (
	// train, test = train_test_split(df, test_size=T, train_size=R,
	// random_state=S, shuffle=..., stratify=df[C]) (scikit-learn); with
	// ValSize, the two-step idiom: rest, test = train_test_split(df, ...),
	// train, val = train_test_split(rest, test_size=V, ...).
	TrainTestSplit Call = "sklearn.train_test_split"
	// next(GroupShuffleSplit(n_splits=1, test_size=T, train_size=R,
	// random_state=S).split(df, groups=df[G])).
	GroupShuffleSplit Call = "sklearn.GroupShuffleSplit"
	// Dataset.from_pandas(df).train_test_split(test_size=T, train_size=R,
	// seed=S, stratify_by_column=C) (Hugging Face datasets); ValSize as
	// for TrainTestSplit.
	DatasetsTrainTestSplit Call = "datasets.Dataset.train_test_split"
	// t = df[K].apply(lambda id_: zlib.crc32(np.int64(id_)) & 0xffffffff
	// < T * 2**32); train, test = df.loc[~t], df.loc[t]: the stable split
	// of Géron's "Hands-On Machine Learning" (crc32 of
	// str(id_).encode("utf-8") when df[K] is not int64).
	HashSplit Call = "zlib.crc32"
	// torch.utils.data.random_split(df, lengths,
	// generator=torch.Generator().manual_seed(S)).
	RandomSplit Call = "torch.random_split"
	// KFold(K, shuffle, random_state=S).split(df), StratifiedKFold
	// (stratify=df[C]), GroupKFold (groups=df[G]), StratifiedGroupKFold
	// (both), TimeSeriesSplit(K, gap, test_size, max_train_size): each
	// row's fold is the fold whose test part holds it.
	KFold                Call = "sklearn.KFold"
	StratifiedKFold      Call = "sklearn.StratifiedKFold"
	GroupKFold           Call = "sklearn.GroupKFold"
	StratifiedGroupKFold Call = "sklearn.StratifiedGroupKFold"
	TimeSeriesSplit      Call = "sklearn.TimeSeriesSplit"
	// RepeatedKFold(n_splits=K, n_repeats=R, random_state=S) and
	// RepeatedStratifiedKFold: one fold column per repetition.
	RepeatedKFold           Call = "sklearn.RepeatedKFold"
	RepeatedStratifiedKFold Call = "sklearn.RepeatedStratifiedKFold"
	// LeaveOneGroupOut().split(df, groups=df[G]): one fold per group, in
	// np.unique order.
	LeaveOneGroupOut Call = "sklearn.LeaveOneGroupOut"
	// train = df.sample(frac=F, random_state=S); test =
	// df.drop(train.index) (pandas), or sample(n=N): a split by sampling,
	// as explain finds it (Frac or N, and Seed; no CLI flags make it).
	PandasSampleSplit Call = "pandas.DataFrame.sample+drop"
	// x = list(range(len(df))); random.seed(S); random.shuffle(x); train,
	// test = df.iloc[x[:N]], df.iloc[x[N:]]: a split of a shuffled row
	// list, as explain finds it (N, Seed).
	PythonShuffleSplit Call = "random.shuffle+slice"
	// random.seed(S); t = random.sample(range(len(df)), N); train =
	// df.iloc[t]; test = df.drop(df.index[t]): a split by Python's
	// random.sample, as explain finds it (N, Seed).
	PythonSampleSplit Call = "random.sample+drop"
	// df.sample(frac=1, random_state=S) (pandas).
	PandasShuffle Call = "pandas.DataFrame.sample(frac=1)"
	// x = list(range(len(df))); random.seed(S); random.shuffle(x); df.iloc[x].
	PythonShuffle Call = "random.shuffle"
	// df.iloc[torch.randperm(len(df), generator=...manual_seed(S))].
	TorchShuffle Call = "torch.randperm"
	// DatasetsShuffle is Hugging Face datasets' Dataset.shuffle(seed=S):
	// ds.select(np.random.default_rng(S).permutation(len(ds))).
	DatasetsShuffle Call = "datasets.Dataset.shuffle"
	// df.sample(n=N | frac=F, replace=..., weights=df[W], random_state=S);
	// with Group, df.groupby(G).sample(...).
	PandasSample Call = "pandas.DataFrame.sample"
	// random.seed(S); df.iloc[random.sample(range(len(df)), N)], or with
	// Replace random.choices(range(len(df)), weights=df[W], k=N).
	PythonSample Call = "random.sample"
	// np.random.RandomState(S).permutation(N), np.random.default_rng(S)
	// .permutation(N), random.shuffle of list(range(N)), torch.randperm(N).
	NumpyPermutation     Call = "numpy.RandomState.permutation"
	GeneratorPermutation Call = "numpy.Generator.permutation"
	PythonPermutation    Call = "random.shuffle(range)"
	TorchPermutation     Call = "torch.randperm(n)"
)

// Recipe is one Python call, completely: what is called, with which sizes,
// seed, columns and library release. The zero value is not a recipe; make
// one with Parse (from the CLI's spelling) or decode one from JSON (what
// manifests store), then Validate it. Apply runs it on a table; Python
// renders the code it equals.
type Recipe struct {
	Call Call `json:"call"`
	// Sklearn pins a scikit-learn release ("0.22.2"); empty for today's
	// behaviour (1.2, which the newest releases equal).
	Sklearn string `json:"sklearn,omitempty"`
	// TestSize, TrainSize: test_size, train_size as typed (a float is a
	// fraction, an int a row count). ValSize: the second step's test_size.
	TestSize  Size `json:"test_size,omitzero"`
	TrainSize Size `json:"train_size,omitzero"`
	ValSize   Size `json:"val_size,omitzero"`
	// SizesRows is the row count a three-way split by counts must have.
	SizesRows int `json:"sizes_rows,omitempty"`
	// Lengths are random_split's lengths as typed; Names the parts' names.
	Lengths []string `json:"lengths,omitempty"`
	Names   []string `json:"names,omitempty"`
	// Seed is the seed as a decimal integer ("" where the call draws no
	// random number, or where it is yet to be drawn: see DrawSeed).
	Seed      string `json:"seed,omitempty"`
	SeedDrawn bool   `json:"seed_drawn,omitempty"`
	// NoShuffle is shuffle=False.
	NoShuffle bool `json:"no_shuffle,omitempty"`
	// Columns the call reads: stratify=df[Stratify], groups=df[Group],
	// weights=df[Weights].
	Stratify string `json:"stratify,omitempty"`
	Group    string `json:"group,omitempty"`
	Weights  string `json:"weights,omitempty"`
	// Key is the id column of HashSplit.
	Key string `json:"key,omitempty"`
	// Folds is n_splits; Gap, TestFold, MaxTrainSize TimeSeriesSplit's
	// gap, test_size and max_train_size (0: None); FoldFiles also writes
	// one train/test pair per fold.
	Folds        int  `json:"n_splits,omitempty"`
	Gap          int  `json:"gap,omitempty"`
	TestFold     int  `json:"ts_test_size,omitempty"`
	MaxTrainSize int  `json:"max_train_size,omitempty"`
	FoldFiles    bool `json:"fold_files,omitempty"`
	// Repeats is n_repeats of the Repeated* calls.
	Repeats int `json:"n_repeats,omitempty"`
	// N, Frac, Replace: sample's n, frac and replace (N also perm's n).
	N       Size   `json:"n,omitzero"`
	Frac    string `json:"frac,omitempty"`
	Replace bool   `json:"replace,omitempty"`
	// Shards, MaxRowsPerFile write each output as that many files, or as
	// files of that many rows (the last shorter): STEM.PART-00000-of-0000K.EXT,
	// whose rows concatenated in name order are the output's.
	Shards         int `json:"shards,omitempty"`
	MaxRowsPerFile int `json:"max_rows_per_file,omitempty"`
	// Sep is read_csv's sep ("" for the format's own).
	Sep string `json:"sep,omitempty"`
	// Format is the format of standard input (input "-"): csv, tsv,
	// jsonl or parquet; "" sniffed (table.OpenStream).
	Format string `json:"format,omitempty"`
}

// Command is the splitter command that runs the recipe: split, kfold,
// shuffle, sample or perm (also the KIND of its manifest's name); "" for
// an unknown call.
func (r *Recipe) Command() string {
	switch r.Call {
	case KFold, StratifiedKFold, GroupKFold, StratifiedGroupKFold, TimeSeriesSplit, RepeatedKFold, RepeatedStratifiedKFold, LeaveOneGroupOut:
		return "kfold"
	case PandasShuffle, PythonShuffle, TorchShuffle, DatasetsShuffle:
		return "shuffle"
	case PandasSample, PythonSample:
		return "sample"
	case NumpyPermutation, GeneratorPermutation, PythonPermutation, TorchPermutation:
		return "perm"
	case TrainTestSplit, GroupShuffleSplit, DatasetsTrainTestSplit, RandomSplit, PandasSampleSplit, HashSplit, PythonShuffleSplit, PythonSampleSplit:
		return "split"
	}
	return ""
}

// ReadOptions are the options of the input's reader (read_csv's sep).
func (r *Recipe) ReadOptions() rows.Options {
	if r.Sep == "" {
		return rows.Options{}
	}
	return rows.Options{Sep: r.Sep[0]}
}
