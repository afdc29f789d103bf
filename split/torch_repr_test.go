package split

import (
	"math"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestTorchLengthReprLive checks Length.String against Python's repr on
// floats across the magnitudes where repr switches notation.
func TestTorchLengthReprLive(t *testing.T) {
	oracle.Require(t)
	r := oracle.Rand(t)
	vals := []float64{0, math.Copysign(0, -1), 1, 3, 0.1, 1e-4, 1e-5, 1.5e-5, 1e15, 1e16, 123456789012345680, 9999999999999998, 0.30000000000000004, math.MaxFloat64, math.SmallestNonzeroFloat64}
	for range 500 {
		vals = append(vals, math.Float64frombits(r.Uint64()&^(0x7ff<<52)|uint64(1000+r.IntN(100))<<52))
		vals = append(vals, r.Float64(), float64(r.IntN(1e6))/float64(1+r.IntN(1000)))
	}
	bits := make([]uint64, len(vals))
	for i, v := range vals {
		bits[i] = math.Float64bits(v)
	}
	var want []string
	oracle.RunJSON(t, "import json,struct,sys\nprint(json.dumps([repr(struct.unpack('<d', struct.pack('<Q', b))[0]) for b in json.load(sys.stdin)]))", bits, &want)
	for i, v := range vals {
		l := LengthFraction(v)
		if l.String() != want[i] {
			t.Errorf("LengthFraction(%v).String() = %q, Python repr %q", v, l.String(), want[i])
		}
		back, err := ParseLength(want[i])
		if err != nil || !back.IsFraction() || math.Float64bits(back.Fraction()) != bits[i] {
			t.Errorf("ParseLength(%q) = %v, %v", want[i], back, err)
		}
	}
}
