package py

import (
	"math"
	"strconv"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// floatCases are floats whose repr takes every branch: both notations,
// the exponent thresholds, subnormals, signed zero, integral values.
func floatCases(t *testing.T) []float64 {
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 1e-4, 1e-5, 9.999e-5, 1e15, 1e16, 9999999999999998,
		1e16 - 2, 2e6, 123456789012345678, 5e-324, math.MaxFloat64, 1.0 / 3, 100, 1e22, 1e-7, 0.0001, 0.00001234}
	r := oracle.Rand(t)
	for range 300 {
		xs = append(xs, math.Float64frombits(r.Uint64()&^(0x7ff<<52)|uint64(1013+r.IntN(40))<<52))
		xs = append(xs, float64(r.IntN(1<<20))/float64(1+r.IntN(1000)))
	}
	return xs
}

// TestFloatReprLive compares FloatRepr with the live Python's repr on
// fresh random floats, and ParseFloat with float() on the same texts.
func TestFloatReprLive(t *testing.T) {
	oracle.Require(t)
	xs := floatCases(t)
	bits := make([]string, len(xs))
	for i, x := range xs {
		bits[i] = strconv.FormatUint(math.Float64bits(x), 10)
	}
	var want []string
	oracle.RunJSON(t, `
import json, struct, sys
print(json.dumps([repr(struct.unpack("<d", struct.pack("<Q", int(b)))[0]) for b in json.load(sys.stdin)]))
`, bits, &want)
	for i, x := range xs {
		if got := FloatRepr(x); got != want[i] {
			t.Errorf("FloatRepr(%b) = %q, Python repr %q", math.Float64bits(x), got, want[i])
		}
		if back, ok := ParseFloat(want[i]); !ok || math.Float64bits(back) != math.Float64bits(x) {
			t.Errorf("ParseFloat(%q) = %v %v", want[i], back, ok)
		}
	}
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := strconv.ParseFloat(FloatRepr(x), 64); err != nil {
			t.Errorf("FloatRepr(%v) = %q", x, FloatRepr(x))
		}
	}
}

// TestParseFloatLive compares ParseFloat with Python's float(s) on texts
// around its edges (white space, underscores, signs, words).
func TestParseFloatLive(t *testing.T) {
	oracle.Require(t)
	texts := []string{"1", " 1.5 ", "\x1c2\x1f", "1_000.5", "1__0", "_1", "1_", "+-1", "--1", "-inf", "Infinity", "nAn", "+nan",
		"1e500", "-1e500", "1e-400", "0x10", "1.", ".5", ".", "e5", "1e", "", " ", "١", "1\u00a0", "\u20281", "1.5e+3", "1_0e1_0"}
	var want []*float64
	oracle.RunJSON(t, `
import json, sys
out = []
for s in json.load(sys.stdin):
    try:
        f = float(s)
        out.append(None if f != f or f in (float("inf"), float("-inf")) else f)
    except ValueError:
        out.append("error")
print(json.dumps(out).replace('"error"', '-0.0'))
`, texts, &want)
	for i, s := range texts {
		if s == "١" {
			continue // non-ASCII digits: documented as unsupported
		}
		got, ok := ParseFloat(s)
		switch w := want[i]; {
		case w != nil && *w == 0 && math.Signbit(*w): // Python raised
			if ok {
				t.Errorf("ParseFloat(%q) = %v, Python raises", s, got)
			}
		case w == nil: // nan or inf
			if !ok || !math.IsNaN(got) && !math.IsInf(got, 0) {
				t.Errorf("ParseFloat(%q) = %v %v, Python gives nan/inf", s, got, ok)
			}
		default:
			if !ok || got != *w {
				t.Errorf("ParseFloat(%q) = %v %v, Python %v", s, got, ok, *w)
			}
		}
	}
}
