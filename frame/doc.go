// Package frame holds what the data-frame adapters share, and reads the
// columns of package rows for package sample. The adapters live in
// subpackages, one per library, so that a program links only the library
// it uses:
//
//   - frame/gota: gota DataFrames (github.com/go-gota/gota); no Arrow.
//   - frame/arrow15: Arrow records of github.com/apache/arrow/go/v15.
//   - frame/arrow18: Arrow records of github.com/apache/arrow-go/v18.
//
// Each offers Take (pandas' df.take(positions), df.iloc[positions]: the
// rows in the given order, repeats allowed, negative positions from the
// end), Groups and Weights (for sample.GroupBy and sample.Options.Weights),
// Labels (the stratify= or y= scikit-learn sees, for package split) and
// ClassLabels (Hugging Face's class_encode_column). The positions come
// from packages sample and split; the adapters only move rows and read
// columns, so that those packages stay free of dependencies.
//
// Package frame itself imports neither gota nor Arrow: ResolvePositions
// is pandas' take index check every adapter uses, and the errors are
// declared here (or re-exported from package column, which turns a column
// as pandas holds it into labels, groups and weights for every adapter
// and for package table).
package frame
