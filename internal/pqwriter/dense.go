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
		return writeByteArrays(w, leaf, def, rep, spaced)
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
	conv, err := byteArrayConverter(leaf)
	if err != nil || leaf.Len() == 0 {
		return []parquet.ByteArray{}, err
	}
	out := make([]parquet.ByteArray, leaf.Len())
	return out, conv(0, out)
}

// byteArrayConverter returns a function setting out to the bytes of
// leaf's entries lo..lo+len(out)-1, nulls' included; it checks every
// entry's offsets.
func byteArrayConverter(leaf arrow.Array) (func(lo int, out []parquet.ByteArray) error, error) {
	var data []byte
	if bufs := leaf.Data().Buffers(); len(bufs) > 2 && bufs[2] != nil {
		data = bufs[2].Bytes()
	}
	switch a := leaf.(type) {
	case *array.String, *array.Binary:
		if err := checkOffsets(leaf, 4); err != nil || leaf.Len() == 0 {
			return nil, err
		}
		offs := a.(interface{ ValueOffsets() []int32 }).ValueOffsets()
		return func(lo int, out []parquet.ByteArray) error { return sliceBytes(leaf, offs, data, lo, out) }, nil
	case *array.LargeString, *array.LargeBinary:
		if err := checkOffsets(leaf, 8); err != nil || leaf.Len() == 0 {
			return nil, err
		}
		offs := a.(interface{ ValueOffsets() []int64 }).ValueOffsets()
		return func(lo int, out []parquet.ByteArray) error { return sliceBytes(leaf, offs, data, lo, out) }, nil
	}
	return nil, fmt.Errorf("pqwriter: %w: invalid column type to write to ByteArray: %s", arrow.ErrInvalid, leaf.DataType().Name())
}

// sliceBytes sets out[k] to data[offs[lo+k]:offs[lo+k+1]].
func sliceBytes[O int32 | int64](leaf arrow.Array, offs []O, data []byte, lo int, out []parquet.ByteArray) error {
	offs = offs[lo : lo+len(out)+1]
	for k := range out {
		from, to := int64(offs[k]), int64(offs[k+1])
		if from < 0 || from > to || to > int64(len(data)) {
			return fmt.Errorf("pqwriter: %s entry %d at bytes %d..%d of %d", leaf.DataType(), lo+k, from, to, len(data))
		}
		out[k] = data[from:to]
	}
	return nil
}

// writeByteArrays writes a string or binary leaf. A flat column's entries
// are converted and written a few thousand at a time, in multiples of the
// write batch size, so that parquet/file cuts the same batches (and so
// the same pages) as from one call; other columns' are converted at once.
func writeByteArrays(w *file.ByteArrayColumnChunkWriter, leaf arrow.Array, def, rep []int16, spaced bool) error {
	n := leaf.Len()
	bs := int(w.Properties().WriteBatchSize())
	step := bs * max(1, byteArrayStep/max(bs, 1))
	if rep != nil || (def != nil && len(def) != n) || n <= step || bs <= 0 {
		vals, err := byteArrayValues(leaf)
		if err != nil {
			return err
		}
		return put[parquet.ByteArray](w, vals, def, rep, leaf, spaced)
	}
	conv, err := byteArrayConverter(leaf)
	if err != nil {
		return err
	}
	buf := make([]parquet.ByteArray, step)
	for lo := 0; lo < n; lo += step {
		hi := min(lo+step, n)
		vals := buf[:hi-lo]
		if err := conv(lo, vals); err != nil {
			return err
		}
		var d []int16
		if def != nil {
			d = def[lo:hi]
		}
		if !spaced {
			if _, err := w.WriteBatch(vals, d, nil); err != nil {
				return fmt.Errorf("pqwriter: writing %s values: %w", leaf.DataType(), err)
			}
			continue
		}
		w.WriteBatchSpaced(vals, d, nil, leaf.NullBitmapBytes(), int64(leaf.Data().Offset()+lo))
	}
	return nil
}

// byteArrayStep is about the number of a flat column's entries
// writeByteArrays converts at a time.
const byteArrayStep = 8192

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
