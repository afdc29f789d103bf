// Package recipe names, as one value, every Python call splitter
// reproduces, and runs it exactly: same seed, same rows, same order.
//
// A Recipe is the call, its sizes, its seed, the columns it reads and the
// library release it pins. It validates itself (Validate, with Python's
// errors), applies itself to a table (Apply: the row positions of each
// output, in Python's order), renders the Python it equals (Python), and
// marshals to JSON (what manifests store). Parse builds one from the
// command line's spelling; package job runs one on a file and writes its
// outputs atomically; audit.VerifyManifest checks such a run later.
//
// The calls (df = pd.read_csv(path), or read_json/read_parquet):
//
//	TrainTestSplit          train_test_split(df, test_size, train_size, random_state, shuffle, stratify)
//	                        and the two-step train/val/test idiom (ValSize)
//	GroupShuffleSplit       next(GroupShuffleSplit(n_splits=1, ...).split(df, groups=df[G]))
//	DatasetsTrainTestSplit  Dataset.from_pandas(df).train_test_split(test_size, train_size, seed,
//	                        stratify_by_column) (Hugging Face), also two-step
//	HashSplit               crc32 of each id < T * 2**32 (Géron's stable split), df.loc[~t], df.loc[t]
//	RandomSplit             torch.utils.data.random_split(df, lengths, generator=manual_seed(S))
//	PandasSampleSplit       train = df.sample(frac=F | n=N, random_state=S); test = df.drop(train.index)
//	PythonShuffleSplit      random.shuffle(x) of the row numbers, train = x[:N], test = x[N:]
//	PythonSampleSplit       t = random.sample(range(len(df)), N); train = df.iloc[t]; test = the rest
//	KFold, StratifiedKFold, GroupKFold, StratifiedGroupKFold, TimeSeriesSplit,
//	RepeatedKFold, RepeatedStratifiedKFold, LeaveOneGroupOut
//	                        the fold of each row (one fold column per repetition),
//	                        and each fold's train/test rows
//	PandasShuffle           df.sample(frac=1, random_state=S)
//	PythonShuffle           random.seed(S); random.shuffle(x) of the row numbers
//	TorchShuffle            df.iloc[torch.randperm(len(df), generator=...)]
//	DatasetsShuffle         Dataset.shuffle(seed=S): df.iloc[np.random.default_rng(S).permutation(len(df))]
//	PandasSample            df.sample(n|frac, replace, weights, random_state), df.groupby(G).sample(...)
//	PythonSample            random.sample(range(len(df)), k), random.choices(..., weights, k)
//	NumpyPermutation, GeneratorPermutation, PythonPermutation, TorchPermutation
//	                        the permutation of 0..N-1 (Permutation)
//
// Seeds are decimal strings in the call's own range (Seeds): numpy's
// RandomState 0..2**32-1, default_rng any integer >= 0, Python's random
// any integer, torch -2**63..2**64-1. Sklearn pins a scikit-learn release
// from 0.18.2 on; the behaviours that changed between releases come from
// one table in package split.
//
// Adding a call: a Call constant, its arguments in Parse (args_*.go), its
// checks in Validate, its run in Apply (apply_*.go) and its code in
// Python; the CLI and manifests then know it.
package recipe
