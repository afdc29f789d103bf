package table

import (
	"context"
	"io"

	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/rows/parquetrows"
)

// Table is a dataset on disk as pandas reads it: delimited text or JSON
// Lines (*rows.Index: pd.read_csv, pd.read_json(lines=True)) or Parquet
// (*parquetrows.File: pd.read_parquet), compressed or not. Rows are
// numbered 0..Len()-1 as pandas numbers them; columns are typed as pandas
// types them; rows are written byte for byte (text) or value for value
// (Parquet).
type Table interface {
	// Len is len(df).
	Len() int
	// Names is list(df.columns).
	Names() []string
	// Column is df[name] as pandas types it; an error wrapping
	// rows.ErrNoColumn when the table has no such column.
	Column(name string) (*rows.Column, error)
	// WriteRowsContext writes the header and rows order (positions, in
	// that order): df.iloc[order].to_csv(w, index=False), byte-exact.
	WriteRowsContext(ctx context.Context, w io.Writer, order []int) error
	// WriteWithFolds writes every row with one more last column name
	// holding folds[i], nothing (pandas' <NA>) where it is negative
	// (df.insert(len(df.columns), name, folds)).
	WriteWithFolds(w io.Writer, name string, folds []int) error
	// WriteRangeWithFolds is WriteWithFolds of rows lo..hi-1 only, with
	// the header: one shard of that file.
	WriteRangeWithFolds(w io.Writer, name string, folds []int, lo, hi int) error
	Close() error
}

// Open opens path as pandas would read it: pd.read_parquet for .parquet
// files, pd.read_json(path, lines=True) for .jsonl, pd.read_csv
// otherwise (opts.Sep as sep=), decompressed as pandas infers from the
// name (.gz, .bz2, .zip, .xz, .zst). Path "-" (StdinPath) reads standard
// input as OpenStream does, its format sniffed. A directory or a glob is
// the dataset of its files (Files, OpenDataset). Decompressing stops when
// ctx is done.
func Open(ctx context.Context, path string, opts rows.Options) (Table, error) {
	if path == StdinPath {
		return openStdin(ctx, opts)
	}
	if IsDataset([]string{path}) {
		files, err := Files([]string{path})
		if err != nil {
			return nil, err
		}
		return OpenDataset(ctx, files, opts)
	}
	if parquetrows.IsParquetPath(path) {
		p, err := parquetrows.Open(path, parquetOptions(opts))
		if err != nil {
			return nil, err
		}
		return p, nil
	}
	ix, err := rows.IndexFileContext(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	return ix, nil
}

// parquetOptions are the options a Parquet input is opened with: written
// by the rules of opts.ParquetWriter.
func parquetOptions(opts rows.Options) parquetrows.Options {
	return parquetrows.Options{Writer: parquetrows.WriterVersion(opts.ParquetWriter)}
}
