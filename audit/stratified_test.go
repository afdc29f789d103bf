package audit

import (
	"math/rand/v2"
	"testing"

	"github.com/splitter-dev/splitter/split"
)

// TestStratFilterAgrees checks that the stratified filter passes exactly the
// seeds whose full computation makes the partition, on small inputs where
// several seeds match (ties in _approximate_mode included).
func TestStratFilterAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for c := 0; c < 40; c++ {
		k := 2 + r.IntN(3)
		if c%4 == 3 {
			k = 5 + r.IntN(10) // more classes than the largest has rows: long tie groups
		}
		n := 2*k + r.IntN(40)
		codes := classCodes(r, n, k)
		l := split.LabelsFromCodes(codes)
		test := k + r.IntN(n-2*k+1)
		train := n - test
		if c%3 == 0 && train > k {
			train = k + r.IntN(train-k+1)
		}
		rec := Recipe{Kind: SklearnStratified, N: n, Train: train, Test: test, Labels: l}
		seed := uint64(r.IntN(1000))
		tr, te, err := rec.Indices(seed)
		if err != nil {
			continue // scikit-learn raises for these sizes
		}
		dups := 0
		if c%2 == 0 {
			dups = 1 + r.IntN(n)
		}
		data := records(n, dups, codes)
		p := NewPartition(data, pick(data, tr), pick(data, te))
		s := newStratSearch(p, rec)
		w := s.worker()
		for sd := uint64(0); sd < 1000; sd++ {
			if got, want := w.pass(uint32(sd)), rec.Check(p, sd); got != want {
				t.Fatalf("case %d (n=%d k=%d train=%d test=%d) seed %d: filter %v, full %v", c, n, k, train, test, sd, got, want)
			}
		}
	}
}

// classCodes draws n class codes in 0..k-1 with every class at least twice
// (the first 2k rows), as a stratified split of both parts needs.
func classCodes(r *rand.Rand, n, k int) []int {
	codes := make([]int, n)
	for i := range codes {
		codes[i] = r.IntN(k)
	}
	for i := 0; i < 2*k; i++ {
		codes[i] = i % k
	}
	return codes
}
