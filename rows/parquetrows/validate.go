package parquetrows

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
)

// validate checks that an array decoded from the file is whole: every
// buffer long enough for its offset and length, offsets in order and
// within the data or child they index, struct children as long as the
// struct, dictionary indices within the dictionary. Arrow's decoders do
// not promise this for a damaged file, and reordering rows (arrowtake,
// gatherColumn) and writing them read every buffer by those offsets.
func validate(d arrow.ArrayData) error {
	off, n := d.Offset(), d.Len()
	if off < 0 || n < 0 {
		return fmt.Errorf("array offset %d, length %d", off, n)
	}
	end := off + n
	bufs := d.Buffers()
	size := func(i int) int {
		if i < len(bufs) && bufs[i] != nil {
			return bufs[i].Len()
		}
		return 0
	}
	if len(bufs) > 0 && bufs[0] != nil && size(0)*8 < end {
		return fmt.Errorf("validity bitmap of %d bytes for %d values", size(0), end)
	}
	dt := d.DataType()
	switch dt.ID() {
	case arrow.STRING, arrow.BINARY, arrow.LARGE_STRING, arrow.LARGE_BINARY:
		if n == 0 {
			return nil
		}
		offs, err := offsets(d, 1)
		if err != nil {
			return err
		}
		return ascending(offs, int64(size(2)))
	case arrow.LIST, arrow.MAP, arrow.LARGE_LIST:
		if len(d.Children()) != 1 {
			return fmt.Errorf("list with %d children", len(d.Children()))
		}
		child := d.Children()[0]
		if n > 0 {
			offs, err := offsets(d, 1)
			if err != nil {
				return err
			}
			if err := ascending(offs, int64(child.Len())); err != nil {
				return err
			}
		}
		return validate(child)
	case arrow.FIXED_SIZE_LIST:
		w := int(dt.(*arrow.FixedSizeListType).Len())
		if len(d.Children()) != 1 || d.Children()[0].Len() < end*w {
			return fmt.Errorf("fixed-size list child shorter than %d", end*w)
		}
		return validate(d.Children()[0])
	case arrow.STRUCT:
		if len(d.Children()) != dt.(*arrow.StructType).NumFields() {
			return fmt.Errorf("struct with %d children", len(d.Children()))
		}
		for _, c := range d.Children() {
			if c.Len() < end {
				return fmt.Errorf("struct child of %d values for %d", c.Len(), end)
			}
			if err := validate(c); err != nil {
				return err
			}
		}
		return nil
	case arrow.DICTIONARY:
		dict := d.Dictionary()
		if dict == nil {
			return fmt.Errorf("dictionary array without a dictionary")
		}
		w := dt.(*arrow.DictionaryType).IndexType.(arrow.FixedWidthDataType).Bytes()
		if size(1) < end*w {
			return fmt.Errorf("%d bytes of indices for %d values", size(1), end)
		}
		if err := dictIndices(d, dt.(*arrow.DictionaryType).IndexType.ID(), dict.Len()); err != nil {
			return err
		}
		return validate(dict)
	case arrow.BOOL:
		if n > 0 && size(1)*8 < end {
			return fmt.Errorf("%d bytes of booleans for %d values", size(1), end)
		}
		return nil
	}
	if fw, ok := dt.(arrow.FixedWidthDataType); ok && n > 0 {
		if w := fw.Bytes(); size(1) < end*w {
			return fmt.Errorf("%d bytes of values for %d %d-byte values", size(1), end, w)
		}
	}
	return nil
}

// offsets returns the offsets of d (32 or 64 bits, in buffer i) for its
// values, widened to int64, after checking the buffer holds them.
func offsets(d arrow.ArrayData, i int) ([]int64, error) {
	w := 4
	switch d.DataType().ID() {
	case arrow.LARGE_STRING, arrow.LARGE_BINARY, arrow.LARGE_LIST:
		w = 8
	}
	off, n := d.Offset(), d.Len()
	b := d.Buffers()
	if len(b) <= i || b[i] == nil || b[i].Len() < (off+n+1)*w {
		return nil, fmt.Errorf("offsets buffer too short for %d values", off+n)
	}
	out := make([]int64, n+1)
	if w == 4 {
		v := arrow.Int32Traits.CastFromBytes(b[i].Bytes())[off : off+n+1]
		for k, x := range v {
			out[k] = int64(x)
		}
	} else {
		copy(out, arrow.Int64Traits.CastFromBytes(b[i].Bytes())[off:off+n+1])
	}
	return out, nil
}

// ascending checks offsets are in order, from 0 or more, to limit or less.
func ascending(offs []int64, limit int64) error {
	if offs[0] < 0 || offs[len(offs)-1] > limit {
		return fmt.Errorf("offsets from %d to %d outside [0, %d]", offs[0], offs[len(offs)-1], limit)
	}
	for k := 1; k < len(offs); k++ {
		if offs[k] < offs[k-1] {
			return fmt.Errorf("offsets out of order at value %d", k)
		}
	}
	return nil
}

// dictIndices checks every index (of type id) of a valid value of d lies
// in [0, size).
func dictIndices(d arrow.ArrayData, id arrow.Type, size int) error {
	off, n := d.Offset(), d.Len()
	var valid []byte
	if b := d.Buffers()[0]; b != nil && d.NullN() != 0 {
		valid = b.Bytes()
	}
	raw := d.Buffers()[1].Bytes()
	for j := off; j < off+n; j++ {
		if valid != nil && valid[j/8]&(1<<(j%8)) == 0 {
			continue
		}
		var k int64
		switch id {
		case arrow.INT8:
			k = int64(int8(raw[j]))
		case arrow.UINT8:
			k = int64(raw[j])
		case arrow.INT16:
			k = int64(arrow.Int16Traits.CastFromBytes(raw)[j])
		case arrow.UINT16:
			k = int64(arrow.Uint16Traits.CastFromBytes(raw)[j])
		case arrow.INT32:
			k = int64(arrow.Int32Traits.CastFromBytes(raw)[j])
		case arrow.UINT32:
			k = int64(arrow.Uint32Traits.CastFromBytes(raw)[j])
		case arrow.INT64:
			k = arrow.Int64Traits.CastFromBytes(raw)[j]
		default:
			k = int64(arrow.Uint64Traits.CastFromBytes(raw)[j])
		}
		if k < 0 || k >= int64(size) {
			return fmt.Errorf("dictionary index %d out of range [0, %d)", k, size)
		}
	}
	return nil
}
