package pqwriter

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/metadata"
)

// dictEncoder is the part of parquet's dictionary encoders (an internal
// interface of parquet/internal/encoding) that writing Arrow dictionaries
// directly needs.
type dictEncoder interface {
	PutDictionary(arrow.Array) error
	NumEntries() int
	PreservedDictionary() arrow.Array
}

// writeDictionary is pqarrow's writeDictionaryArrow: while the column is
// dictionary encoded, the first dictionary becomes the column's and the
// indices are written as they are; a different dictionary later, or one
// with repeated values, falls back to plain encoding and dense values.
func writeDictionary(cw file.ColumnChunkWriter, leaf *array.Dictionary, def, rep []int16, parentNulls bool) error {
	dense := func() error {
		d, err := denseOf(leaf)
		if err != nil {
			return err
		}
		defer d.Release()
		return writeDense(cw, d, def, rep, parentNulls)
	}
	vt := leaf.DataType().(*arrow.DictionaryType).ValueType.ID()
	if cw.CurrentEncoder().Encoding() != parquet.Encodings.PlainDict || !(arrow.IsPrimitive(vt) || arrow.IsBaseBinary(vt)) {
		return dense()
	}
	enc, ok := cw.CurrentEncoder().(dictEncoder)
	if !ok || !dictionaryFits(cw.Type(), vt) {
		// pqarrow panics here.
		return fmt.Errorf("pqwriter: cannot write a %s dictionary directly to a %s column", leaf.DataType(), cw.Type())
	}
	dict, indices := leaf.Dictionary(), leaf.Indices()
	if offsetBinary(dict) {
		c, err := take(dict, identity(dict.Len()))
		if err != nil {
			return err
		}
		defer c.Release()
		dict = c
	}
	preserved := enc.PreservedDictionary()
	stats := cw.PageStatistics()
	switch {
	case preserved == nil:
		if err := enc.PutDictionary(dict); err != nil {
			return fmt.Errorf("pqwriter: %w", err)
		}
		if enc.NumEntries() != dict.Len() { // repeated values
			cw.FallbackToPlain()
			return dense()
		}
	case !array.Equal(dict, preserved):
		cw.FallbackToPlain()
		return dense()
	}
	if stats != nil {
		if err := dictionaryStats(stats, preserved, dict, indices, len(def)); err != nil {
			return err
		}
	}
	if err := cw.WriteDictIndices(indices, def, rep); err != nil {
		return fmt.Errorf("pqwriter: writing dictionary indices: %w", err)
	}
	return nil
}

// dictionaryFits: the numeric dictionary encoders take only values of
// their own Arrow type (pqarrow panics on others); the byte array and
// fixed length ones check for themselves.
func dictionaryFits(pt parquet.Type, vt arrow.Type) bool {
	switch pt {
	case parquet.Types.Int32:
		return vt == arrow.INT32
	case parquet.Types.Int64:
		return vt == arrow.INT64
	case parquet.Types.Float:
		return vt == arrow.FLOAT32
	case parquet.Types.Double:
		return vt == arrow.FLOAT64
	}
	return true
}

// dictionaryStats adds a dictionary leaf to the page statistics as pqarrow
// does: min and max over the dictionary values the indices use, or over
// the whole dictionary when as many distinct indices (a null counting as
// one) as values are used; the null count is the levels less the valid
// indices, negative for a required column.
func dictionaryStats(stats metadata.TypedStatistics, preserved, dict, indices arrow.Array, levels int) error {
	ref := dict
	if preserved == nil || preserved != dict {
		used, err := firstOccurrences(indices, dict.Len())
		if err != nil {
			return err
		}
		if len(used) != dict.Len() {
			t, err := take(dict, used)
			if err != nil {
				return err
			}
			defer t.Release()
			ref = t
		}
	}
	if byteStatsPanic(ref) {
		return fmt.Errorf("pqwriter: %w: statistics of a %s dictionary (pqarrow panics)", arrow.ErrNotImplemented, ref.DataType())
	}
	valid := indices.Len() - indices.NullN()
	stats.IncNulls(int64(levels - valid))
	stats.IncNumValues(int64(valid))
	if err := stats.UpdateFromArrow(ref, false); err != nil {
		return fmt.Errorf("pqwriter: dictionary statistics: %w", err)
	}
	return nil
}

// firstOccurrences lists the distinct indices in order of first
// occurrence, -1 standing for null (compute.Unique's order).
func firstOccurrences(indices arrow.Array, size int) ([]int64, error) {
	at, err := indexReader(indices, size)
	if err != nil {
		return nil, err
	}
	seen := make([]bool, size)
	var out []int64
	seenNull := false
	for i := 0; i < indices.Len(); i++ {
		if indices.IsNull(i) {
			if !seenNull {
				seenNull = true
				out = append(out, -1)
			}
			continue
		}
		if j := at(i); !seen[j] {
			seen[j] = true
			out = append(out, j)
		}
	}
	return out, nil
}

// denseOf is the dictionary array decoded (compute.CastArray to its value
// type).
func denseOf(d *array.Dictionary) (arrow.Array, error) {
	at, err := indexReader(d.Indices(), d.Dictionary().Len())
	if err != nil {
		return nil, err
	}
	idx := make([]int64, d.Len())
	for i := range idx {
		idx[i] = -1
		if d.IsValid(i) {
			idx[i] = at(i)
		}
	}
	return take(d.Dictionary(), idx)
}

// byteStatsPanic tells whether ByteArrayStatistics.UpdateFromArrow panics
// on values: it reads the offset after the last entry, which binary arrays
// refuse, and slices from offset 0 of the values' own bytes.
func byteStatsPanic(values arrow.Array) bool {
	if values.NullN() == values.Len() {
		return false
	}
	switch a := values.(type) {
	case *array.Binary, *array.LargeBinary:
		return true
	case *array.String:
		return a.ValueOffset64(0) != 0
	case *array.LargeString:
		return a.ValueOffset64(0) != 0
	}
	return false
}

// offsetBinary reports whether a string or binary dictionary's first
// value does not start at offset 0 (a slice of a larger array). Arrow's
// PutDictionary reads such values at their offsets within ValueBytes,
// which starts at the first value: it panics or reads other bytes (and
// pqarrow with it), so writeDictionary gives it a copy starting at 0.
func offsetBinary(dict arrow.Array) bool {
	b, ok := dict.(array.BinaryLike)
	return ok && dict.Len() > 0 && b.ValueOffset64(0) != 0
}

// identity is the indices 0..n-1.
func identity(n int) []int64 {
	idx := make([]int64, n)
	for i := range idx {
		idx[i] = int64(i)
	}
	return idx
}
