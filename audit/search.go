package audit

import "github.com/splitter-dev/splitter/rng"

// search is one recipe's fast filter: the constraint on each final
// position of the permutation.
type search struct {
	p       *Partition
	r       Recipe
	exact   []int32 // content id required at each position; -1: from the pool
	pool    []int32 // how many rows of each content id the pool positions take
	lazyFY  bool    // the filter applies (else every seed is a candidate)
	top     []bool  // data rows that may sit at the first final position
	forward bool    // torch's shuffle, final from position 0 (else from n-1)
	py      bool    // Python's random: the first draw's row is filtered by top
	strat   *stratSearch
	hf      *hfStratSearch
}

func newSearch(p *Partition, r Recipe) *search {
	if r.Kind == GroupShuffle {
		return newGroupSearch(p, r)
	}
	s := &search{p: p, r: r}
	n := p.N()
	switch r.Kind {
	case Sklearn, Datasets, PandasShuffle, DatasetsShuffle:
		// permutation[:b] is test, [b:b+a] train, the rest unused.
		s.exact = make([]int32, n)
		copy(s.exact, p.Test)
		copy(s.exact[len(p.Test):], p.Train)
		for i := len(p.Test) + len(p.Train); i < n; i++ {
			s.exact[i] = -1
		}
		s.pool = make([]int32, len(p.Count))
		copy(s.pool, p.Count)
		for _, part := range [][]int32{p.Train, p.Test} {
			for _, id := range part {
				s.pool[id]--
			}
		}
		s.lazyFY = true
	case SklearnStratified:
		s.strat = newStratSearch(p, r)
	case DatasetsStratified:
		s.hf = newHFStratSearch(p, r)
	case PandasSample:
		// choice(n, a, replace=False) = permutation(n)[:a]; the other
		// positions hold the test rows (in another order).
		s.exact = make([]int32, n)
		copy(s.exact, p.Train)
		for i := len(p.Train); i < n; i++ {
			s.exact[i] = -1
		}
		s.pool = make([]int32, len(p.Count))
		for _, id := range p.Test {
			s.pool[id]++
		}
		s.lazyFY = true
	case TorchRandomSplit, TorchShuffle:
		// randperm(n)[:a] is train, [a:] test, final from position 0 up.
		s.exact = make([]int32, n)
		copy(s.exact, p.Train)
		copy(s.exact[len(p.Train):], p.Test)
		s.pool = make([]int32, len(p.Count))
		s.lazyFY, s.forward = true, true
	case PythonShuffleSplit, PythonSampleSplit, PythonShuffle:
		s.py, s.top = true, pyTop(p, r)
	}
	if s.forward {
		s.top = make([]bool, n)
		for v, id := range p.Data {
			s.top[v] = id == s.exact[0]
		}
	} else if s.lazyFY && !s.py {
		s.top = make([]bool, n)
		for v, id := range p.Data {
			if e := s.exact[n-1]; e >= 0 {
				s.top[v] = id == e
			} else {
				s.top[v] = s.pool[id] > 0
			}
		}
	}
	return s
}

// worker is one goroutine's scratch space.
type worker struct {
	s     *search
	val   []int32  // lazily materialised permutation
	stamp []uint32 // val[i] is valid when stamp[i] == epoch
	epoch uint32
	pool  []int32
	undo  []int32
	out   []uint64
	sw    *stratWorker
	hw    *hfWorker
	batch *mtBatch
	mt    mtFast  // the stream of the seed being checked
	pym   *pyMemo // shared by a goroutine's Python workers
	pcg   pcgFast // idem for Datasets
}

func (s *search) worker() *worker {
	w := &worker{s: s}
	if s.strat != nil {
		w.sw = s.strat.worker()
	}
	if s.hf != nil {
		w.hw = s.hf.worker()
	}
	if s.lazyFY {
		n := s.p.N()
		w.val = make([]int32, n)
		w.stamp = make([]uint32, n)
		w.pool = make([]int32, len(s.pool))
		copy(w.pool, s.pool)
		w.batch = new(mtBatch)
	}
	return w
}

// run returns the seeds in [lo, hi] that pass the filter.
func (w *worker) run(lo, hi uint64) []uint64 {
	w.out = w.out[:0]
	s := w.s
	switch {
	case s.strat != nil:
		for seed := lo; ; seed++ {
			if w.sw.pass(uint32(seed)) {
				w.out = append(w.out, seed)
			}
			if seed == hi {
				break
			}
		}
	case s.py:
		w.runPy(lo, hi)
	case s.hf != nil:
		for seed := lo; ; seed++ {
			if w.hw.pass(seed) {
				w.out = append(w.out, seed)
			}
			if seed == hi {
				break
			}
		}
	case !s.lazyFY:
		for seed := lo; ; seed++ {
			w.out = append(w.out, seed)
			if seed == hi {
				break
			}
		}
	case s.r.Kind == Datasets || s.r.Kind == DatasetsShuffle:
		w.runPCG(lo, hi)
	case s.forward:
		w.runTorch(lo, hi)
	default:
		w.runMT(lo, hi)
	}
	return w.out
}

// runMT appends to w.out the seeds in [lo, hi] (below 2**32) whose
// RandomState permutation passes the filter. The first draw decides most
// seeds: it is computed for mtLanes seeds at once and looked up in s.top.
func (w *worker) runMT(lo, hi uint64) {
	max := uint32(w.s.p.N() - 1)
	top := w.s.top
	for base := lo; base <= hi; base += mtLanes {
		mtPrefixBatch(uint32(base), max, w.batch)
		lanes := min(hi-base+1, mtLanes)
		for l, v := range w.batch.first[:lanes] {
			if v <= max && !top[v] {
				continue // mtNoDraw > max: the full check decides
			}
			seed := base + uint64(l)
			w.mt.reset(uint32(seed), w.batch.column(l))
			if w.fisherYates(&w.mt) {
				w.out = append(w.out, seed)
			}
		}
	}
}

// runPCG appends to w.out the seeds in [lo, hi] whose default_rng
// permutation passes the filter; the first draw is tried inline.
func (w *worker) runPCG(lo, hi uint64) {
	max := uint32(w.s.p.N() - 1)
	mask := intervalMask(max)
	top := w.s.top
	for seed := lo; ; seed++ {
		g := newPCGFast(seed)
		v := g.Uint32() & mask
		for v > max {
			v = g.Uint32() & mask
		}
		if top[v] {
			w.pcg = newPCGFast(seed)
			if w.fisherYates(&w.pcg) {
				w.out = append(w.out, seed)
			}
		}
		if seed == hi {
			break
		}
	}
}

// runTorch appends to w.out the seeds in [lo, hi] (below 2**32) whose
// torch.randperm passes the filter: the first draw, random() % n, is the
// row at position 0.
func (w *worker) runTorch(lo, hi uint64) {
	n := uint32(w.s.p.N())
	top := w.s.top
	for base := lo; base <= hi; base += mtLanes {
		mtPrefixBatch(uint32(base), n-1, w.batch)
		lanes := min(hi-base+1, mtLanes)
		for l, x := range w.batch.out[0][:lanes] {
			if !top[x%n] {
				continue
			}
			seed := base + uint64(l)
			w.mt.reset(uint32(seed), w.batch.column(l))
			if w.forwardFY(&w.mt) {
				w.out = append(w.out, seed)
			}
		}
	}
}

// uint32Source is a bit generator's next_uint32.
type uint32Source interface{ Uint32() uint32 }

// mtFast serves the precomputed first words of a seed's MT19937 stream,
// then continues on a full generator.
type mtFast struct {
	words  [mtPrefixLen]uint32
	k      int
	seed   uint32
	seeded bool         // mt is seeded with seed and past the prefix
	mt     *rng.MT19937 // reused across seeds
}

// reset starts seed's stream with its first words.
func (m *mtFast) reset(seed uint32, words [mtPrefixLen]uint32) {
	m.words, m.k, m.seed, m.seeded = words, 0, seed, false
}

func (m *mtFast) Uint32() uint32 {
	if m.k < mtPrefixLen {
		m.k++
		return m.words[m.k-1]
	}
	if !m.seeded {
		if m.mt == nil {
			m.mt = rng.NewMT19937(m.seed)
		} else {
			m.mt.SeedInt(m.seed)
		}
		for i := 0; i < mtPrefixLen; i++ {
			m.mt.Uint32()
		}
		m.seeded = true
	}
	return m.mt.Uint32()
}

// interval is numpy's random_interval(max) for max < 2**32: masked
// rejection sampling on 32-bit draws.
func interval(src uint32Source, max uint32) uint32 {
	if max == 0 {
		return 0
	}
	mask := intervalMask(max)
	for {
		if v := src.Uint32() & mask; v <= max {
			return v
		}
	}
}

// intervalMask is the smallest 2**k-1 at least max.
func intervalMask(max uint32) uint32 {
	mask := max
	mask |= mask >> 1
	mask |= mask >> 2
	mask |= mask >> 4
	mask |= mask >> 8
	mask |= mask >> 16
	return mask
}

// fisherYates runs numpy's shuffle of arange(n) from the top (i = n-1
// down to 1, j = random_interval(i), swap) and checks each position as it
// becomes final; it stops at the first that breaks the constraints.
func (w *worker) fisherYates(src uint32Source) bool {
	s := w.s
	n := len(s.exact)
	w.epoch++
	if w.epoch == 0 { // stamps wrapped: clear them
		clear(w.stamp)
		w.epoch = 1
	}
	get := func(i int) int32 {
		if w.stamp[i] == w.epoch {
			return w.val[i]
		}
		return int32(i)
	}
	ok := true
	for i := n - 1; i >= 1; i-- {
		j := int(interval(src, uint32(i)))
		vi, vj := get(i), get(j)
		w.val[j], w.stamp[j] = vi, w.epoch
		if !w.accept(i, vj) {
			ok = false
			break
		}
	}
	if ok && n > 0 {
		ok = w.accept(0, get(0))
	}
	for _, id := range w.undo {
		w.pool[id]++
	}
	w.undo = w.undo[:0]
	return ok
}

// forwardFY runs torch's randperm_cpu shuffle of arange(n) (i = 0 up to
// n-2, z = i + random() % (n-i), swap) and checks each position as it
// becomes final; it stops at the first that breaks the constraints.
func (w *worker) forwardFY(src uint32Source) bool {
	n := len(w.s.exact)
	w.epoch++
	if w.epoch == 0 {
		clear(w.stamp)
		w.epoch = 1
	}
	get := func(i int) int32 {
		if w.stamp[i] == w.epoch {
			return w.val[i]
		}
		return int32(i)
	}
	for i := 0; i < n-1; i++ {
		z := i + int(src.Uint32()%uint32(n-i))
		vi, vz := get(i), get(z)
		w.val[z], w.stamp[z] = vi, w.epoch
		if !w.accept(i, vz) {
			return false
		}
	}
	return w.accept(n-1, get(n-1))
}

// accept checks data row v at final position i.
func (w *worker) accept(i int, v int32) bool {
	id := w.s.p.Data[v]
	if e := w.s.exact[i]; e >= 0 {
		return e == id
	}
	if w.pool[id] > 0 {
		w.pool[id]--
		w.undo = append(w.undo, id)
		return true
	}
	return false
}
