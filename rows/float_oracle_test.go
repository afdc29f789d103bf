package rows

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestPandasFloatParsing compares precise_xstrtod bit for bit: one float
// column of random decimal texts (many digits, leading zeros, wide and
// subnormal exponents, spaces) read by pandas.read_csv.
func TestPandasFloatParsing(t *testing.T) {
	oracle.Require(t, "pandas")
	r := oracle.Rand(t)
	var texts []string
	for len(texts) < 4000 {
		var s strings.Builder
		switch r.IntN(8) {
		case 0:
			s.WriteByte(' ')
		case 1:
			s.WriteByte('+')
		case 2, 3:
			s.WriteByte('-')
		}
		for k := r.IntN(4); k > 0; k-- {
			s.WriteByte('0')
		}
		nd := 1 + r.IntN(24)
		for k := 0; k < nd; k++ {
			s.WriteByte(byte('0' + r.IntN(10)))
		}
		if r.IntN(3) > 0 {
			s.WriteByte('.')
			for k := r.IntN(25); k > 0; k-- {
				s.WriteByte(byte('0' + r.IntN(10)))
			}
		}
		e := 0
		if r.IntN(3) > 0 {
			e = r.IntN(640) - 340
			fmt.Fprintf(&s, "%c%d", "eE"[r.IntN(2)], e)
		}
		if e+nd > 300 {
			continue // would overflow: pandas keeps such a column as strings
		}
		texts = append(texts, s.String())
	}
	// A first row whose integer part passes 2**64 makes pandas type the
	// whole column as object (rows reproduces that; see the typing tests),
	// which would leave no float to compare: start with a plain float.
	texts = append([]string{"0.5"}, texts...)
	data := "x,y\n" + strings.Join(texts, ",1\n") + ",1\n"
	p := filepath.Join(t.TempDir(), "floats.csv")
	os.WriteFile(p, []byte(data), 0o644)
	var got []pandasRead
	oracle.RunJSON(t, pandasReadScript, []pandasCase{{Path: p, Sep: ","}}, &got)
	ix, err := IndexBytes(p, []byte(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	col, err := ix.Column("x")
	if err != nil {
		t.Fatal(err)
	}
	want := got[0].Cols["x"]
	if col.Dtype() != want.Dtype || want.Dtype != "float64" {
		t.Fatalf("dtype Go %s pandas %s", col.Dtype(), want.Dtype)
	}
	bad := 0
	for i, w := range want.Values {
		if g := jsonString(encodeValue(col.Value(i))); g != jsonString(w) {
			bad++
			if bad <= 10 {
				t.Errorf("%q: Go %s pandas %s", texts[i], g, jsonString(w))
			}
		}
	}
	t.Logf("%d float texts compared bit for bit, %d differ", len(texts), bad)
}

// TestPandasJSONFloats compares ujson's fast float decoding bit for bit:
// one JSON Lines column of random numbers read by pandas.read_json.
func TestPandasJSONFloats(t *testing.T) {
	oracle.Require(t, "pandas")
	r := oracle.Rand(t)
	var texts []string
	var b strings.Builder
	for len(texts) < 3000 {
		var s strings.Builder
		if r.IntN(3) == 0 {
			s.WriteByte('-')
		}
		s.WriteString(fmt.Sprint(r.Uint64N(1 << uint(1+r.IntN(60)))))
		s.WriteByte('.')
		for k := 1 + r.IntN(20); k > 0; k-- {
			s.WriteByte(byte('0' + r.IntN(10)))
		}
		if r.IntN(2) == 0 {
			fmt.Fprintf(&s, "e%d", r.IntN(600)-300)
		}
		texts = append(texts, s.String())
		fmt.Fprintf(&b, "{\"x\": %s, \"k\": 1}\n", s.String())
	}
	p := filepath.Join(t.TempDir(), "floats.jsonl")
	os.WriteFile(p, []byte(b.String()), 0o644)
	var got []pandasRead
	oracle.RunJSON(t, pandasJSONScript, []pandasCase{{Path: p, Rev: p}}, &got)
	ix, err := IndexFile(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	col, err := ix.Column("x")
	if err != nil {
		t.Fatal(err)
	}
	want := got[0].Cols["x"]
	if col.Dtype() != want.Dtype {
		t.Fatalf("dtype Go %s pandas %s", col.Dtype(), want.Dtype)
	}
	bad := 0
	for i, w := range want.Values {
		if g := jsonString(encodeValue(col.Value(i))); g != jsonString(w) {
			bad++
			if bad <= 10 {
				t.Errorf("%s: Go %s pandas %s", texts[i], g, jsonString(w))
			}
		}
	}
	t.Logf("%d JSON numbers compared bit for bit, %d differ", len(texts), bad)
}
