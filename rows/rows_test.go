package rows

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestRowsTable(t *testing.T) {
	// Expected values were checked against pandas 1.5.3 read_csv.
	tests := []struct {
		name, in string
		rows     int
		names    string
		lead     int
		rev      string // WriteRows in reverse order
	}{
		{"blank and whitespace lines", "a,b\n1,2\n   \n\t\n3,4\n", 2, "a|b", 0, "a,b\n3,4\n1,2\n"},
		{"line led by spaces is a row", "a,b\n1,2\n  5,6\n3,4\n", 3, "a|b", 0, "a,b\n3,4\n  5,6\n1,2\n"},
		{"lone CR", "a,b\r1,2\r3,4\r", 2, "a|b", 0, "a,b\r3,4\r1,2\r"},
		{"CRLF", "a,b\r\n1,2\r\n\r\n3,4\r\n", 2, "a|b", 0, "a,b\r\n3,4\r\n1,2\r\n"},
		{"delimiter after blank CR line dropped", "a,b\r1,2\r\r,3\r4,5\r", 3, "a|b", 0, "a,b\r4,5\r3\r1,2\r"},
		{"quoted newline and quote in field", "a,b\n1,\"x\ny\"\n2,x\"y\n", 2, "a|b", 0, "a,b\n2,x\"y\n1,\"x\ny\"\n"},
		{"BOM and blank lines before header", "\xef\xbb\xbf\n\na,b\n1,2\n", 1, "a|b", 0, "\xef\xbb\xbfa,b\n1,2\n"},
		{"blank lines before header", "\n  \r\n\ta,b\n1,2\n", 1, "\ta|b", 0, "\ta,b\n1,2\n"},
		{"BOM kept in header", "\xef\xbb\xbfa,b\n1,2\n3,4", 2, "a|b", 0, "\xef\xbb\xbfa,b\n3,4\n1,2\n"},
		{"missing final newline gets header's", "a,b\r\n1,2\r\n3,4", 2, "a|b", 0, "a,b\r\n3,4\r\n1,2\r\n"},
		{"header only", "a,b", 0, "a|b", 0, "a,b"},
		{"first row longer: index column", "a,b\n1,2,3\n4,5,6\n", 2, "a|b", 1, "a,b\n4,5,6\n1,2,3\n"},
		{"short rows padded", "a,b,c\n1\n2,3\n", 2, "a|b|c", 0, "a,b,c\n2,3\n1\n"},
		{"duplicate and empty names", "a,a,a.1,,\n1,2,3,4,5\n", 1, "a|a.2|a.1|Unnamed: 3|Unnamed: 4", 0, "a,a,a.1,,\n1,2,3,4,5\n"},
		{"trailing whitespace at EOF", "a,b\n1,2\n   ", 1, "a|b", 0, "a,b\n1,2\n"},
		{"row of delimiters", "a,b\n,\n", 1, "a|b", 0, "a,b\n,\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix, err := IndexBytes("t.csv", []byte(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if ix.Len() != tt.rows || strings.Join(ix.Names(), "|") != tt.names || ix.IndexColumns() != tt.lead {
				t.Fatalf("got %d rows, names %q, %d index columns", ix.Len(), ix.Names(), ix.IndexColumns())
			}
			order := make([]int, ix.Len())
			for i := range order {
				order[i] = ix.Len() - 1 - i
			}
			var buf bytes.Buffer
			if err := ix.WriteRows(&buf, order); err != nil {
				t.Fatal(err)
			}
			if buf.String() != tt.rev {
				t.Fatalf("reversed copy %q, want %q", buf.String(), tt.rev)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	// pandas: EmptyDataError, "EOF inside string", "Expected 2 fields in line 3, saw 3".
	tests := []struct {
		in        string
		err       error
		line, col int
	}{
		{"", ErrEmpty, 0, 0},
		{"\n\n  \n", ErrEmpty, 0, 0},
		{"a,b\n1,2\n3,\"4\n5,6\n", ErrQuote, 3, 3},
		{"a,b\n1\n4,5,6\n", ErrFieldCount, 3, 0},
		{"a,b\n1,2\n\n\"x\ny\",3,4\n", ErrFieldCount, 4, 0},
		{"a,b\r\n1,\"x\r\ny\"\r\n3,4,5\r\n", ErrFieldCount, 4, 0},
		{"a,b\n1,2,3\n4,5,6,7\n", ErrFieldCount, 3, 0},
		{"a,b\r1,2\r3,4\r 5,6\r", ErrCRSpace, 4, 0},
		{"a,b\n1,x\xffy\n", ErrEncoding, 2, 4},
	}
	for _, tt := range tests {
		_, err := IndexBytes("bad.csv", []byte(tt.in), Options{})
		var pe *ParseError
		if !errors.Is(err, tt.err) || !errors.As(err, &pe) || pe.Line != tt.line || pe.Column != tt.col || pe.File != "bad.csv" {
			t.Errorf("%q: got %v, want %v at line %d column %d", tt.in, err, tt.err, tt.line, tt.col)
		}
	}
	ix, _ := IndexBytes("ok.csv", []byte("a,b\n1,2\n"), Options{})
	if _, err := ix.Column("c"); !errors.Is(err, ErrNoColumn) || !strings.Contains(err.Error(), `"c"`) {
		t.Errorf("missing column: %v", err)
	}
}

func TestColumnTyping(t *testing.T) {
	// dtypes as pandas 1.5.3 infers them.
	tests := []struct {
		vals  []string
		dtype string
	}{
		{[]string{"10", "9", "007"}, "int64"},
		{[]string{"10", "9", "a"}, "object"},
		{[]string{"1.0", "2", "1"}, "float64"},
		{[]string{"True", "false", "TRUE"}, "bool"},
		{[]string{"True", ""}, "object"},
		{[]string{"1", ""}, "float64"},
		{[]string{"9223372036854775808", "1"}, "uint64"},
		{[]string{"9223372036854775808", ""}, "object"},
		{[]string{"-9223372036854775809", "1"}, "object"},
		{[]string{"1e400", "1"}, "object"},
		{[]string{"inf", "-Infinity", "nan"}, "float64"},
	}
	for _, tt := range tests {
		var b strings.Builder
		b.WriteString("c,d\n")
		for _, v := range tt.vals {
			b.WriteString(v + ",1\n")
		}
		ix, err := IndexBytes("t.csv", []byte(b.String()), Options{})
		if err != nil {
			t.Fatal(err)
		}
		col, err := ix.Column("c")
		if err != nil {
			t.Fatal(err)
		}
		if col.Dtype() != tt.dtype || col.Len() != len(tt.vals) {
			t.Errorf("%q: dtype %s len %d, want %s", tt.vals, col.Dtype(), col.Len(), tt.dtype)
		}
	}
}

func TestWriteWithFolds(t *testing.T) {
	ix, err := IndexBytes("t.csv", []byte("a,b,c\r\n1,2,3\r\n4\r\n\"x\ny\",5,6\r\n7,8,9"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ix.WriteWithFolds(&buf, "fold", []int{0, 1, 12, -1}); err != nil {
		t.Fatal(err)
	}
	want := "a,b,c,fold\r\n1,2,3,0\r\n4,,,1\r\n\"x\ny\",5,6,12\r\n7,8,9,\r\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

func FuzzIndex(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "a,b\r1,\"x\r\ny\"\r\r,3\r", "\xef\xbb\xbf a\n\t\n1\n", "a\n\"\"\"\n", "a,b\n1,2,3\n"} {
		f.Add([]byte(s))
	}
	f.Add([]byte("{\"a\": 1.5e3, \"b\": [1]}\n\n{\"a\": \"x\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// JSON Lines: never panics; rows are lines.
		if jx, err := IndexBytes("f.jsonl", data, Options{Format: JSONLines}); err == nil {
			for _, name := range jx.Names() {
				if c, err := jx.Column(name); err == nil && c.Len() != jx.Len() {
					t.Fatalf("jsonl column %q: %d values for %d rows", name, c.Len(), jx.Len())
				}
			}
			var buf bytes.Buffer
			order := make([]int, jx.Len())
			for i := range order {
				order[i] = i
			}
			jx.WriteRows(&buf, order)
		}
		ix, err := IndexBytes("f.csv", data, Options{})
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a ParseError: %v", err)
			}
			return
		}
		// Offsets are increasing, records are disjoint and each one holds
		// its own fields as the reference tokenizer splits them.
		last := -1
		for i := 0; i < ix.Len(); i++ {
			s, e := ix.bounds(i)
			if s <= last || e < s || e > len(data) {
				t.Fatalf("row %d at [%d,%d) after %d", i, s, e, last)
			}
			last = e - 1
			if e == s {
				t.Fatalf("row %d empty", i)
			}
		}
		var buf bytes.Buffer
		order := make([]int, ix.Len())
		for i := range order {
			order[i] = i
		}
		if err := ix.WriteRows(&buf, order); err != nil {
			t.Fatal(err)
		}
		// Re-indexing the copy gives the same number of rows whenever the
		// copy is a file splitter accepts, unless the header line starts
		// with a byte-order mark that did not start the file: pandas reads
		// it as part of the first column's name, and at the start of the
		// copy (as in df.to_csv's) it is read as a mark ("\n\ufeff\n0" is
		// one row; its copy, "\ufeff\n0\n", none).
		movedBOM := bytes.HasPrefix(buf.Bytes(), utf8BOM) && !bytes.HasPrefix(data, utf8BOM)
		if rx, err := IndexBytes("copy.csv", buf.Bytes(), Options{}); err == nil && rx.Len() != ix.Len() && !movedBOM {
			t.Fatalf("copy has %d rows, input %d", rx.Len(), ix.Len())
		}
		for _, name := range ix.Names() {
			if c, err := ix.Column(name); err != nil || c.Len() != ix.Len() {
				t.Fatalf("column %q: %v", name, err)
			}
		}
	})
}

func TestJSONLines(t *testing.T) {
	in := "{\"a\": 1, \"b\": \"x\"}\r\n\n  \n{}\n{\"b\": \"y\"}"
	ix, err := IndexBytes("t.jsonl", []byte(in), Options{Format: JSONLines})
	if err != nil {
		t.Fatal(err)
	}
	if ix.Len() != 3 || strings.Join(ix.Names(), "|") != "a|b" {
		t.Fatalf("%d rows, names %q", ix.Len(), ix.Names())
	}
	var buf bytes.Buffer
	ix.WriteRows(&buf, []int{2, 0, 1})
	if want := "{\"b\": \"y\"}\n{\"a\": 1, \"b\": \"x\"}\r\n{}\n"; buf.String() != want {
		t.Errorf("WriteRows %q, want %q", buf.String(), want)
	}
	buf.Reset()
	ix.WriteWithFolds(&buf, "fold", []int{0, -1, 2})
	if want := "{\"a\": 1, \"b\": \"x\",\"fold\":0}\r\n{\"fold\":null}\n{\"b\": \"y\",\"fold\":2}\n"; buf.String() != want {
		t.Errorf("WriteWithFolds %q, want %q", buf.String(), want)
	}
	col, err := ix.Column("a")
	if err != nil || col.Dtype() != "float64" || !col.Null[1] {
		t.Errorf("column a: %v %v", col, err)
	}
	if _, err := IndexBytes("bad.jsonl", []byte("{\"a\":1}\n[1]\n"), Options{Format: JSONLines}); !errors.Is(err, ErrJSON) {
		t.Errorf("array line: %v", err)
	}
}

func TestWriteRowsLarge(t *testing.T) {
	// More rows than one copy block, so the parallel path runs; compare
	// with a plain loop over Record.
	var b strings.Builder
	b.WriteString("id,v\r\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&b, "%d,\"x\ny%d\"\r\n", i, i%7)
		if i%1000 == 0 {
			b.WriteString("  \r\n")
		}
	}
	ix, err := IndexBytes("big.csv", []byte(b.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	order := rand.New(rand.NewPCG(1, 2)).Perm(ix.Len())
	var got bytes.Buffer
	if err := ix.WriteRows(&got, order); err != nil {
		t.Fatal(err)
	}
	want := append([]byte(nil), ix.Header()...)
	for _, i := range order {
		want = append(want, ix.Record(i)...)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Fatal("parallel copy differs from the records in order")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ix.WriteRowsContext(ctx, io.Discard, order); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
}

func TestParallelIndex(t *testing.T) {
	// Files above parallelMin are scanned in two halves; a quoted field
	// spanning the middle makes the speculative half wrong and must be
	// caught.
	for _, spanMiddle := range []bool{false, true} {
		var rows []string
		size := 0
		for i := 0; size < 2*parallelMin; i++ {
			row := fmt.Sprintf("%d,plain %d\n", i, i%13)
			if i%97 == 0 {
				row = fmt.Sprintf("%d,\"quoted\n\"\"line\"\"\r\n%d\"\r\n", i, i)
			}
			if spanMiddle && size >= parallelMin-5000 && size < parallelMin {
				row = fmt.Sprintf("%d,\"%s\"\n", i, strings.Repeat("a,b\nc\n", 5000))
			}
			rows = append(rows, row)
			size += len(row)
		}
		data := "id,text\n" + strings.Join(rows, "")
		ix, err := IndexBytes("p.csv", []byte(data), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if ix.Len() != len(rows) {
			t.Fatalf("spanMiddle=%v: %d rows, want %d", spanMiddle, ix.Len(), len(rows))
		}
		for i, row := range rows {
			if string(ix.Record(i)) != row {
				t.Fatalf("spanMiddle=%v: row %d = %q, want %q", spanMiddle, i, ix.Record(i), row)
			}
		}
	}
}

func TestIndexReaderAt(t *testing.T) {
	src := "a,b\n1,\"x\ny\"\n2,3\n"
	ix, err := IndexReaderAt("mem.csv", strings.NewReader(src), int64(len(src)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Len() != 2 || string(ix.Record(0)) != "1,\"x\ny\"\n" {
		t.Fatalf("%d rows, row 0 %q", ix.Len(), ix.Record(0))
	}
}

func TestParallelIndexErrorWaits(t *testing.T) {
	// An error in the first half returns only after the second half's scan
	// has stopped reading (IndexFile unmaps the file right away).
	var b strings.Builder
	b.WriteString("a,b\n1,2,3,4\n")
	for b.Len() < 2*parallelMin {
		b.WriteString("1,2\n")
	}
	p := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(p, []byte("a,b\n1\n1,2,3\n"+b.String()), 0o644)
	for i := 0; i < 20; i++ {
		if _, err := IndexFile(p, Options{}); !errors.Is(err, ErrFieldCount) {
			t.Fatalf("got %v", err)
		}
	}
}

// TestParallelIndexUTF8: the halves of a large file check UTF-8 as they
// scan; multibyte runes across chunk and page boundaries are fine, and a
// bad byte anywhere gives the error (same line and column) that one scan
// of the whole file gives, with or without a quoted field across the
// middle, in memory and from a file read with drop-behind.
func TestParallelIndexUTF8(t *testing.T) {
	build := func(size int, spanMiddle bool) []byte {
		var b bytes.Buffer
		b.WriteString("id,text\n")
		for i := 0; b.Len() < size; i++ {
			if spanMiddle && b.Len() >= size/2-5000 && b.Len() < size/2 {
				fmt.Fprintf(&b, "%d,\"%s\"\n", i, strings.Repeat("é,\n", 3000))
				continue
			}
			fmt.Fprintf(&b, "%d,%s\n", i, []string{"é", "日本語", "😀x", "plain"}[i%4])
		}
		return b.Bytes()
	}
	one := func(data []byte) (*Index, error) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		return IndexBytes("t.csv", data, Options{})
	}
	for _, size := range []int{2*parallelMin + 12345, dropMin + 3*pageSize + 1} {
		for _, spanMiddle := range []bool{false, true} {
			base := build(size, spanMiddle)
			for _, bad := range []int{-1, 20, len(base)/2 - 7, len(base)/2 + 9, len(base) - 3} {
				data := append([]byte(nil), base...)
				if bad >= 0 {
					for data[bad] == '\n' || data[bad] == ',' || data[bad] == '"' {
						bad++ // a byte of a field: the rows stay as they are
					}
					data[bad] = 0xff
				}
				want, wantErr := one(data)
				for _, fromFile := range []bool{false, true} {
					var got *Index
					var err error
					if fromFile {
						got, err = indexTempFile(t, "t.csv", data)
					} else {
						got, err = IndexBytes("t.csv", data, Options{})
					}
					name := fmt.Sprintf("size %d, span %v, bad at %d, file %v", size, spanMiddle, bad, fromFile)
					var pe, wpe *ParseError
					switch {
					case wantErr != nil:
						if !errors.As(err, &pe) || !errors.As(wantErr, &wpe) || pe.Line != wpe.Line || pe.Column != wpe.Column || !errors.Is(err, ErrEncoding) {
							t.Fatalf("%s: err %v, want %v", name, err, wantErr)
						}
					case err != nil:
						t.Fatalf("%s: %v", name, err)
					default:
						if got.Len() != want.Len() {
							t.Fatalf("%s: %d rows, want %d", name, got.Len(), want.Len())
						}
						for i := 0; i < want.Len(); i += 997 {
							if !bytes.Equal(got.Record(i), want.Record(i)) {
								t.Fatalf("%s: row %d differs", name, i)
							}
						}
						got.Close()
					}
				}
			}
		}
	}
}

// TestJSONLinesPyStrip: pandas strips each line with str.strip() before
// it parses it, so whitespace JSON does not allow (\v, \f, \x1c, U+00A0)
// may surround an object (pd.read_json gives a = [1, 2, NaN], b = [NaN,
// "x", NaN]).
func TestJSONLinesPyStrip(t *testing.T) {
	ix, err := IndexBytes("t.jsonl", []byte("\v{\"a\": 1}\n\f{\"a\": 2, \"b\": \"x\"}\u00a0\n\x1c{}\n"), Options{Format: JSONLines})
	if err != nil {
		t.Fatal(err)
	}
	if ix.Len() != 3 || strings.Join(ix.Names(), "|") != "a|b" {
		t.Fatalf("%d rows, names %q", ix.Len(), ix.Names())
	}
	a, err := ix.Column("a")
	if err != nil || a.Kind != Float64 || a.Floats[0] != 1 || a.Floats[1] != 2 || !a.Null[2] {
		t.Fatalf("a: %+v, %v", a, err)
	}
	b, err := ix.Column("b")
	if err != nil || b.Kind != String || b.Strings[1] != "x" || !b.Null[0] || !b.Null[2] {
		t.Fatalf("b: %+v, %v", b, err)
	}
}
