package audit

import (
	"math"
	"slices"

	"github.com/splitter-dev/splitter/rng"
)

// stratSearch is the fast filter for train_test_split(stratify=...):
// StratifiedShuffleSplit's draws replayed on reused buffers, with the final
// train and test permutations run lazily from the top and checked against
// the files position by position.
type stratSearch struct {
	p        *Partition
	counts   []int   // rows per class
	classIdx [][]int // rows of each class, ascending (argsort, mergesort)
	nTrain   int
	nTest    int
	multiply bool // _approximate_mode as n_draws * counts / total (before 1.0)
}

func newStratSearch(p *Partition, r Recipe) *stratSearch {
	codes := r.Labels.Codes()
	k := r.Labels.NumClasses()
	s := &stratSearch{p: p, counts: make([]int, k), classIdx: make([][]int, k), nTrain: r.Train, nTest: r.Test, multiply: r.multiplyFirst()}
	for i, c := range codes {
		s.counts[c]++
		s.classIdx[c] = append(s.classIdx[c], i)
	}
	return s
}

// stratWorker is one goroutine's buffers.
type stratWorker struct {
	s           *stratSearch
	rs          *rng.RandomState
	nI, tI, rem []int
	cont, fl    []float64
	vals        []float64
	inds        []int
	perm        []int
	train, test []int
	lazy        lazyPerm
}

func (s *stratSearch) worker() *stratWorker {
	k := len(s.counts)
	return &stratWorker{s: s, rs: rng.NewRandomState(0),
		nI: make([]int, k), tI: make([]int, k), rem: make([]int, k),
		cont: make([]float64, k), fl: make([]float64, k),
		train: make([]int, 0, s.nTrain), test: make([]int, 0, s.nTest),
		lazy: newLazyPerm(max(s.nTrain, s.nTest))}
}

// approxMode is sklearn.utils._approximate_mode(counts, nDraws, rng) into
// out: floors, then hands the missing draws to the largest remainders,
// ties broken by rng.choice(inds, add, replace=False) =
// inds[permutation(len(inds))[:add]].
func (w *stratWorker) approxMode(counts []int, nDraws int, out []int) {
	total := 0
	for _, c := range counts {
		total += c
	}
	sum := 0.0
	for i, c := range counts {
		if w.s.multiply {
			w.cont[i] = float64(nDraws*c) / float64(total)
		} else {
			w.cont[i] = float64(c) / float64(total) * float64(nDraws)
		}
		w.fl[i] = math.Floor(w.cont[i])
		sum += w.fl[i]
	}
	need := int(float64(nDraws) - sum)
	if need > 0 {
		w.vals = w.vals[:0]
		for i := range counts {
			w.cont[i] -= w.fl[i] // remainder
			w.vals = append(w.vals, w.cont[i])
		}
		slices.Sort(w.vals)
		w.vals = slices.Compact(w.vals)
		for v := len(w.vals) - 1; v >= 0 && need > 0; v-- {
			w.inds = w.inds[:0]
			for i, r := range w.cont {
				if r == w.vals[v] {
					w.inds = append(w.inds, i)
				}
			}
			add := min(len(w.inds), need)
			w.shuffle(len(w.inds))
			for _, j := range w.perm[:add] {
				w.fl[w.inds[j]]++
			}
			need -= add
		}
	}
	for i, f := range w.fl {
		out[i] = int(f)
	}
}

// shuffle leaves RandomState.permutation(m) in w.perm.
func (w *stratWorker) shuffle(m int) {
	w.perm = w.rs.Permutation(m) // numpy's block-drawn shuffle; one allocation

}

// pass reports whether seed can make the partition (false: it cannot).
func (w *stratWorker) pass(seed uint32) bool {
	s := w.s
	w.rs.Seed(seed)
	w.approxMode(s.counts, s.nTrain, w.nI)
	for i, c := range s.counts {
		w.rem[i] = c - w.nI[i]
	}
	w.approxMode(w.rem, s.nTest, w.tI)
	w.train, w.test = w.train[:0], w.test[:0]
	for i, c := range s.counts {
		w.shuffle(c)
		for _, j := range w.perm[:w.nI[i]] {
			w.train = append(w.train, s.classIdx[i][j])
		}
		for _, j := range w.perm[w.nI[i] : w.nI[i]+w.tI[i]] {
			w.test = append(w.test, s.classIdx[i][j])
		}
	}
	if len(w.train) != len(s.p.Train) || len(w.test) != len(s.p.Test) {
		return false
	}
	draw := func(max uint32) uint32 { return uint32(w.rs.RandomInterval(uint64(max))) }
	data := s.p.Data
	train, test := w.train, w.test
	if !w.lazy.run(len(train), draw, func(pos int, v int32) bool { return data[train[v]] == s.p.Train[pos] }) {
		return false
	}
	return w.lazy.run(len(test), draw, func(pos int, v int32) bool { return data[test[v]] == s.p.Test[pos] })
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
