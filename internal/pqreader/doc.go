// Package pqreader reads the columns of a Parquet file into Arrow arrays
// exactly as Arrow Go v15's pqarrow.FileReader does (created with
// ArrowReadProperties{Parallel: false, BatchSize: 1 << 16}), without
// importing pqarrow, arrow/compute or arrow/flight, whose package
// initialisation (gRPC, protobuf, kernels) costs every run of the CLI.
//
// It builds on parquet/file's record readers and level conversion, and
// decodes everything on the calling goroutine: it never starts one, so a
// panic on damaged data can be recovered by the caller.
//
// The schema conversion (FromParquet with the ARROW:schema key restoring
// original types), the reader tree (leaf, struct, list, fixed size list,
// map) and the conversion of decoded values to arrays follow pqarrow's
// behaviour, including its quirks, so that every batch is equal to
// pqarrow's: see the comments where a quirk is kept on purpose.
package pqreader
