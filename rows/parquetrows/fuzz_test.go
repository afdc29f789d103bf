package parquetrows

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/compress"
)

// seedFiles returns small valid Parquet files written in-test: the test
// table (snappy and uncompressed, several row groups) and one with nulls,
// a dictionary column, a date and a list.
func seedFiles(t testing.TB) [][]byte {
	t.Helper()
	dir := t.TempDir()
	var out [][]byte
	for k, tc := range []struct{ n, rg int }{{50, 7}, {5, 5}} {
		pq := filepath.Join(dir, "t.parquet")
		randomTable(rand.New(rand.NewPCG(uint64(k), 3)), tc.n).writeParquet(t, pq, tc.rg)
		data, err := os.ReadFile(pq)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, data)
	}
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "i", Type: arrow.PrimitiveTypes.Int16, Nullable: true},
		{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "d", Type: &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}},
		{Name: "t", Type: arrow.FixedWidthTypes.Date32},
		{Name: "l", Type: arrow.ListOf(arrow.PrimitiveTypes.Int32), Nullable: true},
		{Name: "st", Type: arrow.StructOf(arrow.Field{Name: "a", Type: arrow.PrimitiveTypes.Float64}, arrow.Field{Name: "b", Type: arrow.FixedWidthTypes.Boolean, Nullable: true})},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	defer b.Release()
	b.Field(0).(*array.Int16Builder).AppendValues([]int16{1, 0, -3, 4}, []bool{true, false, true, true})
	b.Field(1).(*array.StringBuilder).AppendValues([]string{"a", "", "c", "dd"}, []bool{true, false, true, true})
	db := b.Field(2).(*array.BinaryDictionaryBuilder)
	for _, s := range []string{"x", "y", "x", "z"} {
		db.AppendString(s)
	}
	b.Field(3).(*array.Date32Builder).AppendValues([]arrow.Date32{1, 2, 3, 4}, nil)
	lb := b.Field(4).(*array.ListBuilder)
	vb := lb.ValueBuilder().(*array.Int32Builder)
	lb.Append(true)
	vb.AppendValues([]int32{1, 2}, nil)
	lb.AppendNull()
	lb.Append(true)
	lb.Append(true)
	vb.AppendValues([]int32{3}, nil)
	stb := b.Field(5).(*array.StructBuilder)
	for k := 0; k < 4; k++ {
		stb.Append(true)
		stb.FieldBuilder(0).(*array.Float64Builder).Append(float64(k) / 2)
		stb.FieldBuilder(1).(*array.BooleanBuilder).Append(k%2 == 0)
	}
	rec := b.NewRecord()
	defer rec.Release()
	for _, codec := range []compress.Compression{compress.Codecs.Uncompressed, compress.Codecs.Snappy} {
		var buf bytes.Buffer
		writeRecord(t, &buf, rec, parquet.WithMaxRowGroupLength(3), parquet.WithCompression(codec))
		out = append(out, buf.Bytes())
	}
	return out
}

// corrupt returns a copy of data with 1 to 3 bytes set to random values.
func corrupt(r *rand.Rand, data []byte) []byte {
	out := append([]byte(nil), data...)
	for k := r.IntN(3); k >= 0; k-- {
		out[r.IntN(len(out))] = byte(r.IntN(256))
	}
	return out
}

// readAll does with the file at path everything splitter does with an
// input: opens it, reads its length and every column, writes all rows in
// order, reversed, as the two parts of a split and with an extra column. It fails t on an error that
// does not name the file or holds unprintable text; a panic fails the
// test by itself.
func readAll(t *testing.T, path string) {
	t.Helper()
	ok := func(err error) {
		t.Helper()
		if err == nil {
			return
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, path+": ") {
			t.Fatalf("error does not name the file: %v", err)
		}
		if strings.IndexFunc(msg, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
			t.Fatalf("error quotes unprintable text: %q", msg)
		}
	}
	p, err := Open(path, Options{})
	if err != nil {
		ok(err)
		if !errors.Is(err, ErrParquet) {
			t.Fatalf("Open: %v is not ErrParquet", err)
		}
		return
	}
	defer p.Close()
	n := p.Len()
	for _, name := range p.Names() {
		_, err := p.Column(name)
		ok(err)
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	// The split's path first, on a file not yet known damaged: row groups
	// decoded on goroutines of prefetch's.
	ok(p.WritePartsContext(context.Background(), []io.Writer{io.Discard, io.Discard}, [][]int{order[n/2:], order[:n/2]}))
	ok(p.WriteRows(io.Discard, order))
	for i := range order {
		order[i] = n - 1 - i
	}
	ok(p.WriteRows(io.Discard, order))
	folds := make([]int, n)
	for i := range folds {
		folds[i] = 1
	}
	ok(p.WriteWithFolds(io.Discard, "fold", folds))
}

func FuzzParquet(f *testing.F) {
	r := rand.New(rand.NewPCG(14, 14))
	for _, data := range seedFiles(f) {
		f.Add(data)
		for k := 0; k < 4; k++ {
			f.Add(corrupt(r, data))
		}
	}
	f.Add([]byte("PAR1PAR1"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.parquet")
		if err := os.WriteFile(path, data, 0o666); err != nil {
			t.Fatal(err)
		}
		readAll(t, path)
	})
}

// TestCorruptions damages valid files in many seeded ways (1 to 3 random
// bytes each): every one must read or fail with an error naming the file,
// never panic.
func TestCorruptions(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 200
	}
	seeds := seedFiles(t)
	r := rand.New(rand.NewPCG(2026, 14))
	dir := t.TempDir()
	for k := 0; k < n; k++ {
		data := corrupt(r, seeds[k%len(seeds)])
		path := filepath.Join(dir, "c.parquet")
		if err := os.WriteFile(path, data, 0o666); err != nil {
			t.Fatal(err)
		}
		readAll(t, path)
	}
}
