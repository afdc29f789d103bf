package arrowgen

import (
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
)

// validate checks what Arrow Go v15 (which has no ValidateFull) leaves
// unchecked: null counts, buffer sizes, offsets within their data, child
// lengths, dictionary indices in range and map keys not null.
func validate(a arrow.Array) error {
	if err := validateData(a.Data()); err != nil {
		return fmt.Errorf("%s: %w", a.DataType(), err)
	}
	return nil
}

// validateData validates d and its children.
func validateData(d arrow.ArrayData) error {
	n, off := d.Len(), d.Offset()
	if b := d.Buffers()[0]; b != nil {
		if b.Len()*8 < off+n {
			return fmt.Errorf("bitmap of %d bytes for %d+%d", b.Len(), off, n)
		}
		if nulls := n - bitutil.CountSetBits(b.Bytes(), off, n); d.NullN() != array.UnknownNullCount && nulls != d.NullN() {
			return fmt.Errorf("null count %d, bitmap has %d", d.NullN(), nulls)
		}
	} else if d.NullN() != 0 && d.DataType().ID() != arrow.NULL {
		return fmt.Errorf("%d nulls, no bitmap", d.NullN())
	}
	switch dt := d.DataType().(type) {
	case *arrow.StringType, *arrow.BinaryType, *arrow.ListType, *arrow.MapType:
		return validateOffsets(d, 4)
	case *arrow.LargeStringType, *arrow.LargeBinaryType, *arrow.LargeListType:
		return validateOffsets(d, 8)
	case *arrow.FixedSizeListType:
		if c := d.Children()[0]; c.Len() < (off+n)*int(dt.Len()) {
			return fmt.Errorf("child of %d values for %d lists", c.Len(), off+n)
		}
		return validateData(d.Children()[0])
	case *arrow.StructType:
		for _, c := range d.Children() {
			if c.Len() < off+n {
				return fmt.Errorf("field of %d values for %d structs", c.Len(), off+n)
			}
			if err := validateData(c); err != nil {
				return err
			}
		}
	case *arrow.DictionaryType:
		return validateIndices(d)
	case arrow.FixedWidthDataType:
		if b := d.Buffers()[1]; b.Len()*8 < (off+n)*dt.BitWidth() {
			return fmt.Errorf("%d bytes for %d+%d values", b.Len(), off, n)
		}
	}
	return nil
}

// validateOffsets checks the offsets (of width bytes) of d against its
// data or child.
func validateOffsets(d arrow.ArrayData, width int) error {
	var size int64
	if len(d.Children()) > 0 {
		c := d.Children()[0]
		size = int64(c.Len())
		if err := validateData(c); err != nil {
			return err
		}
		if d.DataType().ID() == arrow.MAP && c.Children()[0].NullN() != 0 {
			return fmt.Errorf("null map keys")
		}
	} else {
		size = int64(d.Buffers()[2].Len())
	}
	if d.Buffers()[1].Len() < (d.Offset()+d.Len()+1)*width {
		return fmt.Errorf("%d bytes of offsets for %d+%d values", d.Buffers()[1].Len(), d.Offset(), d.Len())
	}
	if start, end := offsetAt(d, width, 0), offsetAt(d, width, d.Len()); start < 0 || end > size {
		return fmt.Errorf("offsets %d..%d of %d values", start, end, size)
	}
	for i := range d.Len() {
		if offsetAt(d, width, i) > offsetAt(d, width, i+1) {
			return fmt.Errorf("offsets decrease at %d", i)
		}
	}
	return nil
}

// offsetAt returns the i-th offset of d, of width bytes.
func offsetAt(d arrow.ArrayData, width, i int) int64 {
	b := d.Buffers()[1].Bytes()
	if width == 8 {
		return arrow.Int64Traits.CastFromBytes(b)[d.Offset()+i]
	}
	return int64(arrow.Int32Traits.CastFromBytes(b)[d.Offset()+i])
}

// validateIndices checks that the valid indices of d are within its
// dictionary.
func validateIndices(d arrow.ArrayData) error {
	a := array.MakeFromData(d).(*array.Dictionary)
	defer a.Release()
	if err := validateData(a.Dictionary().Data()); err != nil {
		return err
	}
	for i := range a.Len() {
		if a.IsValid(i) && (a.GetValueIndex(i) < 0 || a.GetValueIndex(i) >= a.Dictionary().Len()) {
			return fmt.Errorf("index %d out of %d values", a.GetValueIndex(i), a.Dictionary().Len())
		}
	}
	return nil
}
