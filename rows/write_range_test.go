package rows

import (
	"bytes"
	"strconv"
	"testing"
)

// TestWriteRangeWithColumn: the ranges of a cut, written with their
// header, concatenate (header once) to WriteWithColumn's file; a range
// outside the rows is an error.
func TestWriteRangeWithColumn(t *testing.T) {
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
		values := make([]string, ix.Len())
		for i := range values {
			values[i] = strconv.Itoa(i % 2)
		}
		var whole bytes.Buffer
		if err := ix.WriteWithColumn(&whole, "fold", values); err != nil {
			t.Fatal(err)
		}
		for cut := 0; cut <= ix.Len(); cut++ {
			var a, b bytes.Buffer
			if err := ix.WriteRangeWithColumn(&a, "fold", values, 0, cut); err != nil {
				t.Fatal(err)
			}
			if err := ix.WriteRangeWithColumn(&b, "fold", values, cut, ix.Len()); err != nil {
				t.Fatal(err)
			}
			var empty bytes.Buffer
			ix.WriteRangeWithColumn(&empty, "fold", values, 0, 0) // the header alone
			got := append(a.Bytes(), b.Bytes()[empty.Len():]...)
			if !bytes.Equal(got, whole.Bytes()) {
				t.Errorf("%q cut at %d: %q, want %q", data, cut, got, whole.Bytes())
			}
		}
		if err := ix.WriteRangeWithColumn(&whole, "fold", values, 1, ix.Len()+1); err == nil {
			t.Errorf("%q: a range past the rows: no error", data)
		}
	}
}
