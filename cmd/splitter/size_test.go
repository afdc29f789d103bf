package main

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/split"
)

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in      string
		isFloat bool
		f       float64
		i       int
	}{
		{"0.2", true, 0.2, 0},
		{"1e-1", true, 0.1, 0},
		{"2E1", true, 20, 0},
		{".5", true, 0.5, 0},
		{"1.", true, 1, 0},
		{"1.0", true, 1, 0},
		{"30", false, 0, 30},
		{"-3", false, 0, -3},
		{"0", false, 0, 0},
		{"+7", false, 0, 7},
		{"inf", true, math.Inf(1), 0},
	} {
		s, err := parseSize("--test", tc.in)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if !s.set || s.isFloat != tc.isFloat || s.f != tc.f || s.i != tc.i {
			t.Errorf("%q: got %+v", tc.in, s)
		}
	}
	for _, in := range []string{"", "abc", "0.2x", "1,5", "0x10", "99999999999999999999"} {
		if _, err := parseSize("--test", in); !errors.Is(err, ErrBadSize) {
			t.Errorf("%q: err %v, want ErrBadSize", in, err)
		}
	}
}

func TestPyFloat(t *testing.T) {
	a, b := 0.1, 0.2
	if got := py.FloatRepr(a + b); got != "0.30000000000000004" {
		t.Errorf("py.FloatRepr(0.1+0.2) = %q", got)
	}
	for f, want := range map[float64]string{
		0.2: "0.2", 1: "1.0", 1e15: "1000000000000000.0", 1e16: "1e+16", 1e-4: "0.0001",
		1e-5: "1e-05", 1.5e300: "1.5e+300", -2.5: "-2.5",
	} {
		if got := py.FloatRepr(f); got != want {
			t.Errorf("py.FloatRepr(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestSplitName(t *testing.T) {
	for _, tc := range []struct{ in, stem, ext string }{
		{"data.csv", "data", ".csv"},
		{"dir/data.csv.gz", "data", ".csv.gz"},
		{"data.CSV", "data", ".CSV"},
		{"my.data.tsv", "my.data", ".tsv"},
		{"data", "data", ""},
		{"data.gz", "data", ".gz"},
		{"x.parquet", "x", ".parquet"},
		{".csv", ".csv", ""},
		{"a.jsonl.gz", "a", ".jsonl.gz"},
	} {
		stem, ext := splitName(tc.in)
		if stem != tc.stem || ext != tc.ext {
			t.Errorf("splitName(%q) = %q, %q; want %q, %q", tc.in, stem, ext, tc.stem, tc.ext)
		}
	}
	if got := outputPath("in/data.csv.gz", "", "train"); got != "in/data.train.csv.gz" {
		t.Errorf("outputPath: %q", got)
	}
	if got := outputPath("in/data", "out", "test"); got != "out/data.test.csv" {
		t.Errorf("outputPath: %q", got)
	}
}

// FuzzParseSize checks that the CLI types sizes exactly as package split
// does (a '.', an exponent, inf or nan make a float), and never panics.
func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"0.2", "1e-1", "30", "-3", "inf", "nan", "1.", ".5", "+7", "0x10", "1_0", "", " 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseSize("--test", s)
		if s == "" || strings.TrimSpace(s) != s {
			return
		}
		want, werr := split.ParseSize(s)
		if (err == nil) != (werr == nil) {
			t.Fatalf("%q: cli err %v, split err %v", s, err, werr)
		}
		if err != nil {
			return
		}
		if got.isFloat != want.IsFloat() || got.isFloat && !(got.f == want.Float() || math.IsNaN(got.f) && math.IsNaN(want.Float())) || !got.isFloat && got.i != want.Int() {
			t.Fatalf("%q: cli %+v, split %v", s, got, want)
		}
	})
}
