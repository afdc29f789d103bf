package pqreader

import (
	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// single is the one array of ch (pqarrow's chunksToSingle): an empty array
// when ch has no chunk, arrow.ErrNotImplemented when it has several (a
// nested column whose dictionary changed within a batch).
func single(ch *arrow.Chunked) (arrow.ArrayData, error) {
	switch len(ch.Chunks()) {
	case 0:
		return array.NewData(ch.DataType(), 0, []*memory.Buffer{nil, nil}, nil, 0, 0), nil
	case 1:
		d := ch.Chunk(0).Data()
		d.Retain()
		return d, nil
	}
	return nil, arrow.ErrNotImplemented
}

func releaseData(ds []arrow.ArrayData) {
	for _, d := range ds {
		if d != nil {
			d.Release()
		}
	}
}

func releaseArrays(as []arrow.Array) {
	for _, a := range as {
		if a != nil {
			a.Release()
		}
	}
}
