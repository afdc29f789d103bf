package audit

import (
	"math/rand/v2"
	"testing"

	"github.com/splitter-dev/splitter/split"
)

// TestHFStratFilterAgrees: the Hugging Face stratified filter passes
// exactly the seeds whose full computation (split.HFTrainTestSplit) makes
// the partition, with and without duplicated rows, many classes included.
func TestHFStratFilterAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	found := 0
	for c := range 30 {
		k := 2 + r.IntN(3)
		if c%4 == 3 {
			k = 5 + r.IntN(10)
		}
		n := 2*k + r.IntN(60)
		codes := classCodes(r, n, k)
		test := k + r.IntN(n-2*k+1)
		rec := Recipe{Kind: DatasetsStratified, N: n, Train: n - test, Test: test, Labels: split.LabelsFromCodes(codes), Column: "y"}
		seed := uint64(r.IntN(400))
		tr, te, err := rec.Indices(seed)
		if err != nil {
			continue // datasets raises for these sizes
		}
		dups := 0
		if c%2 == 0 {
			dups = 1 + r.IntN(n)
		}
		data := records(n, dups, codes)
		p := NewPartition(data, pick(data, tr), pick(data, te))
		w := newHFStratSearch(p, rec).worker()
		for sd := uint64(0); sd < 400; sd++ {
			got, want := w.pass(sd), rec.Check(p, sd)
			if got != want {
				t.Fatalf("case %d (n=%d k=%d test=%d) seed %d: filter %v, full %v", c, n, k, test, sd, got, want)
			}
			if want && sd == seed {
				found++
			}
		}
	}
	if found < 10 {
		t.Errorf("only %d cases found their seed", found)
	}
}
