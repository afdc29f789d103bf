package table

import (
	"context"
	"fmt"
	"io"

	"github.com/splitter-dev/splitter/rows/parquetrows"
)

// writeParquet writes the dataset rows of order as one Parquet file of
// the first shard's schema.
func (d *Dataset) writeParquet(ctx context.Context, w io.Writer, order []int) error {
	refs := make([]parquetrows.Ref, len(order))
	for j, i := range order {
		k, local := d.Shard(i)
		refs[j] = parquetrows.Ref{File: k, Row: local}
	}
	return parquetrows.WriteConcatContext(ctx, w, d.pq, refs)
}

// writeParquetFolds is WriteRangeWithFolds of Parquet shards.
func (d *Dataset) writeParquetFolds(w io.Writer, name string, folds []int, lo, hi int) error {
	return parquetrows.WriteConcatWithFolds(w, d.pq, name, folds, lo, hi)
}

// checkSchemas refuses a Parquet shard whose Arrow schema (names and
// types, in order) is not the first shard's.
func (d *Dataset) checkSchemas() error {
	for k, p := range d.pq[1:] {
		if !d.pq[0].SameSchema(p) {
			return fmt.Errorf("%s: %w (%s): its Parquet schema differs", d.files[k+1], ErrShardColumns, d.files[0])
		}
	}
	return nil
}

var _ Table = (*Dataset)(nil)
