package rows

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/pages"
)

// The fuzz targets feed each parser through a file as the CLI does
// (IndexFile, mapped or decompressed), read every column and write a
// permutation of the rows by every copy path. Each input must give either
// an error naming the file or outputs holding exactly the input's
// records, each once; never a panic or a hang.

var fuzzSeedsCSV = []string{
	"a,b\n1,2\n", "a,b\r1,\"x\r\ny\"\r\r,3\r", "\xef\xbb\xbf a\n\t\n1\n", "a\n\"\"\"\n", "a,b\n1,2,3\n",
	"a,b\n1,2,3\n4,5\n", "a\n\n\n1\n \n2", "a,b\n1,2\r\n,\r\n", "\"a\nb\",c\n1,2\n", "a,a,a.1\n1,2,3\n",
	"x\n1\r \n2\n", "a\tb\n1\t2\n", "a\n1\n\"2\n", "a,b\n1,\"2\"x\n", "\n\n", "",
}

func fuzzSeeds(f *testing.F, seeds []string, gen func(*rand.Rand) []byte) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	r := rand.New(rand.NewPCG(14, 14))
	for k := 0; k < 16; k++ {
		f.Add(gen(r))
	}
}

func FuzzCSV(f *testing.F) {
	fuzzSeeds(f, fuzzSeedsCSV, genCSV)
	f.Fuzz(func(t *testing.T, data []byte) { checkFile(t, "in.csv", data, data) })
}

func FuzzTSV(f *testing.F) {
	fuzzSeeds(f, fuzzSeedsCSV, func(r *rand.Rand) []byte { return bytes.ReplaceAll(genCSV(r), []byte(","), []byte("\t")) })
	f.Fuzz(func(t *testing.T, data []byte) { checkFile(t, "in.tsv", data, data) })
}

func FuzzJSONL(f *testing.F) {
	fuzzSeeds(f, []string{
		"{\"a\": 1.5e3, \"b\": [1]}\n\n{\"a\": \"x\"}", "{}\n", "{\"a\":1}\r\n \n{\"b\":null}\n", "[1]\n", "{\"a\":1}{}\n",
		"\x1c\n{\"a\":true}\n\u2028\n", "{\"a\": \"\\ud800\"}\n", "{\"a\": 1e999}\n{\"a\": -0}\n", "",
	}, genJSONL)
	f.Fuzz(func(t *testing.T, data []byte) { checkFile(t, "in.jsonl", data, data) })
}

// FuzzGzip: a CSV (or JSON Lines) cut into gzip members at cut, with pad
// NUL bytes after each, reads as the text itself; raw inputs are read as
// a .gz file of their own bytes (anything at all).
func FuzzGzip(f *testing.F) {
	for _, s := range fuzzSeedsCSV[:6] {
		f.Add([]byte(s), uint16(3), uint8(0), false, false)
		f.Add([]byte(s), uint16(1), uint8(5), false, true)
	}
	f.Add([]byte("{\"a\":1}\n{}\n"), uint16(4), uint8(1), true, false)
	f.Add(append(gz(f, "a,b\n1,2\n"), 0, 0, 0), uint16(0), uint8(0), false, true)
	f.Add(append(gz(f, "a,b\n1,2\n"), 0, 1), uint16(0), uint8(0), false, true)
	// Inputs are tiny: a temporary directory short of space must not turn
	// them all into ErrTempSpace.
	defer func(f func(uint64) uint64) { tempReserve = f }(tempReserve)
	tempReserve = func(uint64) uint64 { return 0 }
	f.Fuzz(func(t *testing.T, data []byte, cut uint16, pad uint8, jsonl, raw bool) {
		name := "in.csv.gz"
		if jsonl {
			name = "in.jsonl.gz"
		}
		if raw {
			checkFile(t, name, data, nil)
			return
		}
		c := min(int(cut), len(data))
		var z bytes.Buffer
		for _, part := range [][]byte{data[:c], data[c:]} {
			w := gzip.NewWriter(&z)
			w.Write(part)
			w.Close()
			z.Write(make([]byte, pad))
		}
		checkFile(t, name, z.Bytes(), data)
	})
}

// checkFile writes file to a temporary file called name, indexes it and
// checks what it reads against text (the file's content, decompressed;
// nil when not known).
func checkFile(t *testing.T, name string, file, text []byte) {
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, file, 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := IndexFile(p, Options{})
	if err != nil {
		var pe *ParseError
		if !strings.HasPrefix(err.Error(), p+": ") || errors.As(err, &pe) && pe.File != p {
			t.Fatalf("error does not name the file: %v", err)
		}
		return
	}
	defer ix.Close()
	if text != nil && !bytes.Equal(ix.data, text) {
		t.Fatalf("read %q, want %q", ix.data, text)
	}
	checkRecords(t, ix)
	n := ix.Len()
	for _, name := range ix.Names() {
		c, err := ix.Column(name)
		if err != nil {
			// A JSON Lines value pandas refuses too ("Value is too big!")
			// or cannot be typed as pandas does (ErrUnsupported) is a
			// ParseError naming the file; a CSV column always reads.
			var pe *ParseError
			if ix.jsonl && errors.As(err, &pe) && pe.File == p {
				continue
			}
			t.Fatalf("column %q: %v", name, err)
		}
		if c.Len() != n {
			t.Fatalf("column %q: %d values for %d rows", name, c.Len(), n)
		}
	}
	h := fnv.New64a()
	h.Write(file)
	order := rand.New(rand.NewPCG(h.Sum64(), 1)).Perm(n)
	var want bytes.Buffer
	want.Write(ix.head())
	for _, i := range order {
		want.Write(recordOut(ix, i))
	}
	write := func(how string, lim limits) {
		var got bytes.Buffer
		if err := ix.write(context.Background(), []io.Writer{&got}, [][]int{order}, lim); err != nil {
			t.Fatalf("%s: %v", how, err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%s: wrote %q, want %q", how, got.Bytes(), want.Bytes())
		}
		if ix.jsonl || n < 2 {
			return
		}
		var a, b bytes.Buffer
		half := n / 2
		if err := ix.write(context.Background(), []io.Writer{&a, &b}, [][]int{order[:half], order[half:]}, lim); err != nil {
			t.Fatalf("%s parts: %v", how, err)
		}
		for k, part := range [][]int{order[:half], order[half:]} {
			want := ix.head()
			for _, i := range part {
				want = append(want, recordOut(ix, i)...)
			}
			if got := []*bytes.Buffer{&a, &b}[k]; !bytes.Equal(got.Bytes(), want) {
				t.Fatalf("%s part %d: wrote %q, want %q", how, k, got.Bytes(), want)
			}
		}
	}
	write("in memory", stdLimits())
	if !ix.jsonl && pages.CanDrop {
		// The windowed and spilled copies, which large files take.
		ix.drop = true
		write("windowed", stdLimits())
		write("spilled", spillAll())
		write("spilled in groups", spillInGroups(2))
		checkConcat(t, ix, order)
	}
}

// checkConcat writes the parts of ix read twice over (two indexes, one
// concatenation) by one staged pass, and checks them record by record.
func checkConcat(t *testing.T, ix *Index, order []int) {
	n := ix.Len()
	if n < 1 {
		return
	}
	twice := make([]int, 0, 2*n)
	for _, i := range order {
		twice = append(twice, i+n, i) // row i of the second copy, then of the first
	}
	parts := [][]int{twice[:n], twice[n:]}
	var a, b bytes.Buffer
	done, err := writeConcat(context.Background(), []*Index{ix, ix}, []io.Writer{&a, &b}, parts, spillAll())
	if err != nil {
		t.Fatalf("concatenated: %v", err)
	}
	if !done {
		return // not staged together (a record larger than a window)
	}
	for k, part := range parts {
		want := ix.head()
		for _, i := range part {
			want = append(want, recordOut(ix, i%n)...)
		}
		if got := []*bytes.Buffer{&a, &b}[k]; !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("concatenated part %d: wrote %q, want %q", k, got.Bytes(), want)
		}
	}
}

// recordOut is row i as outputs hold it: its record, with the header's
// line end when it has none.
func recordOut(ix *Index, i int) []byte {
	rec := ix.Record(i)
	if len(lineEnd(rec)) == 0 {
		return append(append([]byte(nil), rec...), ix.headerEOL...)
	}
	return rec
}

// checkRecords checks that the records are non-empty, in file order,
// disjoint, and that the bytes between them (and around the header) are
// blank lines: the rows are the whole input, each once.
func checkRecords(t *testing.T, ix *Index) {
	data := ix.data
	blank := func(b []byte) bool {
		if ix.jsonl {
			return isPyBlank(b)
		}
		for _, c := range b {
			if c != '\n' && c != '\r' && c != ' ' && c != '\t' && c != ix.sep {
				return false
			}
		}
		return true
	}
	pos := 0
	if !ix.jsonl {
		// Only a BOM that starts the file is one: after a blank first
		// line, "\ufeff" is a column name (pandas reads it so too).
		start, hdr := 0, ix.header
		if bytes.HasPrefix(data, utf8BOM) {
			start, hdr = len(utf8BOM), bytes.TrimPrefix(hdr, utf8BOM)
		}
		pos = bytes.Index(data[start:], hdr)
		if pos < 0 || !blank(data[start:start+pos]) {
			t.Fatalf("header %q not at the start of %q", ix.header, data)
		}
		pos += start + len(hdr)
	}
	for i := 0; i < ix.Len(); i++ {
		s, e := ix.bounds(i)
		if s < pos || e <= s || e > len(data) {
			t.Fatalf("row %d at [%d,%d) after %d", i, s, e, pos)
		}
		if !blank(data[pos:s]) {
			t.Fatalf("bytes %q before row %d are not blank", data[pos:s], i)
		}
		pos = e
	}
	if !blank(data[pos:]) {
		t.Fatalf("bytes %q after the last row are not blank", data[pos:])
	}
}
