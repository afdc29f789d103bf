package pqwriter

import (
	"errors"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
)

// batchWriter is a typed column chunk writer of parquet/file.
type batchWriter[T any] interface {
	WriteBatch(values []T, def, rep []int16) (int64, error)
	WriteBatchSpaced(values []T, def, rep []int16, validBits []byte, validBitsOffset int64)
}

// put writes values whole (one per present leaf entry) or, when spaced,
// with a slot for each leaf entry that nulls cover (leaf's validity).
func put[T any](w batchWriter[T], values []T, def, rep []int16, leaf arrow.Array, spaced bool) error {
	if !spaced {
		if _, err := w.WriteBatch(values, def, rep); err != nil {
			return fmt.Errorf("pqwriter: writing %s values: %w", leaf.DataType(), err)
		}
		return nil
	}
	w.WriteBatchSpaced(values, def, rep, leaf.NullBitmapBytes(), int64(leaf.Data().Offset()))
	return nil
}

// writeDense is pqarrow's writeDenseArrow: a non-dictionary leaf array
// converted to the column's physical type and written.
func writeDense(cw file.ColumnChunkWriter, leaf arrow.Array, def, rep []int16, parentNulls bool) error {
	if ext, ok := leaf.(array.ExtensionArray); ok {
		leaf = ext.Storage()
	}
	noNulls := cw.Descr().SchemaNode().RepetitionType() == parquet.Repetitions.Required || leaf.NullN() == 0
	spaced := parentNulls || !noNulls
	switch w := cw.(type) {
	case *file.BooleanColumnChunkWriter:
		vals, err := boolValues(leaf)
		if err != nil {
			return err
		}
		// pqarrow writes an empty leaf whole, even under nulls.
		return put[bool](w, vals, def, rep, leaf, spaced && leaf.Len() > 0)
	case *file.Int32ColumnChunkWriter:
		if leaf.DataType().ID() == arrow.NULL {
			w.WriteBatchSpaced(nil, def, rep, leaf.NullBitmapBytes(), 0)
			return nil
		}
		vals, err := int32Values(leaf)
		if err != nil {
			return err
		}
		return put[int32](w, vals, def, rep, leaf, spaced)
	case *file.Int64ColumnChunkWriter:
		vals, err := int64Values(leaf, cw.Properties())
		if err != nil {
			return err
		}
		return put[int64](w, vals, def, rep, leaf, spaced)
	case *file.Float32ColumnChunkWriter:
		a, ok := leaf.(*array.Float32)
		if !ok {
			return errors.New("pqwriter: invalid column type to write to Float")
		}
		return put[float32](w, a.Float32Values(), def, rep, leaf, spaced)
	case *file.Float64ColumnChunkWriter:
		a, ok := leaf.(*array.Float64)
		if !ok {
			return errors.New("pqwriter: invalid column type to write to Float")
		}
		return put[float64](w, a.Float64Values(), def, rep, leaf, spaced)
	case *file.ByteArrayColumnChunkWriter:
		vals, err := byteArrayValues(leaf)
		if err != nil {
			return err
		}
		return put[parquet.ByteArray](w, vals, def, rep, leaf, spaced)
	case *file.FixedLenByteArrayColumnChunkWriter:
		return writeFixedLen(w, leaf, def, rep, spaced)
	}
	return fmt.Errorf("pqwriter: cannot write %s to a %s column", leaf.DataType(), cw.Type())
}

func boolValues(leaf arrow.Array) ([]bool, error) {
	a, ok := leaf.(*array.Boolean)
	if !ok {
		return nil, fmt.Errorf("pqwriter: type mismatch, column is boolean, array is %s", leaf.DataType())
	}
	if a.Len() == 0 {
		return nil, nil
	}
	out := make([]bool, a.Len())
	for i := range out {
		out[i] = a.Value(i)
	}
	return out, nil
}

// byteArrayValues: each entry's bytes, nulls' included.
func byteArrayValues(leaf arrow.Array) ([]parquet.ByteArray, error) {
	var offsets func(i int) int64
	switch a := leaf.(type) {
	case *array.String, *array.Binary:
		if err := checkOffsets(leaf, 4); err != nil || leaf.Len() == 0 {
			return []parquet.ByteArray{}, err
		}
		offs := a.(interface{ ValueOffsets() []int32 }).ValueOffsets()
		offsets = func(i int) int64 { return int64(offs[i]) }
	case *array.LargeString, *array.LargeBinary:
		if err := checkOffsets(leaf, 8); err != nil || leaf.Len() == 0 {
			return []parquet.ByteArray{}, err
		}
		offs := a.(interface{ ValueOffsets() []int64 }).ValueOffsets()
		offsets = func(i int) int64 { return offs[i] }
	default:
		return nil, fmt.Errorf("pqwriter: %w: invalid column type to write to ByteArray: %s", arrow.ErrInvalid, leaf.DataType().Name())
	}
	var data []byte
	if b := leaf.Data().Buffers()[2]; b != nil {
		data = b.Bytes()
	}
	out := make([]parquet.ByteArray, leaf.Len())
	for i := range out {
		lo, hi := offsets(i), offsets(i+1)
		if lo < 0 || lo > hi || hi > int64(len(data)) {
			return nil, fmt.Errorf("pqwriter: %s entry %d at bytes %d..%d of %d", leaf.DataType(), i, lo, hi, len(data))
		}
		out[i] = data[lo:hi]
	}
	return out, nil
}

// checkOffsets checks a binary array has its buffers and enough offsets.
func checkOffsets(leaf arrow.Array, width int) error {
	d := leaf.Data()
	if len(d.Buffers()) < 3 {
		return fmt.Errorf("pqwriter: %s array has %d buffers", leaf.DataType(), len(d.Buffers()))
	}
	if leaf.Len() == 0 {
		return nil
	}
	if b := d.Buffers()[1]; b == nil || b.Len() < (d.Offset()+d.Len()+1)*width {
		return fmt.Errorf("pqwriter: %s array of %d entries lacks offsets", leaf.DataType(), leaf.Len())
	}
	return nil
}
