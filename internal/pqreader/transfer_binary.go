package pqreader

import (
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/parquet/file"
)

// transferBinary takes the arrays the binary record reader built (one a
// batch): binary, string and their large kinds, fixed size binary, and
// float16 (relabelled from fixed size binary of 2 bytes) or an extension
// type over one of them.
func transferBinary(rr file.RecordReader, t arrow.DataType) *arrow.Chunked {
	chunks := builderChunks(rr)
	for i, c := range chunks {
		switch t := t.(type) {
		case arrow.ExtensionType:
			chunks[i] = array.NewExtensionArrayWithStorage(t, c)
		case *arrow.StringType, *arrow.LargeStringType:
			// The reader builds binary arrays; the type's own Go array
			// (*array.String) is what pqarrow returns.
			chunks[i] = array.MakeFromData(c.Data())
		case *arrow.Float16Type:
			d := c.Data()
			f := array.NewData(t, d.Len(), d.Buffers(), nil, d.NullN(), d.Offset())
			chunks[i] = array.NewFloat16Data(f)
			f.Release()
		default:
			continue
		}
		c.Release()
	}
	return adopt(t, chunks)
}
