package pqreader

import (
	"errors"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/schema"
)

// errColumnType reports a leaf whose Arrow type cannot be read from its
// Parquet column.
var errColumnType = errors.New("unsupported column type")

// transfer turns what rr decoded into a chunked array of type t, as
// pqarrow's transferColumnData does for each Arrow type.
func transfer(rr file.RecordReader, t arrow.DataType, descr *schema.Column) (*arrow.Chunked, error) {
	storage := t
	if ext, ok := t.(arrow.ExtensionType); ok {
		storage = ext.StorageType()
	}
	switch storage.ID() {
	case arrow.DICTIONARY:
		return adopt(t, builderChunks(rr)), nil
	case arrow.NULL:
		return nullChunk(rr), nil
	case arrow.FIXED_SIZE_BINARY, arrow.BINARY, arrow.STRING, arrow.LARGE_BINARY, arrow.LARGE_STRING:
		return transferBinary(rr, t), nil
	case arrow.FLOAT16:
		if descr.PhysicalType() != parquet.Types.FixedLenByteArray || descr.TypeLength() != arrow.Float16SizeBytes {
			return nil, fmt.Errorf("%w: float16 needs a fixed len byte array of %d bytes", errColumnType, arrow.Float16SizeBytes)
		}
		return transferBinary(rr, t), nil
	case arrow.DECIMAL128, arrow.DECIMAL256:
		switch descr.PhysicalType() {
		case parquet.Types.ByteArray, parquet.Types.FixedLenByteArray:
			return transferDecimalBytes(rr.(file.BinaryRecordReader), t)
		case parquet.Types.Int32, parquet.Types.Int64:
			return chunkOf(t, transferDecimalInt(rr, t)), nil
		}
		return nil, fmt.Errorf("%w: decimal stored as %s", errColumnType, descr.PhysicalType())
	}
	data, err := transferFixed(rr, t, storage, descr)
	if err != nil {
		return nil, err
	}
	return chunkOf(t, data), nil
}

// transferFixed converts the values of fixed width types.
func transferFixed(rr file.RecordReader, t, storage arrow.DataType, descr *schema.Column) (arrow.ArrayData, error) {
	switch storage.ID() {
	case arrow.INT32, arrow.INT64, arrow.FLOAT32, arrow.FLOAT64:
		return zeroCopy(rr, t), nil
	case arrow.BOOL:
		return transferBool(rr), nil
	case arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64, arrow.INT8, arrow.INT16, arrow.DATE32, arrow.TIME32, arrow.TIME64:
		return transferInt(rr, t), nil
	case arrow.DATE64:
		return transferDate64(rr, t), nil
	case arrow.TIMESTAMP:
		unit := storage.(*arrow.TimestampType).Unit
		switch {
		case unit == arrow.Nanosecond && descr.PhysicalType() == parquet.Types.Int96:
			return transferInt96(rr, t), nil
		case unit != arrow.Second:
			return zeroCopy(rr, t), nil
		}
		return nil, fmt.Errorf("%w: timestamp in seconds", errColumnType)
	}
	return nil, fmt.Errorf("%w: no support for reading columns of type: %s", errColumnType, t.Name())
}

// chunkOf makes a chunked array of the one array of data, releasing data.
func chunkOf(t arrow.DataType, data arrow.ArrayData) *arrow.Chunked {
	defer data.Release()
	arr := array.MakeFromData(data)
	defer arr.Release()
	return arrow.NewChunked(t, []arrow.Array{arr})
}

func nullChunk(rr file.RecordReader) *arrow.Chunked {
	arr := array.NewNull(rr.ValuesWritten())
	defer arr.Release()
	return arrow.NewChunked(arrow.Null, []arrow.Array{arr})
}

// adopt makes a chunked array of chunks, passing it their references.
func adopt(t arrow.DataType, chunks []arrow.Array) *arrow.Chunked {
	defer releaseArrays(chunks)
	return arrow.NewChunked(t, chunks)
}

// builderChunks takes the arrays a binary record reader built.
func builderChunks(rr file.RecordReader) []arrow.Array {
	return rr.(file.BinaryRecordReader).GetBuilderChunks()
}
