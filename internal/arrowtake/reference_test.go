package arrowtake

import (
	"bytes"
	"context"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/compute"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/splitter-dev/splitter/internal/pqtest"
)

// reference is the take the spec defines: compute.TakeArray with an int64
// index array holding the nulls. compute v15 has no kernel for maps,
// dictionaries or month_day_nano intervals, so those are taken as what
// they are stored as (list<entries>, their indices, fixed_size_binary(16))
// and given their type back, each dictionary kept.
func reference(values arrow.Array, indices []int, valid []bool) (arrow.Array, error) {
	mem := memory.DefaultAllocator
	ib := array.NewInt64Builder(mem)
	defer ib.Release()
	for k, i := range indices {
		if valid != nil && !valid[k] {
			ib.AppendNull()
		} else {
			ib.Append(int64(i))
		}
	}
	idx := ib.NewArray()
	defer idx.Release()
	plain := storage(values.Data())
	defer plain.Release()
	plainArr := array.MakeFromData(plain)
	defer plainArr.Release()
	out, err := compute.TakeArray(context.Background(), plainArr, idx)
	if err != nil {
		return nil, err
	}
	defer out.Release()
	back := restore(out.Data(), values.Data())
	defer back.Release()
	return array.MakeFromData(back), nil
}

// storage recasts data to the types compute can take.
func storage(d arrow.ArrayData) arrow.ArrayData {
	children := make([]arrow.ArrayData, len(d.Children()))
	for i, c := range d.Children() {
		children[i] = storage(c)
		defer children[i].Release()
	}
	return array.NewData(storageType(d.DataType()), d.Len(), d.Buffers(), children, d.NullN(), d.Offset())
}

// storageType is dt with maps as lists of entries, dictionaries as their
// index type and month_day_nano as fixed_size_binary(16).
func storageType(dt arrow.DataType) arrow.DataType {
	field := func(f arrow.Field) arrow.Field { f.Type = storageType(f.Type); return f }
	switch dt := dt.(type) {
	case *arrow.DictionaryType:
		return dt.IndexType
	case *arrow.MonthDayNanoIntervalType:
		return &arrow.FixedSizeBinaryType{ByteWidth: 16}
	case *arrow.MapType:
		return arrow.ListOfField(field(dt.ElemField()))
	case *arrow.ListType:
		return arrow.ListOfField(field(dt.ElemField()))
	case *arrow.LargeListType:
		return arrow.LargeListOfField(field(dt.ElemField()))
	case *arrow.FixedSizeListType:
		return arrow.FixedSizeListOfField(dt.Len(), field(dt.ElemField()))
	case *arrow.StructType:
		fields := make([]arrow.Field, dt.NumFields())
		for i, f := range dt.Fields() {
			fields[i] = field(f)
		}
		return arrow.StructOf(fields...)
	}
	return dt
}

// restore gives taken storage data the types of like, and like's
// dictionaries.
func restore(d, like arrow.ArrayData) arrow.ArrayData {
	children := make([]arrow.ArrayData, len(d.Children()))
	for i, c := range d.Children() {
		children[i] = restore(c, like.Children()[i])
		defer children[i].Release()
	}
	out := array.NewData(like.DataType(), d.Len(), d.Buffers(), children, d.NullN(), d.Offset())
	if like.DataType().ID() == arrow.DICTIONARY {
		out.SetDictionary(like.Dictionary())
	}
	return out
}

// parquetBytes is the Parquet file pqarrow writes of a one-column record
// of arr, with default properties.
// A panic inside pqarrow (it has bugs on some sliced inputs) is returned
// as an error.
func parquetBytes(arr arrow.Array) (b []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("pqarrow panicked: %v", p)
		}
	}()
	schema := arrow.NewSchema([]arrow.Field{{Name: "c", Type: arr.DataType(), Nullable: true}}, nil)
	rec := array.NewRecord(schema, []arrow.Array{arr}, int64(arr.Len()))
	defer rec.Release()
	var buf bytes.Buffer
	if err := pqtest.Write(&buf, rec, nil); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sameParquet reports whether got and want write the same Parquet bytes
// (nil, nil), or both fail to write with the same error (that error, nil).
func sameParquet(got, want arrow.Array) (writeErr, err error) {
	g, gerr := parquetBytes(got)
	w, werr := parquetBytes(want)
	switch {
	case gerr != nil || werr != nil:
		if fmt.Sprint(gerr) != fmt.Sprint(werr) {
			return nil, fmt.Errorf("parquet: got error %v, reference error %v", gerr, werr)
		}
		return gerr, nil
	case !bytes.Equal(g, w):
		return nil, fmt.Errorf("parquet: %d bytes differ from the reference's %d", len(g), len(w))
	}
	return nil, nil
}
