package audit

import (
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/rows"
)

func recs(s string) [][]byte {
	if s == "" {
		return nil
	}
	var out [][]byte
	for _, f := range strings.Split(s, " ") {
		out = append(out, []byte(f))
	}
	return out
}

func TestCompareRecords(t *testing.T) {
	cases := []struct {
		name                      string
		want, got                 string
		anyOrder                  bool
		row                       int
		wantRec, gotRec           string
		missing, extra, misplaced int
	}{
		{"equal", "a b c", "a b c", false, -1, "", "", 0, 0, 0},
		{"swap", "a b c d", "a c b d", false, 2, "b", "c", 0, 0, 2},
		{"swap any order", "a b c d", "a c b d", true, -1, "", "", 0, 0, 2},
		{"dropped", "a b c d", "a b d", false, 3, "c", "d", 1, 0, 1},
		{"dropped last", "a b c", "a b", false, 3, "c", "", 1, 0, 0},
		{"duplicated", "a b c", "a b c c", false, 4, "", "c", 0, 1, 0},
		{"duplicated any order", "a b c", "a c b c", true, 4, "", "c", 0, 1, 2},
		{"foreign", "a b c", "a x c", false, 2, "b", "x", 1, 1, 0},
		{"foreign any order", "a b c", "c x a", true, 2, "b", "x", 1, 1, 2},
		{"missing any order", "a b c", "c a", true, 3, "b", "", 1, 0, 2},
		{"reversed", "a b c d e", "e d c b a", false, 1, "a", "e", 0, 0, 4},
		{"dup rows in data", "a a b", "a b a", false, 2, "a", "b", 0, 0, 2},
		{"empty", "", "", false, -1, "", "", 0, 0, 0},
		{"empty file", "a", "", false, 1, "a", "", 1, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := CompareRecords("f.csv", []byte("h"), []byte("h"), recs(c.want), recs(c.got), c.anyOrder)
			if d.Row != c.row || string(d.Want) != c.wantRec || string(d.Got) != c.gotRec ||
				d.Missing != c.missing || d.Extra != c.extra || d.Misplaced != c.misplaced {
				t.Errorf("got %+v (%s)", d, d)
			}
			if d.Equal() != (c.row < 0) {
				t.Errorf("Equal() = %v", d.Equal())
			}
			if !strings.HasPrefix(d.String(), "f.csv: ") || strings.Contains(d.String(), "\n") {
				t.Errorf("String() = %q", d.String())
			}
		})
	}
	d := CompareRecords("f.csv", []byte("h"), []byte("H"), recs("a"), recs("a"), false)
	if d.Row != 0 || !strings.Contains(d.String(), "header") {
		t.Errorf("header: %+v", d)
	}
}

func TestCompareBytes(t *testing.T) {
	want := []byte("x,y\n1,\"a\nb\"\n2,c\n3,d\n")
	cases := []struct {
		got string
		row int
		msg string
	}{
		{"x,y\n1,\"a\nb\"\n2,c\n3,d\n", -1, "as expected"},
		{"x,y\n1,\"a\nb\"\n3,d\n2,c\n", 2, `row 2: expected "2,c", found "3,d" (0 missing, 0 extra, 2 misplaced rows)`},
		{"x,y\r\n1,\"a\nb\"\r\n2,c\r\n3,d\r\n", 0, "byte 3"},
		{"x,y\n1,\"a\nb\"\n2,c\n3,d", 3, "byte"},
	}
	for _, c := range cases {
		d, err := CompareBytes("f.csv", want, []byte(c.got), rows.Options{}, false)
		if err != nil {
			t.Fatal(err)
		}
		if d.Row != c.row || !strings.Contains(d.String(), c.msg) {
			t.Errorf("%q: %+v: %s", c.got, d, d)
		}
	}
	if _, err := CompareBytes("f.csv", want, []byte("x,y\n\"open\n"), rows.Options{}, false); err == nil {
		t.Error("unterminated quote: no error")
	}
}

func TestCompareLines(t *testing.T) {
	want := []byte("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n")
	if d := CompareLines("f.jsonl", want, want, false); !d.Equal() {
		t.Errorf("equal: %s", d)
	}
	d := CompareLines("f.jsonl", want, []byte("{\"a\":1}\n{\"a\":3}\n{\"a\":2}\n"), false)
	if d.Row != 2 || d.Misplaced != 2 {
		t.Errorf("swap: %s", d)
	}
	if d := CompareLines("f.jsonl", want, []byte("{\"a\":3}\n{\"a\":1}\n{\"a\":2}\n"), true); !d.Equal() {
		t.Errorf("any order: %s", d)
	}
}
