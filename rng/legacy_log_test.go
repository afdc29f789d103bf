package rng

import (
	"math"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestLegacyLogGlibc compares legacyLog with the oracle's math.log (glibc)
// bit for bit on fresh random arguments: doubles in (0, 1) as the samplers
// produce them, values near 1, random bit patterns of every exponent,
// subnormals and special values.
func TestLegacyLogGlibc(t *testing.T) {
	oracle.Require(t, "numpy")
	rnd := oracle.Rand(t)
	var xs []uint64
	for _, v := range []float64{1, 0, math.Inf(1), 0x1p-1074, 0x1p-1022, math.MaxFloat64, 0.5, 2, 1 - 0x1p-4, 1 + 0x1.09p-4, math.Nextafter(1, 0), math.Nextafter(1, 2)} {
		xs = append(xs, math.Float64bits(v))
	}
	for range 300000 {
		var x float64
		switch rnd.IntN(6) {
		case 0, 1:
			x = float64(rnd.Uint64()>>11) / (1 << 53) // random_sample
		case 2:
			x = 1 + (rnd.Float64()-0.5)*0.2 // near 1
		case 3:
			x = math.Float64frombits(rnd.Uint64() >> 1) // any positive double
		case 4:
			x = math.Float64frombits(rnd.Uint64N(1 << 52)) // subnormal
		default:
			u := rnd.Float64()*2 - 1
			v := rnd.Float64()*2 - 1
			x = float64(u*u) + float64(v*v) // polar r2
		}
		xs = append(xs, math.Float64bits(x))
	}
	const script = `
import json, math, struct, sys
out = []
for b in json.load(sys.stdin):
    x = struct.unpack("<d", struct.pack("<Q", b))[0]
    try:
        y = math.log(x)
    except ValueError:
        y = float("-inf") if x == 0 else float("nan")
    out.append(struct.unpack("<Q", struct.pack("<d", y))[0])
json.dump(out, sys.stdout)
`
	var want []uint64
	oracle.RunJSON(t, script, xs, &want)
	bad := 0
	for i, b := range xs {
		x := math.Float64frombits(b)
		got := legacyLog(x)
		w := math.Float64frombits(want[i])
		if math.Float64bits(got) != want[i] && !(math.IsNaN(got) && math.IsNaN(w)) {
			if bad < 10 {
				t.Errorf("log(%v = %#x) = %v, glibc %v", x, b, got, w)
			}
			bad++
		}
	}
	if bad > 0 {
		t.Fatalf("%d of %d logs differ", bad, len(xs))
	}
	t.Logf("%d logs equal glibc's", len(xs))
}
