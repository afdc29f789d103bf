package parquetrows

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"

	"github.com/splitter-dev/splitter/internal/pqtest"
	"github.com/splitter-dev/splitter/rows"
)

// testTable is a small table held both ways: as Go values (to write Parquet
// and CSV from) and as the expected rows.Column of each column.
type testTable struct {
	ids    []int64
	xs     []float64
	labels []string
	flags  []bool
	grps   []int32
	us     []uint64
}

func randomTable(r *rand.Rand, n int) testTable {
	t := testTable{}
	for i := 0; i < n; i++ {
		t.ids = append(t.ids, int64(i))
		t.xs = append(t.xs, math.Round(r.NormFloat64()*1e6)/1e3)
		t.labels = append(t.labels, fmt.Sprintf("c%d", r.IntN(4)))
		t.flags = append(t.flags, r.IntN(3) == 0)
		t.grps = append(t.grps, int32(r.IntN(max(2, n/5))-3))
		t.us = append(t.us, 1<<63+uint64(r.IntN(10)))
	}
	return t
}

var testMeta = arrow.NewMetadata([]string{"pandas", "origin"}, []string{`{"index_columns": []}`, "splitter test"})

func (tt testTable) schema() *arrow.Schema {
	return arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.PrimitiveTypes.Int64},
		{Name: "x", Type: arrow.PrimitiveTypes.Float64},
		{Name: "label", Type: arrow.BinaryTypes.String},
		{Name: "flag", Type: arrow.FixedWidthTypes.Boolean},
		{Name: "grp", Type: arrow.PrimitiveTypes.Int32},
		{Name: "u", Type: arrow.PrimitiveTypes.Uint64},
	}, &testMeta)
}

func (tt testTable) record() arrow.Record {
	b := array.NewRecordBuilder(memory.DefaultAllocator, tt.schema())
	defer b.Release()
	b.Field(0).(*array.Int64Builder).AppendValues(tt.ids, nil)
	b.Field(1).(*array.Float64Builder).AppendValues(tt.xs, nil)
	b.Field(2).(*array.StringBuilder).AppendValues(tt.labels, nil)
	b.Field(3).(*array.BooleanBuilder).AppendValues(tt.flags, nil)
	b.Field(4).(*array.Int32Builder).AppendValues(tt.grps, nil)
	b.Field(5).(*array.Uint64Builder).AppendValues(tt.us, nil)
	return b.NewRecord()
}

// writeParquet writes the table with row groups of rg rows, snappy
// compressed, the Arrow schema stored.
func (tt testTable) writeParquet(t testing.TB, path string, rg int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rec := tt.record()
	defer rec.Release()
	writeRecord(t, f, rec, parquet.WithMaxRowGroupLength(int64(rg)), parquet.WithCompression(compress.Codecs.Snappy))
}

// writeRecord writes rec to w as a Parquet file by pqarrow, with props
// and the Arrow schema stored.
func writeRecord(t testing.TB, w io.Writer, rec arrow.Record, props ...parquet.WriterProperty) {
	t.Helper()
	pqtest.MustWrite(t, w, rec, props...)
}

// csv returns the table as CSV text (floats in Go's shortest repr, which
// pandas parses to the same double).
func (tt testTable) csv() []byte {
	var b bytes.Buffer
	b.WriteString("id,x,label,flag,grp,u\n")
	for i := range tt.ids {
		fl := "False"
		if tt.flags[i] {
			fl = "True"
		}
		fmt.Fprintf(&b, "%d,%s,%s,%s,%d,%d\n", tt.ids[i], strconv.FormatFloat(tt.xs[i], 'g', -1, 64), tt.labels[i], fl, tt.grps[i], tt.us[i])
	}
	return b.Bytes()
}

func TestColumnsMatchCSV(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{1, 7, 50, 1000} {
		tt := randomTable(r, n)
		dir := t.TempDir()
		pq := filepath.Join(dir, "d.parquet")
		tt.writeParquet(t, pq, 7)
		p, err := Open(pq, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ix, err := rows.IndexBytes("d.csv", tt.csv(), rows.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if p.Len() != n || ix.Len() != n {
			t.Fatalf("n=%d: Len parquet %d csv %d", n, p.Len(), ix.Len())
		}
		if fmt.Sprint(p.Names()) != fmt.Sprint(ix.Names()) {
			t.Fatalf("names %v vs %v", p.Names(), ix.Names())
		}
		for _, name := range p.Names() {
			a, err := p.Column(name)
			if err != nil {
				t.Fatal(err)
			}
			b, err := ix.Column(name)
			if err != nil {
				t.Fatal(err)
			}
			if a.Kind != b.Kind || a.Len() != b.Len() {
				t.Fatalf("n=%d %s: kind %v/%d vs csv %v/%d", n, name, a.Kind, a.Len(), b.Kind, b.Len())
			}
			for i := 0; i < a.Len(); i++ {
				va, vb := a.Value(i), b.Value(i)
				if fa, ok := va.(float64); ok {
					if math.Float64bits(fa) != math.Float64bits(vb.(float64)) {
						t.Fatalf("%s[%d]: %v vs %v", name, i, va, vb)
					}
				} else if va != vb {
					t.Fatalf("%s[%d]: %v vs %v", name, i, va, vb)
				}
			}
		}
		p.Close()
	}
}

func TestColumnErrors(t *testing.T) {
	dir := t.TempDir()
	pq := filepath.Join(dir, "d.parquet")
	randomTable(rand.New(rand.NewPCG(1, 1)), 10).writeParquet(t, pq, 4)
	p, err := Open(pq, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	_, err = p.Column("nope")
	var pe *rows.ParseError
	if !errors.Is(err, rows.ErrNoColumn) || !errors.As(err, &pe) || pe.File != pq {
		t.Fatalf("missing column: %v", err)
	}
	bad := filepath.Join(dir, "bad.parquet")
	os.WriteFile(bad, []byte("id,x\n1,2\n"), 0o666)
	if _, err := Open(bad, Options{}); !errors.Is(err, ErrParquet) {
		t.Fatalf("not parquet: %v", err)
	}
	if _, err := p.Column("id"); err != nil {
		t.Fatal(err)
	}
	if err := p.WriteRows(&bytes.Buffer{}, []int{10}); err == nil {
		t.Fatal("row out of range accepted")
	}
}

// readBack reads a written Parquet file fully.
func readBack(t testing.TB, data []byte) (arrow.Table, map[string]string, int) {
	t.Helper()
	pr, err := file.NewParquetReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	kv := map[string]string{}
	for _, e := range pr.MetaData().KeyValueMetadata() {
		if e.Value != nil {
			kv[e.Key] = *e.Value
		}
	}
	fr, err := pqarrow.NewFileReader(pr, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return tbl, kv, pr.NumRowGroups()
}

// ids returns the "id" column of tbl.
func ids(tbl arrow.Table) []int64 {
	var out []int64
	for _, c := range tbl.Column(0).Data().Chunks() {
		out = append(out, c.(*array.Int64).Int64Values()...)
	}
	return out
}

func TestWriteRowsOrderSchemaMetadata(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, tc := range []struct {
		n, rg, chunk int
		cache        int64
		order        string
	}{
		{0, 5, 0, 0, "all"},
		{1, 5, 0, 0, "all"},
		{100, 7, 0, 0, "perm"},
		{100, 7, 3, 1, "perm"}, // cache holds one group: re-reads
		{100, 7, 16, 1, "sample"},
		{1000, 64, 100, 1 << 10, "perm"},
		{1000, 64, 3, 8 << 10, "perm"}, // file larger than the cache: large steps
		{1000, 1000, 0, 0, "half"},
		{1000, 13, 0, 0, "repeat"},
	} {
		t.Run(fmt.Sprintf("%d_%d_%d_%d_%s", tc.n, tc.rg, tc.chunk, tc.cache, tc.order), func(t *testing.T) {
			tt := randomTable(r, tc.n)
			pq := filepath.Join(t.TempDir(), "d.parquet")
			tt.writeParquet(t, pq, tc.rg)
			in, err := os.ReadFile(pq)
			if err != nil {
				t.Fatal(err)
			}
			_, inKV, _ := readBack(t, in)
			p, err := Open(pq, Options{ChunkRows: tc.chunk, CacheBytes: tc.cache})
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			var order []int
			switch tc.order {
			case "all":
				for i := 0; i < tc.n; i++ {
					order = append(order, i)
				}
			case "perm":
				order = r.Perm(tc.n)
			case "sample":
				order = r.Perm(tc.n)[:tc.n/3]
			case "half":
				order = r.Perm(tc.n)[tc.n/2:]
			case "repeat":
				for i := 0; i < tc.n; i++ {
					order = append(order, r.IntN(tc.n))
				}
			}
			var buf bytes.Buffer
			if err := p.WriteRows(&buf, order); err != nil {
				t.Fatal(err)
			}
			tbl, kv, groups := readBack(t, buf.Bytes())
			defer tbl.Release()
			if !tbl.Schema().Equal(p.Schema()) {
				t.Fatalf("schema\n%v\nvs\n%v", tbl.Schema(), p.Schema())
			}
			if fmt.Sprint(kv) != fmt.Sprint(inKV) {
				t.Fatalf("key-value metadata %v, input had %v", kv, inKV)
			}
			if want := (len(order) + tc.rg - 1) / tc.rg; len(order) > 0 && groups != want {
				t.Errorf("%d row groups, want %d", groups, want)
			}
			got := ids(tbl)
			if len(got) != len(order) {
				t.Fatalf("%d rows, want %d", len(got), len(order))
			}
			want := tt.record()
			defer want.Release()
			for k, i := range order {
				if got[k] != int64(i) {
					t.Fatalf("row %d: id %d, want %d", k, got[k], i)
				}
			}
			// Every column of every row equals the input's.
			for c := 0; c < int(want.NumCols()); c++ {
				var vals []string
				for _, ch := range tbl.Column(c).Data().Chunks() {
					for j := 0; j < ch.Len(); j++ {
						vals = append(vals, ch.ValueStr(j))
					}
				}
				for k, i := range order {
					if w := want.Column(c).ValueStr(i); vals[k] != w {
						t.Fatalf("column %d row %d: %s, want %s", c, k, vals[k], w)
					}
				}
			}
		})
	}
}

// TestWriteWithFolds: the fold column is int64 when every row has a fold,
// else strings, "" where a row has none (TimeSeriesSplit).
func TestWriteWithFolds(t *testing.T) {
	tt := randomTable(rand.New(rand.NewPCG(9, 9)), 23)
	pq := filepath.Join(t.TempDir(), "d.parquet")
	tt.writeParquet(t, pq, 5)
	p, err := Open(pq, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for _, kind := range []string{"int", "string"} {
		folds := make([]int, p.Len())
		vals := make([]string, p.Len())
		for i := range folds {
			folds[i] = i % 3
			if kind == "string" && i < 4 {
				folds[i] = -1
			}
			if folds[i] >= 0 {
				vals[i] = strconv.Itoa(folds[i])
			}
		}
		var buf bytes.Buffer
		if err := p.WriteWithFolds(&buf, "fold", folds); err != nil {
			t.Fatal(err)
		}
		tbl, _, _ := readBack(t, buf.Bytes())
		want := arrow.DataType(arrow.PrimitiveTypes.Int64)
		if kind == "string" {
			want = arrow.BinaryTypes.String
		}
		if tbl.NumCols() != 7 || tbl.Schema().Field(6).Name != "fold" || !arrow.TypeEqual(tbl.Schema().Field(6).Type, want) {
			t.Fatalf("schema %v", tbl.Schema())
		}
		if fmt.Sprint(ids(tbl)) != fmt.Sprint(tt.ids) {
			t.Fatalf("ids %v", ids(tbl))
		}
		k := 0
		for _, ch := range tbl.Column(6).Data().Chunks() {
			for j := 0; j < ch.Len(); j++ {
				if ch.ValueStr(j) != vals[k] {
					t.Fatalf("fold[%d] = %s, want %s", k, ch.ValueStr(j), vals[k])
				}
				k++
			}
		}
		tbl.Release()
	}
}

func TestNullsAndNarrowTypes(t *testing.T) {
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "i", Type: arrow.PrimitiveTypes.Int16, Nullable: true},
		{Name: "f", Type: arrow.PrimitiveTypes.Float32, Nullable: true},
		{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "d", Type: &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}},
		{Name: "t", Type: arrow.FixedWidthTypes.Date32},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	b.Field(0).(*array.Int16Builder).AppendValues([]int16{1, 0, -3}, []bool{true, false, true})
	b.Field(1).(*array.Float32Builder).AppendValues([]float32{0.1, 2, 0}, []bool{true, true, false})
	b.Field(2).(*array.StringBuilder).AppendValues([]string{"a", "", "c"}, []bool{true, false, true})
	db := b.Field(3).(*array.BinaryDictionaryBuilder)
	db.AppendString("x")
	db.AppendString("y")
	db.AppendString("x")
	b.Field(4).(*array.Date32Builder).AppendValues([]arrow.Date32{1, 2, 3}, nil)
	rec := b.NewRecord()
	defer rec.Release()
	pq := filepath.Join(t.TempDir(), "n.parquet")
	f, _ := os.Create(pq)
	// Row groups of 2 rows: the dictionary differs between groups.
	pqtest.MustWrite(t, f, rec, parquet.WithMaxRowGroupLength(2))
	f.Close()
	p, err := Open(pq, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for _, tc := range []struct {
		col, want string
	}{
		{"i", "float64 [1 NaN -3]"},
		{"f", fmt.Sprintf("float64 [%v 2 NaN]", float64(float32(0.1)))},
		{"s", "string [a NaN c]"},
		{"d", "string [x y x]"},
	} {
		c, err := p.Column(tc.col)
		if err != nil {
			t.Fatal(err)
		}
		var vals []any
		for i := 0; i < c.Len(); i++ {
			vals = append(vals, c.Value(i))
		}
		if got := fmt.Sprintf("%v %v", c.Kind, vals); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.col, got, tc.want)
		}
	}
	if _, err := p.Column("t"); !errors.Is(err, ErrColumnType) {
		t.Errorf("date column: %v", err)
	}
	var buf bytes.Buffer
	if err := p.WriteRows(&buf, []int{2, 0, 1, 2}); err != nil {
		t.Fatal(err)
	}
	tbl, _, _ := readBack(t, buf.Bytes())
	defer tbl.Release()
	if !tbl.Schema().Equal(p.Schema()) {
		t.Fatalf("schema %v", tbl.Schema())
	}
	var got []string
	for c := 0; c < int(tbl.NumCols()); c++ {
		for _, ch := range tbl.Column(c).Data().Chunks() {
			for j := 0; j < ch.Len(); j++ {
				got = append(got, ch.ValueStr(j))
			}
		}
	}
	want := "[-3 1 (null) -3 (null) 0.1 2 (null) c a (null) c x x y x 1970-01-04 1970-01-02 1970-01-03 1970-01-04]"
	if fmt.Sprint(got) != want {
		t.Fatalf("rows %v, want %s", got, want)
	}
}

func TestOpenReader(t *testing.T) {
	tt := randomTable(rand.New(rand.NewPCG(4, 4)), 40)
	pq := filepath.Join(t.TempDir(), "d.parquet")
	tt.writeParquet(t, pq, 9)
	data, err := os.ReadFile(pq)
	if err != nil {
		t.Fatal(err)
	}
	p, err := OpenReader("mem.parquet", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var buf bytes.Buffer
	if err := p.WriteRows(&buf, []int{39, 0, 17}); err != nil {
		t.Fatal(err)
	}
	tbl, _, _ := readBack(t, buf.Bytes())
	defer tbl.Release()
	if got := fmt.Sprint(ids(tbl)); got != "[39 0 17]" {
		t.Fatalf("ids %s", got)
	}
	if _, err := OpenReader("junk", bytes.NewReader([]byte("not parquet at all")), Options{}); !errors.Is(err, ErrParquet) {
		t.Fatalf("junk: %v", err)
	}
}
