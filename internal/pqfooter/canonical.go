package pqfooter

import (
	"bytes"
	"fmt"

	"github.com/splitter-dev/splitter/internal/thrift"
)

// Canonical returns footer (the thrift compact-protocol FileMetaData of a
// Parquet file, the bytes before the last 8 of the file) with every column
// chunk's encoding_stats list in canonical order, every other byte as it
// was; the result has the same length and footer is not modified.
// Canonical order: the entries whose page_type is DICTIONARY_PAGE first,
// then the others; within each, entries with a dictionary encoding
// (PLAIN_DICTIONARY=2, RLE_DICTIONARY=8) first, then by encoding number
// ascending, then by page_type, count (entries equal in all fields keep
// their order).
//
// Canonical applied to what Arrow's metadata writer emits gives the same
// bytes whatever order Go's map iteration gave the encoding stats.
//
// An error wrapping ErrMalformed (never a panic; time and memory linear in
// len(footer)) when footer is not one well-formed compact-protocol struct
// with nothing after it, nests deeper than 64, holds a list or map larger
// than its bytes allow, declares the row groups, column chunks or encoding
// stats as lists of non-structs, or holds a PageEncodingStats without its
// three i32 fields. As thrift's generated readers do, a field on the path
// to encoding_stats with an unexpected type is skipped, not rewritten.
func Canonical(footer []byte) ([]byte, error) {
	out := bytes.Clone(footer)
	r := newReader(footer)
	err := r.Fields(0, func(id int16, typ thrift.Type) (bool, error) {
		if id != 4 || typ != thrift.TypeList { // FileMetaData.row_groups
			return false, nil
		}
		return true, r.structs(func() error { return r.rowGroup(out) })
	})
	if err == nil && r.Remaining() != 0 {
		err = r.Errorf("%d bytes after the FileMetaData", r.Remaining())
	}
	if err != nil {
		return nil, fmt.Errorf("canonical footer: %w", err)
	}
	return out, nil
}

// rowGroup reads a RowGroup, rewriting the encoding stats of its columns
// into out.
func (r *reader) rowGroup(out []byte) error {
	return r.Fields(1, func(id int16, typ thrift.Type) (bool, error) {
		if id != 1 || typ != thrift.TypeList { // RowGroup.columns
			return false, nil
		}
		return true, r.structs(func() error { return r.columnChunk(out) })
	})
}

// columnChunk reads a ColumnChunk, rewriting the encoding stats of its
// meta_data into out.
func (r *reader) columnChunk(out []byte) error {
	return r.Fields(2, func(id int16, typ thrift.Type) (bool, error) {
		if id != 3 || typ != thrift.TypeStruct { // ColumnChunk.meta_data
			return false, nil
		}
		return true, r.columnMetaData(out)
	})
}

// columnMetaData reads a ColumnMetaData, rewriting its encoding stats
// into out.
func (r *reader) columnMetaData(out []byte) error {
	return r.Fields(3, func(id int16, typ thrift.Type) (bool, error) {
		if id != 13 || typ != thrift.TypeList { // ColumnMetaData.encoding_stats
			return false, nil
		}
		return true, r.encodingStats(out)
	})
}

// structs reads a list whose elements must be structs, calling each once
// per element to read it.
func (r *reader) structs(each func() error) error {
	elem, n, err := r.ListHeader()
	if err != nil {
		return err
	}
	if n > 0 && elem != thrift.TypeStruct {
		return r.Errorf("list of type %d where structs are due", elem)
	}
	for range n {
		if err := each(); err != nil {
			return err
		}
	}
	return nil
}
