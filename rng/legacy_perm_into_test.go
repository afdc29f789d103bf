package rng

import "testing"

// TestPermutationInto: the same permutation, and the same stream after
// it, as Permutation.
func TestPermutationInto(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 17, 1000, 5000} {
		for seed := uint32(0); seed < 5; seed++ {
			a, b := NewRandomState(seed), NewRandomState(seed)
			want := a.Permutation(n)
			got := make([]int32, n)
			b.PermutationInto(got)
			for i := range want {
				if int(got[i]) != want[i] {
					t.Fatalf("n=%d seed=%d: position %d: %d, want %d", n, seed, i, got[i], want[i])
				}
			}
			if x, y := a.RandomInterval(1000), b.RandomInterval(1000); x != y {
				t.Errorf("n=%d seed=%d: next draw %d, want %d", n, seed, y, x)
			}
		}
	}
}
