package main

import (
	"context"
	"io"

	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/rows/parquetrows"
)

// table is an input file the commands read rows from: delimited text or
// JSON Lines (rows.Index) or Parquet (parquetrows.File).
type table interface {
	Len() int
	Names() []string
	Column(name string) (*rows.Column, error)
	WriteRowsContext(ctx context.Context, w io.Writer, order []int) error
	WriteWithColumn(w io.Writer, name string, values []string) error
	Close() error
}

// openTable opens path as pandas would read it: read_parquet for .parquet
// files (outputs are Parquet too), read_csv/read_json otherwise.
// Decompressing a .gz input stops when ctx is done.
func openTable(ctx context.Context, path string, opts rows.Options) (table, error) {
	if parquetrows.IsParquetPath(path) {
		p, err := parquetrows.Open(path, parquetrows.Options{})
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
