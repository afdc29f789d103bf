package sample

import (
	"math"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestLiveNumpySum compares NumpySum bit for bit with numpy.sum on random
// arrays of every length class (below 8, pairwise blocks, above the
// 8192-element buffer).
func TestLiveNumpySum(t *testing.T) {
	t.Parallel()
	oracle.Require(t, "numpy")
	r := oracle.Rand(t)
	var in [][]float64
	for range 300 {
		n := []int{r.IntN(9), r.IntN(300), r.IntN(30000)}[r.IntN(3)]
		a := make([]float64, n)
		scale := math.Pow(10, float64(r.IntN(12)-6))
		for i := range a {
			a[i] = r.Float64() * scale * math.Pow(10, float64(r.IntN(5)))
		}
		in = append(in, a)
	}
	var out []float64
	oracle.RunJSON(t, `
import json, sys
import numpy as np
print(json.dumps([float(np.array(a, dtype=np.float64).sum()) for a in json.load(sys.stdin)]))
`, in, &out)
	for i, a := range in {
		got := NumpySum(a)
		if math.Float64bits(got) != math.Float64bits(out[i]) {
			t.Errorf("len %d: NumpySum %x, numpy %x", len(a), got, out[i])
		}
	}
	t.Logf("%d sums compared with numpy", len(in))
}
