package parquetrows

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
)

// flatTypes are the Arrow types decodeFlat decodes, each nullable and
// not.
var flatTypes = []arrow.DataType{
	arrow.PrimitiveTypes.Int64, arrow.PrimitiveTypes.Uint64,
	arrow.PrimitiveTypes.Int32, arrow.PrimitiveTypes.Uint32, arrow.FixedWidthTypes.Date32,
	arrow.PrimitiveTypes.Float64, arrow.PrimitiveTypes.Float32,
	arrow.FixedWidthTypes.Boolean, arrow.BinaryTypes.String, arrow.BinaryTypes.Binary,
}

// flatRecord is a record of n rows of every flat type, nullable (with
// nulls, half of them when many) and not, values drawn from few distinct
// ones when few (dictionary-encoded pages) or many.
func flatRecord(r *rand.Rand, n int, few, many bool) arrow.Record {
	var fields []arrow.Field
	for _, dt := range flatTypes {
		for _, nullable := range []bool{false, true} {
			fields = append(fields, arrow.Field{Name: fmt.Sprintf("%s_%v", dt, nullable), Type: dt, Nullable: nullable})
		}
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, arrow.NewSchema(fields, nil))
	defer b.Release()
	draw := func() int64 {
		if few {
			return int64(r.IntN(5))
		}
		return r.Int64() >> r.IntN(64)
	}
	for k, f := range fields {
		fb := b.Field(k)
		for range n {
			if f.Nullable && r.IntN(8) < 1+3*b2i(many) {
				fb.AppendNull()
				continue
			}
			v := draw()
			switch fb := fb.(type) {
			case *array.Int64Builder:
				fb.Append(v)
			case *array.Uint64Builder:
				fb.Append(uint64(v) * 3)
			case *array.Int32Builder:
				fb.Append(int32(v))
			case *array.Uint32Builder:
				fb.Append(uint32(v))
			case *array.Date32Builder:
				fb.Append(arrow.Date32(v))
			case *array.Float64Builder:
				fb.Append(float64(v) / 7)
			case *array.Float32Builder:
				fb.Append(float32(v) / 7)
			case *array.BooleanBuilder:
				fb.Append(v%2 == 0)
			case *array.StringBuilder:
				fb.Append(fmt.Sprint(v)[:r.IntN(len(fmt.Sprint(v))+1)])
			case *array.BinaryBuilder:
				fb.Append([]byte(fmt.Sprint(v)))
			}
		}
	}
	return b.NewRecord()
}

// TestDecodeFlatIsPqarrow: every flat column of files written with every
// codec, data page version, dictionary or plain pages, small pages and
// several row groups decodes to the array pqarrow's path (readField,
// compact) makes.
func TestDecodeFlatIsPqarrow(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 4))
	dir := t.TempDir()
	for _, codec := range []compress.Compression{compress.Codecs.Uncompressed, compress.Codecs.Snappy, compress.Codecs.Zstd, compress.Codecs.Gzip} {
		for _, v2 := range []bool{false, true} {
			for _, few := range []bool{false, true} {
				name := fmt.Sprintf("%s_v2=%v_few=%v", codec, v2, few)
				t.Run(name, func(t *testing.T) {
					rec := flatRecord(r, 700, few, r.IntN(2) == 0)
					defer rec.Release()
					props := []parquet.WriterProperty{parquet.WithCompression(codec), parquet.WithMaxRowGroupLength(300), parquet.WithDataPageSize(512), parquet.WithDictionaryDefault(few)}
					if v2 {
						props = append(props, parquet.WithDataPageVersion(parquet.DataPageV2))
					}
					p := openRecord(t, filepath.Join(dir, name+".parquet"), rec, props...)
					defer p.Close()
					var s flatScratch
					for i := range p.schema.NumFields() {
						leaf, pt, ok := p.flatLeaf(i)
						if !ok {
							t.Fatalf("column %q is not flat", p.names[i])
						}
						for g := range p.RowGroups() {
							o := newFlatOut(p, p.rgStart[g+1]-p.rgStart[g], physWidth(pt))
							optional := p.schema.Field(i).Nullable
							if err := p.decodePages(&s, g, leaf, o, optional); err != nil {
								t.Errorf("column %q, row group %d: decodePages: %v", p.names[i], g, err)
							}
							o.release()
							got, err := p.decodeFlat(&s, g, i, leaf, pt)
							if err != nil {
								t.Fatalf("column %q, row group %d: %v", p.names[i], g, err)
							}
							want := pqarrowColumn(t, p, g, i)
							if !array.Equal(got, want) || got.NullN() != want.NullN() {
								t.Errorf("column %q, row group %d: decodeFlat gives\n%v\npqarrow\n%v", p.names[i], g, got, want)
							}
							got.Release()
							want.Release()
						}
					}
				})
			}
		}
	}
}

// TestFlatLeafRefuses: columns whose Arrow values are not the leaf's
// physical values as they are go through pqarrow.
func TestFlatLeafRefuses(t *testing.T) {
	for _, data := range seedFiles(t)[2:] {
		path := filepath.Join(t.TempDir(), "s.parquet")
		if err := os.WriteFile(path, data, 0o666); err != nil {
			t.Fatal(err)
		}
		p, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i, name := range p.names {
			_, _, ok := p.flatLeaf(i)
			if want := name == "s" || name == "t"; ok != want {
				t.Errorf("column %q (%s): flat %v, want %v", name, p.schema.Field(i).Type, ok, want)
			}
		}
		p.Close()
	}
}

// TestDecodeFlatFallsBack: a flat column whose pages use an encoding
// decodePages leaves alone (delta encodings here) is decoded by pqarrow's
// path, to the same array, and its rows are written.
func TestDecodeFlatFallsBack(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 6))
	rec := flatRecord(r, 500, false, true)
	defer rec.Release()
	props := []parquet.WriterProperty{parquet.WithDictionaryDefault(false), parquet.WithMaxRowGroupLength(200)}
	delta := map[arrow.Type]parquet.Encoding{
		arrow.INT64: parquet.Encodings.DeltaBinaryPacked, arrow.INT32: parquet.Encodings.DeltaBinaryPacked,
		arrow.STRING: parquet.Encodings.DeltaLengthByteArray,
	}
	for _, f := range rec.Schema().Fields() {
		if e, ok := delta[f.Type.ID()]; ok {
			props = append(props, parquet.WithEncodingFor(f.Name, e))
		}
	}
	p := openRecord(t, filepath.Join(t.TempDir(), "delta.parquet"), rec, props...)
	defer p.Close()
	var s flatScratch
	fell := 0
	for i := range p.schema.NumFields() {
		leaf, pt, _ := p.flatLeaf(i)
		_, isDelta := delta[p.schema.Field(i).Type.ID()]
		for g := range p.RowGroups() {
			a, err := p.decodeFlat(&s, g, i, leaf, pt)
			if isDelta != errors.Is(err, errNotHere) {
				t.Fatalf("column %q: decodeFlat error %v, delta-encoded %v", p.names[i], err, isDelta)
			}
			if a != nil {
				a.Release()
			}
			got, err := p.cache.decodeColumn(&s, g, i)
			if err != nil {
				t.Fatal(err)
			}
			want := pqarrowColumn(t, p, g, i)
			if !array.Equal(got, want) {
				t.Errorf("column %q, row group %d: decodeColumn differs from pqarrow", p.names[i], g)
			}
			got.Release()
			want.Release()
			fell += b2i(isDelta)
		}
	}
	if fell == 0 {
		t.Fatal("no delta-encoded column")
	}
	if err := p.WriteRows(io.Discard, rand.New(rand.NewPCG(1, 2)).Perm(p.Len())); err != nil {
		t.Fatal(err)
	}
}

// openRecord writes rec to path by pqarrow with props and opens it.
func openRecord(t *testing.T, path string, rec arrow.Record, props ...parquet.WriterProperty) *File {
	t.Helper()
	var buf bytes.Buffer
	writeRecord(t, &buf, rec, props...)
	if err := os.WriteFile(path, buf.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	p, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// pqarrowColumn is column i of row group g as pqarrow decodes it (the
// oracle parquetrows' own readers are held to), as one array.
func pqarrowColumn(t *testing.T, p *File, g, i int) arrow.Array {
	t.Helper()
	fr, err := pqarrow.NewFileReader(p.pr, pqarrow.ArrowReadProperties{BatchSize: 1 << 16}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	cr, err := fr.GetFieldReader(context.Background(), i, p.allLeaves, []int{g})
	if err != nil {
		t.Fatal(err)
	}
	defer cr.Release()
	ch, err := cr.NextBatch(int64(p.rgStart[g+1] - p.rgStart[g]))
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Release()
	a, err := array.Concatenate(ch.Chunks(), memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
