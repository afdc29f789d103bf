package audit

import (
	"math"
	"slices"

	"github.com/splitter-dev/splitter/rng"
)

// stratSearch is the fast filter for train_test_split(stratify=...):
// StratifiedShuffleSplit's draws replayed on reused buffers, with the final
// train and test permutations run lazily from the top and checked against
// the files position by position. What does not depend on the seed is
// computed once: the class counts, _approximate_mode's floors and tie
// groups (only its tie-breaking draws depend on the seed), and the class
// counts the files hold, which reject a seed as soon as its allocation
// differs.
type stratSearch struct {
	p         *Partition
	counts    []int   // rows per class
	classIdx  [][]int // rows of each class, ascending (argsort, mergesort)
	nTrain    int
	nTest     int
	multiply  bool // _approximate_mode as n_draws * counts / total (before 1.0)
	trainPlan modePlan
	// wantTrain and wantTest are the files' class counts (nil: unknown).
	wantTrain, wantTest []int
	most                int // the largest class
}

func newStratSearch(p *Partition, r Recipe) *stratSearch {
	codes := r.Labels.Codes()
	k := r.Labels.NumClasses()
	s := &stratSearch{p: p, counts: make([]int, k), classIdx: make([][]int, k), nTrain: r.Train, nTest: r.Test, multiply: r.multiplyFirst()}
	for i, c := range codes {
		s.counts[c]++
		s.classIdx[c] = append(s.classIdx[c], i)
	}
	s.most = slices.Max(append([]int{0}, s.counts...))
	s.trainPlan = planMode(s.counts, s.nTrain, s.multiply)
	if tr, te, ok := partClassCounts(p, codes, k); ok {
		s.wantTrain, s.wantTest = tr, te
	}
	return s
}

// modePlan is sklearn.utils._approximate_mode(counts, n_draws, rng) with
// its arithmetic done: the floors, then the groups of classes with equal
// remainders, largest first, of which rng.choice(inds, add,
// replace=False) = inds[permutation(len(inds))[:add]] picks the classes
// that get one more.
type modePlan struct {
	floors []int
	ties   []modeTie
}

type modeTie struct {
	inds []int
	add  int
}

// planMode computes the plan of _approximate_mode(counts, nDraws).
func planMode(counts []int, nDraws int, multiply bool) modePlan {
	total := 0
	for _, c := range counts {
		total += c
	}
	cont, fl := make([]float64, len(counts)), make([]float64, len(counts))
	sum := 0.0
	for i, c := range counts {
		if multiply {
			cont[i] = float64(nDraws*c) / float64(total)
		} else {
			cont[i] = float64(c) / float64(total) * float64(nDraws)
		}
		fl[i] = math.Floor(cont[i])
		sum += fl[i]
	}
	plan := modePlan{floors: make([]int, len(counts))}
	for i, f := range fl {
		plan.floors[i] = int(f)
	}
	need := int(float64(nDraws) - sum)
	if need <= 0 {
		return plan
	}
	for i := range cont {
		cont[i] -= fl[i] // remainder
	}
	vals := slices.Compact(slices.Sorted(slices.Values(cont)))
	for v := len(vals) - 1; v >= 0 && need > 0; v-- {
		var t modeTie
		for i, r := range cont {
			if r == vals[v] {
				t.inds = append(t.inds, i)
			}
		}
		t.add = min(len(t.inds), need)
		plan.ties = append(plan.ties, t)
		need -= t.add
	}
	return plan
}

// stratWorker is one goroutine's buffers.
type stratWorker struct {
	s           *stratSearch
	rs          *rng.RandomState
	nI, tI, rem []int
	perm        []int32
	train, test []int
	lazy        lazyPerm
	testPlans   []testPlan // _approximate_mode of the test draws, by train allocation
	mt          mtFast     // the seed's first words, for allocationFits
}

// testPlan is the plan of the test allocation after train allocation nI.
type testPlan struct {
	nI   []int
	plan modePlan
}

func (s *stratSearch) worker() *stratWorker {
	k := len(s.counts)
	return &stratWorker{s: s, rs: rng.NewRandomState(0),
		nI: make([]int, k), tI: make([]int, k), rem: make([]int, k),
		perm:  make([]int32, max(s.most, k)),
		train: make([]int, 0, s.nTrain), test: make([]int, 0, s.nTest),
		lazy: newLazyPerm(max(s.nTrain, s.nTest))}
}

// applyMode draws plan's tie-breaking choices into out, permute drawing
// RandomState.permutation(len(p)) into p.
func (w *stratWorker) applyMode(plan *modePlan, out []int, permute func(p []int32)) {
	copy(out, plan.floors)
	for _, t := range plan.ties {
		p := w.perm[:len(t.inds)]
		permute(p)
		for _, j := range p[:t.add] {
			out[t.inds[j]]++
		}
	}
}

// prefixPermute is RandomState.permutation(len(p)) into p drawn from w.mt
// (the seed's first words precomputed: no full seeding for the few draws
// that break _approximate_mode's ties).
func (w *stratWorker) prefixPermute(p []int32) {
	for i := range p {
		p[i] = int32(i)
	}
	for i := len(p) - 1; i >= 1; i-- {
		j := interval(&w.mt, uint32(i))
		p[i], p[j] = p[j], p[i]
	}
}

// allocationFits reports whether seed's class allocation can be the
// files' (true when either is unknown or draws nothing), drawing the
// ties from the seed's precomputed first words.
func (w *stratWorker) allocationFits(seed uint32) bool {
	s := w.s
	if s.wantTrain == nil || len(s.trainPlan.ties) == 0 {
		return true
	}
	w.mt.reset(seed, mtPrefix(seed))
	w.applyMode(&s.trainPlan, w.nI, w.prefixPermute)
	if !slices.Equal(w.nI, s.wantTrain) {
		return false
	}
	w.applyMode(w.testPlanFor(w.nI), w.tI, w.prefixPermute)
	return slices.Equal(w.tI, s.wantTest)
}

// testPlanFor returns the plan of the test allocation after train
// allocation nI (there are few distinct ones: one per way of breaking
// the train ties).
func (w *stratWorker) testPlanFor(nI []int) *modePlan {
	for i := range w.testPlans {
		if slices.Equal(w.testPlans[i].nI, nI) {
			return &w.testPlans[i].plan
		}
	}
	for i, c := range w.s.counts {
		w.rem[i] = c - nI[i]
	}
	w.testPlans = append(w.testPlans, testPlan{slices.Clone(nI), planMode(w.rem, w.s.nTest, w.s.multiply)})
	return &w.testPlans[len(w.testPlans)-1].plan
}

// pass reports whether seed can make the partition (false: it cannot).
func (w *stratWorker) pass(seed uint32) bool {
	s := w.s
	if !w.allocationFits(seed) {
		return false
	}
	w.rs.Seed(seed)
	w.applyMode(&s.trainPlan, w.nI, w.rs.PermutationInto)
	if s.wantTrain != nil && !slices.Equal(w.nI, s.wantTrain) {
		return false
	}
	w.applyMode(w.testPlanFor(w.nI), w.tI, w.rs.PermutationInto)
	if s.wantTest != nil && !slices.Equal(w.tI, s.wantTest) {
		return false
	}
	return assemble(w, func(c int) []int32 {
		p := w.perm[:c]
		w.rs.PermutationInto(p)
		return p
	}) && w.checkOrder(func(max uint32) uint32 { return uint32(w.rs.RandomInterval(uint64(max))) })
}

// assemble lays out the seed's train and test rows in w.train and w.test
// as StratifiedShuffleSplit does: class by class, the first nI[i] rows of
// the class's permutation (perm, drawn in class order) to train, the next
// tI[i] to test. It reports whether their sizes are the files'.
func assemble[T int | int32](w *stratWorker, perm func(c int) []T) bool {
	s := w.s
	w.train, w.test = w.train[:0], w.test[:0]
	for i, c := range s.counts {
		p := perm(c)
		idx := s.classIdx[i]
		for _, j := range p[:w.nI[i]] {
			w.train = append(w.train, idx[j])
		}
		for _, j := range p[w.nI[i] : w.nI[i]+w.tI[i]] {
			w.test = append(w.test, idx[j])
		}
	}
	return len(w.train) == len(s.p.Train) && len(w.test) == len(s.p.Test)
}

// checkOrder runs the final permutations of train and test lazily with
// draw and reports whether they put the files' rows in the files' order.
func (w *stratWorker) checkOrder(draw func(max uint32) uint32) bool {
	data, train, test, p := w.s.p.Data, w.train, w.test, w.s.p
	if !w.lazy.run(len(train), draw, func(pos int, v int32) bool { return data[train[v]] == p.Train[pos] }) {
		return false
	}
	return w.lazy.run(len(test), draw, func(pos int, v int32) bool { return data[test[v]] == p.Test[pos] })
}

// lazyPerm runs numpy's shuffle of arange(n) from the top without
// materialising arange: positions hold their own index until swapped.
type lazyPerm struct {
	val   []int32
	stamp []uint32
	epoch uint32
}

func newLazyPerm(n int) lazyPerm {
	return lazyPerm{val: make([]int32, n), stamp: make([]uint32, n)}
}

// run shuffles arange(n) with j = draw(i) for i = n-1 down to 1 and calls
// ok(i, value) as each position becomes final, stopping at the first false.
func (l *lazyPerm) run(n int, draw func(max uint32) uint32, ok func(pos int, v int32) bool) bool {
	l.epoch++
	if l.epoch == 0 {
		clear(l.stamp)
		l.epoch = 1
	}
	get := func(i int) int32 {
		if l.stamp[i] == l.epoch {
			return l.val[i]
		}
		return int32(i)
	}
	for i := n - 1; i >= 1; i-- {
		j := int(draw(uint32(i)))
		vi, vj := get(i), get(j)
		l.val[j], l.stamp[j] = vi, l.epoch
		if !ok(i, vj) {
			return false
		}
	}
	return n == 0 || ok(0, get(0))
}
