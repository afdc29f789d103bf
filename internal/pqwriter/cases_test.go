package pqwriter

import (
	"bytes"
	"fmt"
	"runtime/debug"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/decimal128"
	"github.com/apache/arrow/go/v15/arrow/flight"
	"github.com/apache/arrow/go/v15/arrow/float16"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
)

var mem = memory.DefaultAllocator

// step is one call on a writer, made on both.
type call func(fw writerAPI) error

// both writes sc with the calls through pqarrow and FileWriter and fails
// unless both give the same bytes, or both refuse (pqarrow may panic
// where FileWriter must return an error). It returns whether both wrote.
func both(t *testing.T, name string, sc *arrow.Schema, props []parquet.WriterProperty, calls ...call) bool {
	t.Helper()
	return bothProps(t, name, sc, parquet.NewWriterProperties(props...), calls...)
}

func bothProps(t *testing.T, name string, sc *arrow.Schema, props *parquet.WriterProperties, calls ...call) bool {
	t.Helper()
	do := func(w impl) (out []byte, err error, panicked any) {
		defer func() {
			if r := recover(); r != nil {
				panicked = fmt.Sprintf("%v\n%s", r, debug.Stack())
			}
		}()
		var buf bytes.Buffer
		fw, err := w.newWriter(sc, &buf, props)
		if err != nil {
			return nil, err, nil
		}
		for _, c := range calls {
			if err := c(fw); err != nil {
				return nil, err, nil
			}
		}
		if err := fw.Close(); err != nil {
			return nil, err, nil
		}
		return buf.Bytes(), nil, nil
	}
	want, wantErr, wantPanic := do(oracle)
	got, gotErr, gotPanic := do(ours)
	switch {
	case gotPanic != nil:
		t.Errorf("%s: pqwriter panicked: %v", name, gotPanic)
	case wantPanic != nil:
		if gotErr == nil {
			t.Errorf("%s: pqarrow panicked (%v), pqwriter wrote", name, wantPanic)
		}
	case (wantErr == nil) != (gotErr == nil):
		t.Errorf("%s: pqarrow error %v, pqwriter error %v", name, wantErr, gotErr)
	case wantErr == nil:
		if _, err := sameFile(want, got); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		return true
	}
	t.Logf("%s: refused: pqarrow %v / %v, pqwriter %v", name, wantErr, wantPanic, gotErr)
	return false
}

func writeRec(rec arrow.Record) call { return func(fw writerAPI) error { return fw.Write(rec) } }
func bufferRec(rec arrow.Record) call {
	return func(fw writerAPI) error { return fw.WriteBuffered(rec) }
}
func newRowGroup() call { return func(fw writerAPI) error { fw.NewRowGroup(); return nil } }
func writeColumn(a arrow.Array) call {
	return func(fw writerAPI) error { return fw.WriteColumnData(a) }
}
func record(cols ...arrow.Array) arrow.Record {
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		fields[i] = arrow.Field{Name: fmt.Sprintf("c%d", i), Type: c.DataType(), Nullable: true}
	}
	return array.NewRecord(arrow.NewSchema(fields, nil), cols, -1)
}

func dictOf(t *testing.T, idxType arrow.DataType, dict arrow.Array, idx []int64, valid []bool) arrow.Array {
	t.Helper()
	b := array.NewBuilder(mem, idxType)
	defer b.Release()
	for i, j := range idx {
		if valid != nil && !valid[i] {
			b.AppendNull()
			continue
		}
		switch b := b.(type) {
		case *array.Int8Builder:
			b.Append(int8(j))
		case *array.Uint32Builder:
			b.Append(uint32(j))
		case *array.Int64Builder:
			b.Append(j)
		}
	}
	ind := b.NewArray()
	defer ind.Release()
	return array.NewDictionaryArray(&arrow.DictionaryType{IndexType: idxType, ValueType: dict.DataType()}, ind, dict)
}

func strings(vals ...string) arrow.Array {
	b := array.NewStringBuilder(mem)
	defer b.Release()
	b.AppendValues(vals, nil)
	return b.NewArray()
}

func int32s(vals ...int32) arrow.Array {
	b := array.NewInt32Builder(mem)
	defer b.Release()
	b.AppendValues(vals, nil)
	return b.NewArray()
}

func int8s(vals ...int8) arrow.Array {
	b := array.NewInt8Builder(mem)
	defer b.Release()
	b.AppendValues(vals, nil)
	return b.NewArray()
}

// TestDictionaries: dictionary arrays written directly, their fallbacks
// to plain encoding, their statistics, and the types pqarrow panics on.
func TestDictionaries(t *testing.T) {
	small := []parquet.WriterProperty{parquet.WithDictionaryPageSizeLimit(20)}
	for _, idxType := range []arrow.DataType{arrow.PrimitiveTypes.Int8, arrow.PrimitiveTypes.Uint32, arrow.PrimitiveTypes.Int64} {
		abc := strings("a", "b", "c", "d")
		nums := int32s(7, -3, 12, 5)
		cases := []struct {
			name  string
			props []parquet.WriterProperty
			recs  []arrow.Record
			ok    bool
		}{
			{"all used", nil, []arrow.Record{record(dictOf(t, idxType, abc, []int64{0, 1, 2, 3, 1}, nil))}, true},
			{"some used, nulls", nil, []arrow.Record{record(dictOf(t, idxType, abc, []int64{2, 0, 0, 2, 1}, []bool{true, false, true, true, false}))}, true},
			{"three used and a null", nil, []arrow.Record{record(dictOf(t, idxType, nums, []int64{3, 0, 1, 0}, []bool{true, true, false, true}))}, true},
			{"repeated values", nil, []arrow.Record{record(dictOf(t, idxType, strings("x", "y", "x"), []int64{0, 1, 2}, nil))}, true},
			{"same dictionary twice", nil, []arrow.Record{
				record(dictOf(t, idxType, abc, []int64{0, 1}, nil)),
				record(dictOf(t, idxType, strings("a", "b", "c", "d"), []int64{3, 3}, nil))}, true},
			{"changed dictionary", nil, []arrow.Record{
				record(dictOf(t, idxType, abc, []int64{0, 1}, nil)),
				record(dictOf(t, idxType, strings("d", "c"), []int64{1, 0}, []bool{true, false}))}, true},
			{"page size limit", small, []arrow.Record{record(dictOf(t, idxType, nums, []int64{0, 1, 2, 3, 3, 2, 1, 0}, nil))}, true},
			{"dictionary off", []parquet.WriterProperty{parquet.WithDictionaryDefault(false)}, []arrow.Record{record(dictOf(t, idxType, nums, []int64{0, 3}, nil))}, true},
			{"int8 values (pqarrow panics)", nil, []arrow.Record{record(dictOf(t, idxType, int8s(1, 2), []int64{0, 1}, nil))}, false},
			{"int8 values, no dictionary", []parquet.WriterProperty{parquet.WithDictionaryDefault(false)}, []arrow.Record{record(dictOf(t, idxType, int8s(1, 2), []int64{0, 1}, nil))}, true},
		}
		for _, c := range cases {
			name := fmt.Sprintf("%s/%s", idxType, c.name)
			var calls []call
			for _, r := range c.recs {
				calls = append(calls, bufferRec(r))
			}
			if wrote := both(t, name+"/buffered", c.recs[0].Schema(), c.props, calls...); wrote != c.ok {
				t.Errorf("%s: wrote %v, want %v", name, wrote, c.ok)
			}
			calls = calls[:0]
			for _, r := range c.recs {
				calls = append(calls, writeRec(r))
			}
			both(t, name+"/write", c.recs[0].Schema(), c.props, calls...)
		}
	}
}

// TestNullStructsOverValues: struct nulls over valid children, where
// pqarrow writes decimals and float16 whole (wrongly) but other types
// spaced; sliced too.
func TestNullStructsOverValues(t *testing.T) {
	n := 10
	db := array.NewDecimal128Builder(mem, &arrow.Decimal128Type{Precision: 9, Scale: 2})
	fb := array.NewFloat16Builder(mem)
	ib := array.NewInt64Builder(mem)
	sb := array.NewStringBuilder(mem)
	for i := 0; i < n; i++ {
		db.Append(decimal128.FromI64(int64(i*1000 - 3000)))
		fb.Append(float16.New(float32(i) / 4))
		ib.Append(int64(i * i))
		sb.Append(fmt.Sprint(i))
	}
	cols := []arrow.Array{db.NewArray(), fb.NewArray(), ib.NewArray(), sb.NewArray()}
	valid := memory.NewBufferBytes([]byte{0b10110101, 0b10})
	st, err := array.NewStructArrayWithNulls(cols, []string{"d", "f", "i", "s"}, valid, 4, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []arrow.Record{record(st), record(array.NewSlice(st, 3, 9))} {
		for _, p := range [][]parquet.WriterProperty{nil, {parquet.WithDictionaryDefault(false)}, {parquet.WithStoreDecimalAsInteger(true)}} {
			both(t, "write", r.Schema(), p, writeRec(r))
			both(t, "buffered", r.Schema(), p, bufferRec(r), bufferRec(r))
			both(t, "columns", r.Schema(), p, newRowGroup(), writeColumn(r.Column(0)))
		}
	}
}

// TestNullListsWithValues: a null list holding elements is refused by
// pqarrow unless it lies at either end; FileWriter does the same.
func TestNullListsWithValues(t *testing.T) {
	values := int32s(1, 2, 3, 4, 5, 6)
	for _, c := range []struct {
		valid []byte
		ok    bool
	}{{[]byte{0b101}, false}, {[]byte{0b011}, true}, {[]byte{0b110}, true}, {[]byte{0b111}, true}} {
		offsets := memory.NewBufferBytes(arrow.Int32Traits.CastToBytes([]int32{0, 2, 4, 6}))
		d := array.NewData(arrow.ListOf(arrow.PrimitiveTypes.Int32), 3, []*memory.Buffer{memory.NewBufferBytes(c.valid), offsets},
			[]arrow.ArrayData{values.Data()}, array.UnknownNullCount, 0)
		l := array.MakeFromData(d)
		r := record(l)
		if wrote := both(t, fmt.Sprintf("validity %03b", c.valid[0]), r.Schema(), nil, writeRec(r)); wrote != c.ok {
			t.Errorf("validity %03b: wrote %v, want %v", c.valid[0], wrote, c.ok)
		}
	}
}

// TestRefusedSchemas: types pqarrow does not write are refused too.
func TestRefusedSchemas(t *testing.T) {
	for _, dt := range []arrow.DataType{
		arrow.LargeListOf(arrow.PrimitiveTypes.Int32),
		arrow.FixedWidthTypes.Duration_ms,
		arrow.FixedWidthTypes.MonthInterval,
		arrow.StructOf(),
		arrow.ListOf(arrow.FixedWidthTypes.Duration_s),
		arrow.SparseUnionOf([]arrow.Field{{Name: "a", Type: arrow.PrimitiveTypes.Int8}}, []arrow.UnionTypeCode{0}),
		&arrow.Decimal128Type{Precision: 0, Scale: 0},
	} {
		sc := arrow.NewSchema([]arrow.Field{{Name: "x", Type: dt, Nullable: true}}, nil)
		if both(t, dt.String(), sc, nil) {
			t.Errorf("%s: written", dt)
		}
	}
	sc := arrow.NewSchema([]arrow.Field{{Name: "x", Type: arrow.Null}}, nil)
	if both(t, "required null", sc, nil) {
		t.Error("required null written")
	}
}

// TestWriteColumnDataMisuse: more columns than the schema has, and
// WriteColumnData without a row group, are errors (pqarrow panics on the
// latter).
func TestWriteColumnDataMisuse(t *testing.T) {
	r := record(int32s(1, 2))
	both(t, "extra column", r.Schema(), nil, newRowGroup(), writeColumn(r.Column(0)), writeColumn(r.Column(0)))
	both(t, "no row group", r.Schema(), nil, writeColumn(r.Column(0)))
	empty := array.NewSlice(r.Column(0), 0, 0)
	both(t, "empty columns", r.Schema(), nil, newRowGroup(), writeColumn(empty), writeColumn(empty))
}

// TestDamagedInput: arrays whose buffers contradict them give errors.
func TestDamagedInput(t *testing.T) {
	values := int32s(1, 2, 3)
	offsets := memory.NewBufferBytes(arrow.Int32Traits.CastToBytes([]int32{0, 2, 9}))
	d := array.NewData(arrow.ListOf(arrow.PrimitiveTypes.Int32), 2, []*memory.Buffer{nil, offsets},
		[]arrow.ArrayData{values.Data()}, 0, 0)
	badList := array.MakeFromData(d)
	badDict := array.NewDictionaryArray(&arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int8, ValueType: arrow.BinaryTypes.String},
		int8s(0, 5), strings("a"))
	for _, a := range []arrow.Array{badList, badDict} {
		r := record(a)
		for _, p := range [][]parquet.WriterProperty{nil, {parquet.WithDictionaryDefault(false)}} {
			var buf bytes.Buffer
			fw, err := NewFileWriter(r.Schema(), &buf, parquet.NewWriterProperties(p...))
			if err != nil {
				t.Fatal(err)
			}
			if err := fw.Write(r); err == nil {
				t.Errorf("%s: no error", a.DataType())
			}
		}
	}
}

// TestSerializeSchema: the same bytes as flight.SerializeSchema.
func TestSerializeSchema(t *testing.T) {
	for seed := int64(1); seed <= 300; seed++ {
		sc := newGen(seed, false).Schema()
		if !bytes.Equal(SerializeSchema(sc, mem), flight.SerializeSchema(sc, mem)) {
			t.Fatalf("seed %d: schema %s serialized differently", seed, sc)
		}
	}
}
