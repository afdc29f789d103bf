// Package split holds index-level splitters that return exactly the index
// arrays, in exactly the order, that scikit-learn's model_selection
// splitters, Hugging Face datasets' Dataset.train_test_split/shuffle and
// PyTorch's random_split return for the same inputs and seed.
//
// Everything works on sample positions 0..n-1: the caller passes n (and
// class labels or group labels where the Python call takes them) and gets
// index slices back. Labels are passed as Labels values, built from a
// column with EncodeInts, EncodeFloats, EncodeStrings or EncodeBools, which
// order classes the way numpy.unique does for that column's dtype.
//
// Randomness follows scikit-learn's random_state: Seed(s) makes a fresh
// numpy RandomState(s) on every Split call (so repeated calls agree), while
// Shared(r) passes a *rng.RandomState whose stream advances from call to
// call (as passing a RandomState instance does in Python).
//
// Checked against scikit-learn 1.2.1 on numpy 1.24.2; see
// docs/compatibility.md for the versions each splitter equals.
//
// Older and newer releases: every splitter (and TrainTestOptions) has a
// Version field. SklearnVersion("0.21.3") pins it to one release, 0.18.2
// to 1.9.dev0, with that release's algorithm variants and raising rules
// (one behaviour table, split/version_table.go, holds them; SklearnVariants
// lists them; docs/algorithms/versions.md explains them).
package split
