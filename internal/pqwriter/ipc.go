package pqwriter

import (
	"bytes"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/ipc"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// SerializeSchema returns sc as an Arrow IPC stream holding the schema
// and no batches: the same bytes as flight.SerializeSchema(sc, mem), the
// value (base64 encoded) of a Parquet file's "ARROW:schema" metadata.
func SerializeSchema(sc *arrow.Schema, mem memory.Allocator) []byte {
	var buf bytes.Buffer
	w := ipc.NewWriter(&buf, ipc.WithSchema(sc), ipc.WithAllocator(mem))
	w.Close()
	return buf.Bytes()
}
