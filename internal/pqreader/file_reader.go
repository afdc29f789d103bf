package pqreader

import (
	"context"
	"errors"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
)

// FileReader reads the fields of a Parquet file as Arrow arrays, as a
// pqarrow.FileReader made with ArrowReadProperties{Parallel: false,
// BatchSize: 1 << 16} does.
type FileReader struct {
	Manifest *SchemaManifest

	pr  *file.Reader
	mem memory.Allocator
}

// NewFileReader is pqarrow.NewFileReader(pr, pqarrow.ArrowReadProperties{
// Parallel: false, BatchSize: 1 << 16}, mem): the manifest of pr's schema,
// with the types stored under ARROW:schema restored.
func NewFileReader(pr *file.Reader, mem memory.Allocator) (*FileReader, error) {
	md := pr.MetaData()
	m, err := NewSchemaManifest(md.Schema, md.KeyValueMetadata())
	if err != nil {
		return nil, fmt.Errorf("parquet schema: %w", err)
	}
	return &FileReader{Manifest: m, pr: pr, mem: mem}, nil
}

// Schema is pqarrow's FileReader.Schema(): the Arrow schema of the file
// (fields and metadata), converted afresh from the file's metadata.
func (r *FileReader) Schema() (*arrow.Schema, error) {
	md := r.pr.MetaData()
	m, err := NewSchemaManifest(md.Schema, md.KeyValueMetadata())
	if err != nil {
		return nil, fmt.Errorf("parquet schema: %w", err)
	}
	return m.arrowSchema(), nil
}

// ParquetReader returns the file.Reader r reads.
func (r *FileReader) ParquetReader() *file.Reader { return r.pr }

// errRowGroup and errField report arguments out of range.
var (
	errRowGroup = errors.New("invalid row group")
	errField    = errors.New("invalid field")
)

// GetFieldReader is pqarrow's FileReader.GetFieldReader: a reader of
// top-level field i over rowGroups (in that order), reading the leaf
// columns in leaves (nil when none of them is). Where pqarrow panics on a
// field or row group out of range, it returns an error.
func (r *FileReader) GetFieldReader(_ context.Context, i int, leaves map[int]bool, rowGroups []int) (*ColumnReader, error) {
	if i < 0 || i >= len(r.Manifest.Fields) {
		return nil, fmt.Errorf("%w: %d of %d", errField, i, len(r.Manifest.Fields))
	}
	for _, g := range rowGroups {
		if g < 0 || g >= r.pr.NumRowGroups() {
			return nil, fmt.Errorf("%w: %d of %d", errRowGroup, g, r.pr.NumRowGroups())
		}
	}
	b := builder{pr: r.pr, mem: r.mem, leaves: leaves, rowGroups: rowGroups}
	n, err := b.build(&r.Manifest.Fields[i], *r.Manifest.Fields[i].Field)
	if err != nil || n == nil {
		return nil, err
	}
	return &ColumnReader{n}, nil
}
