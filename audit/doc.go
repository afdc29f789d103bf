// Package audit proves, from files alone, that a train/test partition is the
// one a recipe and a seed produce, and finds the recipe and seed behind a
// partition someone published. None of the Python libraries offers this.
//
//   - Manifest is the record splitter writes beside its outputs
//     (STEM.split.json): the command and flags, the Python call it equals,
//     the seed, and the SHA-256 of the input and of every output.
//   - Compare compares the rows of a file with the rows a recipe produces,
//     naming the first divergence and counting missing, extra and misplaced
//     rows (Verify's core).
//   - VerifyFiles checks that two CSV files are the train and test parts a
//     recipe and seed make of a data file, for pipelines that assert their
//     inputs (ErrMismatch, with the Diff in a *MismatchError).
//   - Explain searches recipes (scikit-learn train_test_split, Hugging Face
//     Dataset.train_test_split, pandas df.sample(frac | n), torch
//     random_split, Python's random.shuffle / random.sample; for one
//     shuffled file, pandas sample(frac=1), torch randperm and
//     random.shuffle) and seeds for those that produce a given partition;
//     Explain3 the two-step train/val/test splits; Establish says what the
//     files show when none does. Matches render as recipe.Recipe values.
//
// audit sits above split and sample and below the command line.
package audit
