package recipe

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
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
		s, err := ParseSize(tc.in)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if s.IsNone() || s.IsFloat() != tc.isFloat || s.IsFloat() && s.Float() != tc.f || s.IsInt() && s.Int() != tc.i {
			t.Errorf("%q: got %+v", tc.in, s)
		}
	}
	for _, in := range []string{"", "abc", "0.2x", "1,5", "0x10", "99999999999999999999"} {
		if _, err := ParseSize(in); !errors.Is(err, ErrBadSize) {
			t.Errorf("%q: err %v, want ErrBadSize", in, err)
		}
	}
}

// TestSizeJSON round-trips typed and derived sizes through JSON: the
// derived one is computed again, bit for bit.
func TestSizeJSON(t *testing.T) {
	for _, s := range []Size{mustSize(t, "0.2"), mustSize(t, "30"), valSize(0.7, 0.15), valSize(0.56, 0.34)} {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back Size
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if back.String() != s.String() || back.IsFloat() != s.IsFloat() || math.Float64bits(back.Float()) != math.Float64bits(s.Float()) || back.Int() != s.Int() {
			t.Errorf("%s: back %+v, want %+v", b, back, s)
		}
	}
	var s Size
	if err := json.Unmarshal([]byte(`"0.2 / (0.7 + 0.3)"`), &s); err == nil {
		t.Errorf("a mismatched expression decoded: %+v", s)
	}
}

func mustSize(t *testing.T, text string) Size {
	t.Helper()
	s, err := ParseSize(text)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
