package rng

import (
	"math"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestLiveLog1pGlibc compares genLog1p with the oracle's libm log1p (via
// Python's math.log1p, the function numpy's ziggurat calls) on fresh
// inputs: the tail's arguments -u for u = random(), every branch of the
// algorithm and random bit patterns.
func TestLiveLog1pGlibc(t *testing.T) {
	oracle.Require(t, "numpy")
	r := oracle.Rand(t)
	var in []uint64
	add := func(x float64) { in = append(in, math.Float64bits(x)) }
	for i := 0; i < 100000; i++ {
		add(-float64(r.Uint64()>>11) * 0x1p-53) // -u, the sampler's inputs
	}
	for i := 0; i < 20000; i++ {
		add(math.Float64frombits(r.Uint64())) // anything
		add(math.Ldexp(r.Float64()*2-1, -r.IntN(70)))
		add(r.Float64()*1e6 - 1)
	}
	for _, x := range []float64{0, math.Copysign(0, -1), -1, -1.5, 1e-300, -1e-300, 0x1p-29, -0x1p-29, 0x1p-54, 0.41421, 0.41422, -0.2929, -0.29289321881345254,
		math.Float64frombits(0xbfd2bec300000000), math.Float64frombits(0xbfd2bec400000000), math.Float64frombits(0xbfd2bec3ffffffff),
		math.Float64frombits(0x3fda827a00000000), math.Float64frombits(0x3fda8279ffffffff), 0x1p53, 0x1p60, math.Inf(1), math.NaN(), math.MaxFloat64} {
		add(x)
	}
	script := `
import sys, json, math, struct
out = []
for b in json.load(sys.stdin):
    x = struct.unpack('<d', struct.pack('<Q', b))[0]
    try:
        y = math.log1p(x)
    except ValueError:
        y = float('-inf') if x == -1 else float('nan')
    out.append(struct.unpack('<Q', struct.pack('<d', y))[0])
json.dump(out, sys.stdout)
`
	var want []uint64
	oracle.RunJSON(t, script, in, &want)
	if len(want) != len(in) {
		t.Fatalf("oracle answered %d of %d", len(want), len(in))
	}
	bad := 0
	for i, b := range in {
		x := math.Float64frombits(b)
		got := genLog1p(x)
		w := math.Float64frombits(want[i])
		if math.Float64bits(got) != want[i] && !(math.IsNaN(got) && math.IsNaN(w)) {
			if bad++; bad <= 10 {
				t.Errorf("log1p(%v [%#x]) = %v [%#x], libm %v [%#x]", x, b, got, math.Float64bits(got), w, want[i])
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d values differ from libm", bad, len(in))
	}
	t.Logf("%d log1p values compared with the oracle's libm", len(in))
}
