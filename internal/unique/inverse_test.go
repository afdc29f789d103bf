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
		sortIDs := func(s []keyID[int64]) {
			slices.SortFunc(s, func(a, b keyID[int64]) int { return cmp.Compare(a.key, b.key) })
		}
		got, gk := byRows(keys, present, cmp.Compare[int64], sortIDs, make([]int, n))
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

// TestInverseUint64: the radix-sorted Inverse gives the codes of the
// comparison-sorted one, for few and for many distinct values, keys that
// differ in any byte, and missing keys.
func TestInverseUint64(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 2, 50, 1000, 3 * manyDistinct} {
		for _, spread := range []uint64{3, 1 << 20, 1<<64 - 1} {
			keys := make([]uint64, n)
			missing := make([]bool, n)
			base := r.Uint64()
			for i := range keys {
				keys[i] = base + r.Uint64N(spread)<<(8*r.UintN(3))
				if i > 0 && r.IntN(4) == 0 {
					keys[i] = keys[i-1]
				}
				missing[i] = r.IntN(7) == 0
			}
			for _, present := range []func(int) bool{nil, func(i int) bool { return !missing[i] }} {
				want, wk := Inverse(keys, present, cmp.Compare[uint64])
				got, gk := InverseUint64(keys, present)
				if gk != wk || !slices.Equal(got, want) {
					t.Fatalf("n %d spread %d: %d distinct by radix, %d by comparisons; codes differ: %v", n, spread, gk, wk, !slices.Equal(got, want))
				}
			}
		}
	}
}

// TestInverseSorted: keys already in order are ranked in one pass; the
// codes are the ranks np.unique gives (checked by binary search in the
// distinct values).
func TestInverseSorted(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 200 {
		keys := make([]string, r.IntN(40))
		for i := range keys {
			keys[i] = string(rune('a' + r.IntN(12)))
		}
		slices.Sort(keys)
		vals := slices.Compact(slices.Clone(keys))
		codes, k := Inverse(keys, nil, cmp.Compare[string])
		if k != len(vals) {
			t.Fatalf("%q: %d distinct, want %d", keys, k, len(vals))
		}
		for i, c := range codes {
			if want, _ := slices.BinarySearch(vals, keys[i]); c != want {
				t.Fatalf("%q: code %d of key %d, want %d", keys, c, i, want)
			}
		}
	}
}
