package pqwriter

import (
	"fmt"
	"io"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/metadata"
	"github.com/apache/arrow/go/v15/parquet/schema"
)

// FileWriter writes Arrow data to a Parquet file; it is pqarrow.FileWriter
// with the default ArrowWriterProperties. It must not be used from more
// than one goroutine at a time.
type FileWriter struct {
	wr     *file.Writer
	schema *arrow.Schema
	pq     *schema.Schema
	rgw    file.RowGroupWriter
	colIdx int // the next leaf column WriteColumnData writes
	sink   *footerSink
	closed bool
}

// NewFileWriter starts a Parquet file of schema sc on w: the same bytes as
// pqarrow.NewFileWriter(sc, w, props, pqarrow.NewArrowWriterProperties()).
// A nil props means parquet.NewWriterProperties().
func NewFileWriter(sc *arrow.Schema, w io.Writer, props *parquet.WriterProperties) (*FileWriter, error) {
	if props == nil {
		props = parquet.NewWriterProperties()
	}
	pq, err := toParquet(sc, props)
	if err != nil {
		return nil, err
	}
	meta := make(metadata.KeyValueMetadata, 0)
	md := sc.Metadata()
	for i := 0; i < md.Len(); i++ {
		meta.Append(md.Keys()[i], md.Values()[i])
	}
	sink := &footerSink{w: w}
	wr := file.NewParquetWriter(sink, pq.Root(), file.WithWriterProps(props), file.WithWriteMetadata(meta))
	return &FileWriter{wr: wr, schema: sc, pq: pq, sink: sink}, nil
}

// NewRowGroup closes the open row group, if any, and starts a new one
// written column by column; pqarrow FileWriter.NewRowGroup.
func (fw *FileWriter) NewRowGroup() {
	if fw.rgw != nil {
		fw.rgw.Close()
	}
	fw.rgw = fw.wr.AppendRowGroup()
	fw.colIdx = 0
}

// newBufferedRowGroup is pqarrow FileWriter.NewBufferedRowGroup.
func (fw *FileWriter) newBufferedRowGroup() {
	if fw.rgw != nil {
		fw.rgw.Close()
	}
	fw.rgw = fw.wr.AppendBufferedRowGroup()
	fw.colIdx = 0
}

// AppendKeyValueMetadata adds a key/value pair to the file's footer
// metadata; pqarrow FileWriter.AppendKeyValueMetadata.
func (fw *FileWriter) AppendKeyValueMetadata(key, value string) error {
	if err := fw.wr.AppendKeyValueMetadata(key, value); err != nil {
		return fmt.Errorf("pqwriter: %w", err)
	}
	return nil
}

// Close closes the open row group and writes the footer; later calls do
// nothing. pqarrow FileWriter.Close.
func (fw *FileWriter) Close() error {
	if fw.closed {
		return nil
	}
	fw.closed = true
	if fw.rgw != nil {
		if err := fw.rgw.Close(); err != nil {
			return fmt.Errorf("pqwriter: closing row group: %w", err)
		}
	}
	fw.sink.hold = true
	err := fw.wr.Close()
	if err != nil {
		err = fmt.Errorf("pqwriter: closing file: %w", err)
	} else {
		err = fw.sink.flush()
	}
	// pqarrow's writer closes a sink it can close, and so does this one.
	if c, ok := fw.sink.w.(io.Closer); ok {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}
	return err
}
