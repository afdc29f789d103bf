package unique

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestInverse checks Inverse against its definition on random columns with
// runs and missing values: codes are the ranks of the sorted distinct
// present values, -1 where missing.
func TestInverse(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		n := r.IntN(60)
		keys := make([]string, n)
		missing := make([]bool, n)
		for i := range keys {
			if i > 0 && r.IntN(3) == 0 {
				keys[i] = keys[i-1] // a run
			} else {
				keys[i] = string(rune('a' + r.IntN(8)))
			}
			missing[i] = r.IntN(5) == 0
		}
		var present func(int) bool
		if r.IntN(2) == 0 {
			present = func(i int) bool { return !missing[i] }
		}
		var vals []string
		for i, k := range keys {
			if present == nil || present(i) {
				vals = append(vals, k)
			}
		}
		slices.Sort(vals)
		vals = slices.Compact(vals)
		codes, k := Inverse(keys, present, cmp.Compare[string])
		if k != len(vals) {
			t.Fatalf("%q: %d distinct, want %d", keys, k, len(vals))
		}
		for i, c := range codes {
			want := -1
			if present == nil || present(i) {
				want, _ = slices.BinarySearch(vals, keys[i])
			}
			if c != want {
				t.Fatalf("%q (missing %v): code %d of key %d is %d, want %d", keys, missing, i, i, c, want)
			}
		}
	}
}

// TestByRows: ranking by sorting every row (the path of many distinct
// values) gives the codes hashing gives, runs, repeats and missing keys
// included; and Inverse takes it past manyDistinct values.
func TestByRows(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		n := r.IntN(80)
		keys := make([]int64, n)
		missing := make([]bool, n)
		for i := range keys {
			if i > 0 && r.IntN(3) == 0 {
				keys[i] = keys[i-1]
			} else {
				keys[i] = int64(r.IntN(20) - 10)
			}
			missing[i] = r.IntN(5) == 0
		}
		var present func(int) bool
		if r.IntN(2) == 0 {
			present = func(i int) bool { return !missing[i] }
		}
		want, wk := Inverse(keys, present, cmp.Compare[int64])
		got, gk := byRows(keys, present, cmp.Compare[int64], make([]int, n))
		if gk != wk || !slices.Equal(got, want) {
			t.Fatalf("%v (missing %v): byRows %v (%d), hashing %v (%d)", keys, missing, got, gk, want, wk)
		}
	}
	// Past manyDistinct distinct values: every value twice, reversed.
	n := 2 * (manyDistinct + 10)
	keys := make([]int64, n)
	for i := range keys {
		keys[i] = int64(n/2 - i/2)
	}
	codes, k := Inverse(keys, nil, cmp.Compare[int64])
	if k != n/2 || codes[0] != n/2-1 || codes[n-1] != 0 || codes[2] != codes[3] {
		t.Fatalf("%d distinct, codes %v..%v, want %d, %d..0", k, codes[:4], codes[n-2:], n/2, n/2-1)
	}
}
