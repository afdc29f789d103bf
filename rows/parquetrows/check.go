package parquetrows

import (
	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/metadata"

	"github.com/splitter-dev/splitter/internal/pqreader"
)

// Bounds on what a file may declare, so that a damaged count or size fails
// before it is allocated. A row group may declare at most
// baseRows + rowsPerByte*(its column chunks' bytes) rows: run-length
// encoding lets a valid file hold many rows in few bytes (a constant or
// all-null column), but not millions per byte. One allocation may be at
// most max(baseAlloc, allocPerByte*(file size)) bytes.
const (
	baseRows     = 1 << 20
	rowsPerByte  = 4096
	baseAlloc    = 1 << 30
	allocPerByte = 1024
)

// check verifies the footer of the file of size bytes against itself and
// the file's size before any data is read: every row group has a chunk for
// every leaf column, each chunk lies inside the file, uses a codec splitter
// can decode and is not encrypted, row counts are within the bounds
// above, and every leaf of the schema names a column.
func check(name string, pr *file.Reader, fr *pqreader.FileReader, size int64) ([]chunk, error) {
	var chunks []chunk
	md := pr.MetaData()
	leaves := md.Schema.NumColumns()
	old := md.WriterVersion().LessThan(metadata.Parquet816FixedVersion)
	var total int64
	for g := 0; g < pr.NumRowGroups(); g++ {
		rg := md.RowGroup(g)
		rows := rg.NumRows()
		if rows < 0 {
			return nil, damaged(name, "row group %d declares %d rows", g, rows)
		}
		if rg.NumColumns() != leaves {
			return nil, damaged(name, "row group %d has %d column chunks for %d columns", g, rg.NumColumns(), leaves)
		}
		if rg.TotalByteSize() < 0 {
			return nil, damaged(name, "row group %d declares %d bytes", g, rg.TotalByteSize())
		}
		var bytes int64
		for c := 0; c < leaves; c++ {
			cc, err := rg.ColumnChunk(c)
			if err != nil {
				return nil, damaged(name, "row group %d column chunk %d: %v", g, c, err)
			}
			if cc.CryptoMetadata() != nil {
				return nil, damaged(name, "row group %d column chunk %d is encrypted", g, c)
			}
			if _, err := compress.GetCodec(cc.Compression()); err != nil {
				return nil, damaged(name, "row group %d column chunk %d: %v", g, c, err)
			}
			start, n := cc.DataPageOffset(), cc.TotalCompressedSize()
			if cc.HasDictionaryPage() && cc.DictionaryPageOffset() > 0 && start > cc.DictionaryPageOffset() {
				start = cc.DictionaryPageOffset()
			}
			if start < 0 || n < 0 || start > size || n > size-start {
				return nil, damaged(name, "row group %d column chunk %d: %d bytes at offset %d outside a file of %d bytes", g, c, n, start, size)
			}
			if cc.NumValues() < 0 {
				return nil, damaged(name, "row group %d column chunk %d declares %d values", g, c, cc.NumValues())
			}
			bytes += n
			if old {
				// PARQUET-816: old parquet-mr left the dictionary page
				// header out of the chunk's size; Arrow pads as here.
				n += min(100, size-(start+n))
			}
			chunks = append(chunks, chunk{start, n, cc.NumValues()})
		}
		if rows > baseRows && (rows-baseRows)/rowsPerByte > bytes {
			return nil, damaged(name, "row group %d declares %d rows in %d bytes", g, rows, bytes)
		}
		total += rows
		if total > int64(maxInt) {
			return nil, damaged(name, "%d rows or more", total)
		}
	}
	var walk func(fs []pqreader.SchemaField) error
	walk = func(fs []pqreader.SchemaField) error {
		for i := range fs {
			f := &fs[i]
			if len(f.Children) > 0 {
				if err := walk(f.Children); err != nil {
					return err
				}
				continue
			}
			if f.ColIndex < 0 || f.ColIndex >= leaves || f.Field == nil {
				return damaged(name, "schema field %d names no column", i)
			}
		}
		return nil
	}
	return chunks, walk(fr.Manifest.Fields)
}

// chunk is where a column chunk lies and the values it declares.
type chunk struct{ start, n, values int64 }

const maxInt = int(^uint(0) >> 1)
