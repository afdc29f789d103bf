package pqwriter

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
)

// Write writes rec as one new row group, or as several when it has more
// rows than the properties' MaxRowGroupLength; pqarrow FileWriter.Write.
func (fw *FileWriter) Write(rec arrow.Record) error {
	if !rec.Schema().Equal(fw.schema) {
		return fmt.Errorf("pqwriter: record schema does not match writer's.\nrecord: %s\nwriter: %s", rec.Schema(), fw.schema)
	}
	maxRows := fw.wr.Properties().MaxRowGroupLength()
	parts := []arrow.Record{rec}
	if rec.NumRows() > maxRows {
		parts = parts[:0]
		for off := int64(0); off < rec.NumRows(); off += maxRows {
			s := rec.NewSlice(off, off+min(maxRows, rec.NumRows()-off))
			defer s.Release()
			parts = append(parts, s)
		}
	}
	for _, r := range parts {
		fw.NewRowGroup()
		if err := fw.writeColumns(r); err != nil {
			return err
		}
	}
	fw.colIdx = 0
	return nil
}

// WriteBuffered appends rec to the open buffered row group, starting new
// ones each time the properties' MaxRowGroupLength is reached; pqarrow
// FileWriter.WriteBuffered.
func (fw *FileWriter) WriteBuffered(rec arrow.Record) error {
	if !rec.Schema().Equal(fw.schema) {
		return fmt.Errorf("pqwriter: record schema does not match writer's.\nrecord: %s\nwriter: %s", rec.Schema(), fw.schema)
	}
	maxRows := fw.wr.Properties().MaxRowGroupLength()
	var cur int64
	if fw.rgw != nil {
		n, err := fw.rgw.NumRows()
		if err != nil {
			return fmt.Errorf("pqwriter: %w", err)
		}
		cur = int64(n)
		if cur > maxRows { // pqarrow panics slicing the record
			return fmt.Errorf("pqwriter: open row group has %d rows, more than the %d allowed", cur, maxRows)
		}
	} else {
		fw.newBufferedRowGroup()
	}
	parts := []arrow.Record{rec}
	if cur+rec.NumRows() > maxRows {
		parts = []arrow.Record{rec.NewSlice(0, maxRows-cur)}
		defer parts[0].Release()
		for off := maxRows - cur; off < rec.NumRows(); off += maxRows {
			s := rec.NewSlice(off, off+min(maxRows, rec.NumRows()-off))
			defer s.Release()
			parts = append(parts, s)
		}
	}
	for i, r := range parts {
		if i > 0 {
			fw.newBufferedRowGroup()
		}
		if err := fw.writeColumns(r); err != nil {
			return err
		}
	}
	fw.colIdx = 0
	return nil
}

// writeColumns writes r's columns in turn; on failure it closes the file,
// as pqarrow does.
func (fw *FileWriter) writeColumns(r arrow.Record) error {
	for i := 0; i < int(r.NumCols()); i++ {
		if err := fw.WriteColumnData(r.Column(i)); err != nil {
			fw.Close()
			return err
		}
	}
	return nil
}
