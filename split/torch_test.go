package split

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/rng"
)

func TestParseLength(t *testing.T) {
	tests := []struct {
		in   string
		want Length
		err  error
	}{
		{"3", LengthCount(3), nil},
		{"-2", LengthCount(-2), nil},
		{"+4", LengthCount(4), nil},
		{"007", LengthCount(7), nil},
		{"3.0", LengthFraction(3), nil},
		{"0.8", LengthFraction(0.8), nil},
		{".5", LengthFraction(0.5), nil},
		{"5.", LengthFraction(5), nil},
		{"1e-1", LengthFraction(0.1), nil},
		{"1E2", LengthFraction(100), nil},
		{" 0.25 ", LengthFraction(0.25), nil},
		{"", Length{}, ErrTorchLengthSyntax},
		{"0x10", Length{}, ErrTorchLengthSyntax},
		{"1_0", Length{}, ErrTorchLengthSyntax},
		{"0x1p-2", Length{}, ErrTorchLengthSyntax},
		{"abc", Length{}, ErrTorchLengthSyntax},
		{"1/3", Length{}, ErrTorchLengthSyntax},
		{"99999999999999999999", Length{}, strconv.ErrRange},
	}
	for _, tt := range tests {
		got, err := ParseLength(tt.in)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("ParseLength(%q) = %v, %v; want %v, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
	if l, _ := ParseLength("nan"); !l.IsFraction() || !math.IsNaN(l.Fraction()) || l.String() != "nan" {
		t.Errorf("ParseLength(nan) = %v", l)
	}
	if l, _ := ParseLength("-inf"); l.String() != "-inf" {
		t.Errorf("ParseLength(-inf) = %v", l)
	}
}

// FuzzParseLength: whatever parses prints back (Python repr) to text that
// parses to the same Length.
func FuzzParseLength(f *testing.F) {
	for _, s := range []string{"3", "3.0", "0.1", "1e-05", "1e+16", "-0.0", "nan", "+7", "1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLength(s)
		if err != nil {
			return
		}
		back, err := ParseLength(l.String())
		if err != nil {
			t.Fatalf("ParseLength(%q) = %v prints as %q, which does not parse: %v", s, l, l.String(), err)
		}
		same := back == l || (l.IsFraction() && back.IsFraction() && math.IsNaN(l.Fraction()) && math.IsNaN(back.Fraction()))
		if !same || math.Signbit(back.Fraction()) != math.Signbit(l.Fraction()) {
			t.Fatalf("ParseLength(%q) = %v, printed %q, read back %v", s, l, l.String(), back)
		}
	})
}

func torchLengths(t *testing.T, s string) []Length {
	t.Helper()
	var out []Length
	if s == "" {
		return out
	}
	for _, f := range strings.Split(s, ",") {
		l, err := ParseLength(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, l)
	}
	return out
}

func TestRandomSplitLengths(t *testing.T) {
	tests := []struct {
		n       int
		lengths string
		want    []int
		warns   int
		err     error
	}{
		{10, "3,7", []int{3, 7}, 0, nil},
		{10, "0.8,0.2", []int{8, 2}, 0, nil},
		{10, "0.33,0.33,0.34", []int{4, 3, 3}, 0, nil},
		{7, "0.5,0.5", []int{4, 3}, 0, nil},
		{10, "1,0", []int{10, 0}, 1, nil}, // ints summing to 1 are fractions
		{10, "0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1", []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0, nil},
		{0, "", []int{}, 0, nil},
		{0, "0.5,0.5", []int{0, 0}, 2, nil},
		{10, "5,5,0.0", nil, 0, ErrTorchFloatLengths}, // sum 10.0 == 10 reaches randperm(10.0)
		{10, "3.0,7.0", nil, 0, ErrTorchFloatLengths},
		{10, "3,7.0", nil, 0, ErrTorchFloatLengths},
		{10, "2,-1", nil, 0, ErrTorchFraction},
		{10, "1.5,-0.5", nil, 0, ErrTorchFraction},
		{10, "12,-2", nil, 0, ErrTorchNegativeLength},
		{10, "3,8", nil, 0, ErrTorchLengthSum},
		{10, "0.3,0.3,0.3", nil, 0, ErrTorchLengthSum},
		{10, "0.6,0.6", nil, 0, ErrTorchLengthSum},
		{10, "nan,1", nil, 0, ErrTorchLengthSum},
		{5, "", nil, 0, ErrTorchLengthSum},
		{-1, "0", nil, 0, ErrTorchLengthSum},
	}
	for _, tt := range tests {
		got, warns, err := RandomSplitLengths(tt.n, torchLengths(t, tt.lengths))
		if !errors.Is(err, tt.err) || (err == nil && !slices.Equal(got, tt.want)) || len(warns) != tt.warns {
			t.Errorf("RandomSplitLengths(%d, [%s]) = %v, %q, %v; want %v, %d warnings, %v", tt.n, tt.lengths, got, warns, err, tt.want, tt.warns, tt.err)
		}
	}
}

func TestRandomSplitSlices(t *testing.T) {
	g := rng.NewTorchGenerator(1)
	parts, err := RandomSplit(20, []Length{LengthCount(5), LengthCount(15)}, g)
	if err != nil {
		t.Fatal(err)
	}
	perm := rng.NewTorchGenerator(1).Randperm(20)
	if !slices.Equal(slices.Concat(parts...), perm) {
		t.Errorf("parts %v are not consecutive slices of randperm %v", parts, perm)
	}
	if cap(parts[0]) != 5 {
		t.Errorf("cap(part 0) = %d; appending would overwrite part 1", cap(parts[0]))
	}
	// The generator advances: a second split differs from the first.
	again, _ := RandomSplit(20, []Length{LengthCount(5), LengthCount(15)}, g)
	if slices.Equal(again[0], parts[0]) {
		t.Error("the generator did not advance")
	}
}

func BenchmarkTorchRandomSplit(b *testing.B) {
	lengths := []Length{LengthFraction(0.8), LengthFraction(0.1), LengthFraction(0.1)}
	g := rng.NewTorchGenerator(0)
	for b.Loop() {
		if _, err := RandomSplit(1_000_000, lengths, g); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRandomSplitJustAboveOne(t *testing.T) {
	_, _, err := RandomSplitLengths(10, torchLengths(t, "0.56,0.34,0.1"))
	if !errors.Is(err, ErrTorchLengthSum) || !strings.Contains(err.Error(), "1.0000000000000002") {
		t.Errorf("got %v", err)
	}
}
