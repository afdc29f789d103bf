// Package splitbeam runs a splitter recipe as an Apache Beam pipeline on
// a sharded dataset, exactly: its outputs, concatenated in name order,
// are byte for byte the rows, in the order, that the recipe's Python
// call returns on pd.concat([pd.read_csv(f) for f in shards],
// ignore_index=True) — the files splitter's CLI writes with --shards K
// for the same INPUT (a directory, a glob or a list of files, resolved by
// job.NewLayout as the CLI resolves it), and the CLI's manifest, which
// `splitter verify` checks.
//
// The pipeline (Split) has five steps:
//
//  1. count: each worker indexes whole shards with splitter's row engine
//     (table.Open), so rows are numbered as pandas numbers them,
//     quoted newlines included, and reports the shard's row count, header
//     and the columns the recipe reads (stratify, group, weights, key);
//  2. plan: one worker rebuilds the shards as the CLI's table.Dataset
//     (table.NewDataset: its checks and pd.concat types), applies the
//     recipe once (the permutation is one sequential random stream, as
//     numpy draws it) and sends every shard the output file and position
//     of each of its rows;
//  3. cut: each worker reindexes its shard and emits its rows' bytes keyed
//     by output file;
//  4. write: each output file's rows are placed by position and the file
//     is written under a temporary name and hashed;
//  5. commit: one worker renames every file into place, then writes the
//     manifest last.
//
// Paths are local paths every worker can read and write (a shared mount
// on a cluster).
package splitbeam
