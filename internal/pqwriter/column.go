package pqwriter

import (
	"errors"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
)

// WriteColumnData writes a as the next column of the open row group (as
// many leaf columns as a's type has leaves); pqarrow
// FileWriter.WriteColumnData.
func (fw *FileWriter) WriteColumnData(a arrow.Array) error {
	if fw.rgw == nil {
		return errors.New("pqwriter: WriteColumnData without an open row group")
	}
	a.NullN() // pqarrow counts a's nulls (arrow.NewChunked), caching the count
	leaves := leafCount(a.DataType())
	if a.Len() == 0 {
		// pqarrow takes the buffered row group's columns from 0 here.
		fw.colIdx += leaves
		for i := 0; i < leaves; i++ {
			if _, err := fw.column(i); err != nil {
				return err
			}
		}
		return nil
	}
	if fw.colIdx < 0 || fw.colIdx >= fw.pq.NumColumns() {
		return fmt.Errorf("pqwriter: column index %d not found in schema", fw.colIdx)
	}
	nullable := fw.pq.ColumnRoot(fw.colIdx).RepetitionType() == parquet.Repetitions.Optional
	s := array.NewSlice(a, 0, int64(a.Len()))
	defer s.Release()
	paths, err := leafPaths(s, nullable)
	if err != nil {
		return err
	}
	if len(paths) != leaves {
		return fmt.Errorf("pqwriter: data type leaf_count != builder leaf_count: %d - %d", leaves, len(paths))
	}
	first := fw.colIdx
	fw.colIdx += leaves
	for i := range paths {
		if err := fw.writeLeaf(first+i, &paths[i], int64(s.Len())); err != nil {
			return err
		}
	}
	return nil
}

// writeLeaf writes the leaf column col of the first n entries of p's array.
func (fw *FileWriter) writeLeaf(col int, p *leafPath, n int64) error {
	cw, err := fw.column(col)
	if err != nil {
		return err
	}
	lv, err := p.levelsOf(n)
	if err != nil {
		return err
	}
	values := array.NewSlice(p.leaf, lv.lo, lv.hi)
	defer values.Release()
	return writeArrow(cw, values, lv.def, lv.rep, p.nullable)
}

// column is the writer of leaf column i: the next one of a serial row
// group, column i of a buffered one.
func (fw *FileWriter) column(i int) (file.ColumnChunkWriter, error) {
	var (
		cw  file.ColumnChunkWriter
		err error
	)
	if fw.rgw.Buffered() {
		cw, err = fw.rgw.(file.BufferedRowGroupWriter).Column(i)
	} else if rg := fw.rgw.(file.SerialRowGroupWriter); rg.CurrentColumn()+1 >= rg.NumColumns() {
		// parquet/file panics past the last column
		err = fmt.Errorf("all %d columns of the row group are written", rg.NumColumns())
	} else {
		cw, err = rg.NextColumn()
	}
	if err != nil {
		return nil, fmt.Errorf("pqwriter: column %d: %w", i, err)
	}
	return cw, nil
}

// leafCount is the number of leaf columns of a type.
func leafCount(dt arrow.DataType) int {
	switch dt := dt.(type) {
	case arrow.ExtensionType:
		return leafCount(dt.StorageType())
	case arrow.NestedType:
		n := 0
		for _, f := range dt.Fields() {
			n += leafCount(f.Type)
		}
		return n
	case *arrow.DictionaryType:
		return leafCount(dt.ValueType)
	}
	return 1
}

// writeArrow is pqarrow.WriteArrowToColumn: it writes one leaf array with
// its levels. leafNullable is whether the leaf's own field may be null.
func writeArrow(cw file.ColumnChunkWriter, leaf arrow.Array, def, rep []int16, leafNullable bool) error {
	info := cw.LevelInfo()
	// Whether nulls above the leaf may leave slots in the leaf array, so
	// that the values must be written spaced out by the levels.
	singleNullable := info.DefLevel == info.RepeatedAncestorDefLevel+1 && leafNullable
	parentNulls := info.HasNullableValues() && !singleNullable
	if parentNulls && !cw.HasBitsBuffer() {
		buf := memory.NewResizableBuffer(cw.Properties().Allocator())
		buf.Resize(int(bitutil.BytesForBits(cw.Properties().WriteBatchSize())))
		cw.SetBitsBuffer(buf)
	}
	if leaf.DataType().ID() == arrow.DICTIONARY {
		return writeDictionary(cw, leaf.(*array.Dictionary), def, rep, parentNulls)
	}
	return writeDense(cw, leaf, def, rep, parentNulls)
}
