package split

import (
	"fmt"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestAllMissingStringGroupsLive: StratifiedGroupKFold on an object column
// of only missing values
// (every NaN its own group for np.unique, ordered by numpy's argsort) is
// grouped as scikit-learn groups it, for short columns (insertion sort) and
// long ones (quicksort partitions).
func TestAllMissingStringGroupsLive(t *testing.T) {
	oracle.Require(t, "numpy", "sklearn")
	sizes := []int{4, 5, 16, 17, 40, 101}
	var want [][][]int
	oracle.RunJSON(t, `
import sys, json, numpy as np
from sklearn.model_selection import StratifiedGroupKFold
out = []
for n in json.load(sys.stdin):
    groups = np.array([np.nan] * n, dtype=object)
    y = np.arange(n) % 2
    out.append([test.tolist() for _, test in StratifiedGroupKFold(2).split(np.zeros((n, 1)), y, groups)])
print(json.dumps(out))
`, sizes, &want)
	for i, n := range sizes {
		values := make([]string, n)
		missing := make([]bool, n)
		for j := range missing {
			missing[j] = true
		}
		y := make([]int64, n)
		for j := range y {
			y[j] = int64(j % 2)
		}
		folds, err := StratifiedGroupKFold{NSplits: 2}.Split(EncodeInts(y), EncodeNullableStrings(values, missing))
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		for f, fold := range folds {
			if got := fmt.Sprint(fold.Test); got != fmt.Sprint(want[i][f]) {
				t.Errorf("n=%d fold %d: Go test %v, sklearn %v", n, f, got, want[i][f])
			}
		}
	}
}
