package audit

import (
	"slices"

	"github.com/splitter-dev/splitter/rng"
)

// hfStratSearch is the fast filter of Hugging Face's stratified
// train_test_split: the algorithm of stratSearch (StratifiedShuffleSplit,
// _approximate_mode as n_draws * counts / total, rng.choice(inds, add,
// replace=False) for its ties) on numpy default_rng(seed), reusing the
// seed-independent plan and rejecting seeds whose class allocation
// differs from the files', the final permutations run lazily.
type hfStratSearch struct {
	*stratSearch
}

func newHFStratSearch(p *Partition, r Recipe) *hfStratSearch {
	s := newStratSearch(p, r)
	s.multiply = true // datasets' approximate_mode: n_draws * counts / total
	s.trainPlan = planMode(s.counts, s.nTrain, true)
	return &hfStratSearch{s}
}

// hfWorker is one goroutine's buffers.
type hfWorker struct {
	*stratWorker
	g    *rng.Generator
	ints []int
}

func (s *hfStratSearch) worker() *hfWorker {
	sw := s.stratSearch.worker()
	return &hfWorker{stratWorker: sw, ints: make([]int, len(sw.perm))}
}

// applyMode draws plan's tie-breaking choices into out with
// Generator.choice(len(inds), add, replace=False).
func (w *hfWorker) applyMode(plan *modePlan, out []int) bool {
	copy(out, plan.floors)
	for _, t := range plan.ties {
		idx, err := w.g.ChoiceArray(len(t.inds), t.add, false, nil, true)
		if err != nil {
			return false
		}
		for _, j := range idx {
			out[t.inds[j]]++
		}
	}
	return true
}

// pass reports whether seed can make the partition (false: it cannot).
func (w *hfWorker) pass(seed uint64) bool {
	s := w.s
	w.g = rng.DefaultRNG(seed)
	if !w.applyMode(&s.trainPlan, w.nI) || s.wantTrain != nil && !slices.Equal(w.nI, s.wantTrain) {
		return false
	}
	if !w.applyMode(w.testPlanFor(w.nI), w.tI) || s.wantTest != nil && !slices.Equal(w.tI, s.wantTest) {
		return false
	}
	return assemble(w.stratWorker, func(c int) []int {
		p := w.ints[:c]
		for j := range p {
			p[j] = j
		}
		w.g.ShuffleInts(p)
		return p
	}) && w.checkOrder(func(max uint32) uint32 { return uint32(w.g.RandomInterval(uint64(max))) })
}
