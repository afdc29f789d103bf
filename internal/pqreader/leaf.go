package pqreader

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/schema"
)

// leafReader reads one leaf column over the chosen row groups through a
// file.RecordReader, moving to the next column chunk when one runs out.
type leafReader struct {
	fld    *arrow.Field
	col    int
	descr  *schema.Column
	rr     file.RecordReader
	pr     *file.Reader
	groups []int // the row groups not yet started
	out    *arrow.Chunked
}

func newLeafReader(pr *file.Reader, mem memory.Allocator, sf *SchemaField, groups []int) (*leafReader, error) {
	descr := pr.MetaData().Schema.Column(sf.ColIndex)
	l := &leafReader{
		fld:    sf.Field,
		col:    sf.ColIndex,
		descr:  descr,
		rr:     file.NewRecordReader(descr, sf.LevelInfo, sf.Field.Type, mem, pr.BufferPool()),
		pr:     pr,
		groups: groups,
	}
	if err := l.nextChunk(); err != nil {
		l.release()
		return nil, err
	}
	return l, nil
}

// nextChunk gives the record reader the pages of the next row group's
// chunk, or none when all are read.
func (l *leafReader) nextChunk() error {
	if len(l.groups) == 0 {
		l.rr.SetPageReader(nil)
		return nil
	}
	g := l.groups[0]
	l.groups = l.groups[1:]
	pages, err := l.pr.RowGroup(g).GetColumnPageReader(l.col)
	if err != nil {
		return fmt.Errorf("row group %d column %d: %w", g, l.col, err)
	}
	l.rr.SetPageReader(pages)
	return nil
}

func (l *leafReader) loadBatch(n int64) error {
	l.dropOut()
	l.rr.Reset()
	if err := l.rr.Reserve(n); err != nil {
		return fmt.Errorf("column %s: %w", l.descr.Path(), err)
	}
	for n > 0 && l.rr.HasMore() {
		read, err := l.rr.ReadRecords(n)
		if err != nil {
			return fmt.Errorf("column %s: %w", l.descr.Path(), err)
		}
		n -= read
		if read == 0 {
			if err := l.nextChunk(); err != nil {
				return err
			}
		}
	}
	out, err := transfer(l.rr, l.fld.Type, l.descr)
	if err != nil {
		return fmt.Errorf("column %s: %w", l.descr.Path(), err)
	}
	l.out = out
	return nil
}

// buildArray hands over what loadBatch made: a leaf has no bound to keep.
func (l *leafReader) buildArray(int64) (*arrow.Chunked, error) {
	out := l.out
	l.out = nil
	return out, nil
}

func (l *leafReader) defLevels() ([]int16, error) { return l.rr.DefLevels()[:l.rr.LevelsPos()], nil }
func (l *leafReader) repLevels() ([]int16, error) { return l.rr.RepLevels()[:l.rr.LevelsPos()], nil }

func (l *leafReader) hasRepeated() bool   { return false }
func (l *leafReader) field() *arrow.Field { return l.fld }

func (l *leafReader) dropOut() {
	if l.out != nil {
		l.out.Release()
		l.out = nil
	}
}

func (l *leafReader) release() {
	l.dropOut()
	if l.rr != nil {
		l.rr.Release()
		l.rr = nil
	}
}
