package pairwise

import (
	"math"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestSumLive compares Sum with the live numpy.sum on fresh arrays, long
// ones (several 8192-element chunks) included, bit for bit.
func TestSumLive(t *testing.T) {
	oracle.Require(t, "numpy")
	r := oracle.Rand(t)
	lengths := []int{0, 1, 7, 8, 9, 127, 128, 129, 8191, 8192, 8193, 20000}
	for range 28 {
		lengths = append(lengths, r.IntN(60000))
	}
	var arrays [][]float64
	for _, n := range lengths {
		a := make([]float64, n)
		scale := math.Pow(10, float64(r.IntN(12)-4))
		for i := range a {
			a[i] = (r.Float64() - 0.3) * scale
		}
		arrays = append(arrays, a)
	}
	var bits []uint64
	oracle.RunJSON(t, `
import sys, json, numpy as np
arrays = json.load(sys.stdin)
print(json.dumps([int(np.array(a, dtype=np.float64).sum().view(np.uint64)) for a in arrays]))
`, arrays, &bits)
	for i, a := range arrays {
		if got := math.Float64bits(Sum(a)); got != bits[i] {
			t.Errorf("len %d: Sum = %v, numpy.sum = %v", len(a), Sum(a), math.Float64frombits(bits[i]))
		}
	}
}
