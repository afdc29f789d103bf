package pqreader

import (
	"bytes"
	"encoding/base64"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/ipc"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/metadata"
)

// originSchema is the Arrow schema a writer stored under ARROW:schema in
// kv, or nil: the same schema as pqarrow's getOriginSchema (padded base64
// when the length allows, else unpadded; then an IPC stream whose first
// message is the schema, which is what flight.DeserializeSchema reads).
func originSchema(kv metadata.KeyValueMetadata) (*arrow.Schema, error) {
	if kv == nil {
		return nil, nil
	}
	value := kv.FindValue("ARROW:schema")
	if value == nil {
		return nil, nil
	}
	var (
		raw []byte
		err error
	)
	if len(*value)%4 == 0 {
		raw, err = base64.StdEncoding.DecodeString(*value)
	}
	if len(raw) == 0 || err != nil {
		raw, err = base64.RawStdEncoding.DecodeString(*value)
	}
	if err != nil {
		return nil, fmt.Errorf("ARROW:schema: %w", err)
	}
	rd, err := ipc.NewReader(bytes.NewReader(raw), ipc.WithAllocator(memory.DefaultAllocator))
	if err != nil {
		return nil, fmt.Errorf("ARROW:schema: %w", err)
	}
	defer rd.Release()
	return rd.Schema(), nil
}
