package rows

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/splitter-dev/splitter/internal/pages"
)

// TestWriteRangeWithFolds: the ranges of a cut, written with their
// header, concatenate (header once) to WriteWithFolds's file; a range
// outside the rows is an error.
func TestWriteRangeWithFolds(t *testing.T) {
	for _, data := range []string{
		"a,b\r\n1,\"x\ny\"\r\n2,z\r\n3,w",
		"\ufeffa;b\n1;2\n3;4\n5;6\n7;8\n",
		"{\"a\":1}\n{\"a\":2}\n{}\n",
	} {
		name := "d.csv"
		if data[0] == '{' {
			name = "d.jsonl"
		}
		opts := Options{}
		if bytes.Contains([]byte(data), []byte(";")) {
			opts.Sep = ';'
		}
		ix, err := IndexBytes(name, []byte(data), opts)
		if err != nil {
			t.Fatal(err)
		}
		values := make([]int, ix.Len())
		for i := range values {
			values[i] = i%3 - 1 // -1: a row no fold tests
		}
		var whole bytes.Buffer
		if err := ix.WriteWithFolds(&whole, "fold", values); err != nil {
			t.Fatal(err)
		}
		for cut := 0; cut <= ix.Len(); cut++ {
			var a, b bytes.Buffer
			if err := ix.WriteRangeWithFolds(&a, "fold", values, 0, cut); err != nil {
				t.Fatal(err)
			}
			if err := ix.WriteRangeWithFolds(&b, "fold", values, cut, ix.Len()); err != nil {
				t.Fatal(err)
			}
			var empty bytes.Buffer
			ix.WriteRangeWithFolds(&empty, "fold", values, 0, 0) // the header alone
			got := append(a.Bytes(), b.Bytes()[empty.Len():]...)
			if !bytes.Equal(got, whole.Bytes()) {
				t.Errorf("%q cut at %d: %q, want %q", data, cut, got, whole.Bytes())
			}
		}
		if err := ix.WriteRangeWithFolds(&whole, "fold", values, 1, ix.Len()+1); err == nil {
			t.Errorf("%q: a range past the rows: no error", data)
		}
	}
}

// TestWriteWithFoldsDropBehind: a file large enough to be read with
// drop-behind writes the same column file, whole and in ranges, as the
// same bytes in memory.
func TestWriteWithFoldsDropBehind(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("id,text\n")
	for i := 0; b.Len() < dropMin+dropChunk+12345; i++ {
		switch i % 5 {
		case 0:
			b.WriteString(strconv.Itoa(i) + ",\"quoted\nline\"\r\n")
		case 1:
			b.WriteString(strconv.Itoa(i) + "\n\n")
		default:
			b.WriteString(strconv.Itoa(i) + ",plain text of some length\n")
		}
	}
	b.WriteString("last,no eol")
	data := b.Bytes()
	ix, err := indexTempFile(t, "c.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !ix.drop && pages.CanDrop {
		t.Fatal("the file is not read with drop-behind")
	}
	mem, err := IndexBytes("c.csv", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	values := make([]int, ix.Len())
	for i := range values {
		values[i] = i % 7
	}
	n := ix.Len()
	for _, r := range [][2]int{{0, n}, {0, n / 3}, {n / 3, n}, {n - 1, n}} {
		var got, want bytes.Buffer
		if err := ix.WriteRangeWithFolds(&got, "fold", values, r[0], r[1]); err != nil {
			t.Fatal(err)
		}
		if err := mem.WriteRangeWithFolds(&want, "fold", values, r[0], r[1]); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("rows %d..%d: the mapped file's output differs from the in-memory one", r[0], r[1])
		}
	}
}
