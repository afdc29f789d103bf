package pqreader

import "github.com/apache/arrow/go/v15/arrow"

// ColumnReader reads one field batch after batch, as pqarrow's
// ColumnReader does.
type ColumnReader struct {
	n node
}

// node is one reader of the tree behind a ColumnReader: a leaf column, a
// struct or a list of its children.
type node interface {
	// loadBatch decodes the next n records of every leaf below.
	loadBatch(n int64) error
	// buildArray assembles what loadBatch decoded, at most bound values.
	buildArray(bound int64) (*arrow.Chunked, error)
	// defLevels and repLevels return the levels loadBatch decoded for
	// the leaf that stands for this node (repLevels only when there are).
	defLevels() ([]int16, error)
	repLevels() ([]int16, error)
	// hasRepeated is true when the node is or holds a list.
	hasRepeated() bool
	field() *arrow.Field
	release()
}

// NextBatch is pqarrow's ColumnReader.NextBatch: the next n rows of the
// field (fewer at the end, none past it) as one chunked array.
func (c *ColumnReader) NextBatch(n int64) (*arrow.Chunked, error) {
	if err := c.n.loadBatch(n); err != nil {
		return nil, err
	}
	return c.n.buildArray(n)
}

// Field is the Arrow field the reader yields (pqarrow's Field()).
func (c *ColumnReader) Field() *arrow.Field { return c.n.field() }

// Release frees the reader's buffers; it may be called more than once.
func (c *ColumnReader) Release() {
	if c.n != nil {
		c.n.release()
		c.n = nil
	}
}
