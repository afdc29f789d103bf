// Package pqtest writes Parquet files through Arrow's pqarrow, the oracle
// splitter's own Parquet code is held to, for tests (only tests import it:
// pqarrow links gRPC, which the CLI must not).
package pqtest

import (
	"io"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
)

// Write writes rec to w as one Parquet file by pqarrow, with the writer
// properties props and pqarrow's options opts.
func Write(w io.Writer, rec arrow.Record, props []parquet.WriterProperty, opts ...pqarrow.WriterOption) error {
	fw, err := pqarrow.NewFileWriter(rec.Schema(), w, parquet.NewWriterProperties(props...), pqarrow.NewArrowWriterProperties(opts...))
	if err != nil {
		return err
	}
	if err := fw.Write(rec); err != nil {
		fw.Close()
		return err
	}
	return fw.Close()
}

// MustWrite is Write with the Arrow schema stored, as pyarrow's
// to_parquet stores it; it fails tb on an error.
func MustWrite(tb testing.TB, w io.Writer, rec arrow.Record, props ...parquet.WriterProperty) {
	tb.Helper()
	if err := Write(w, rec, props, pqarrow.WithStoreSchema()); err != nil {
		tb.Fatal(err)
	}
}
