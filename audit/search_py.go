package audit

import "math/bits"

// pyTop marks the data rows that Python's first draw, randbelow(n), may
// pick: random.shuffle swaps it into position n-1, which is then final
// (the last row of test, or of train when there is no test);
// random.sample takes it as its first row (train's first).
func pyTop(p *Partition, r Recipe) []bool {
	var want int32
	switch {
	case r.Kind == PythonSampleSplit:
		want = p.Train[0]
	case len(p.Test) > 0:
		want = p.Test[len(p.Test)-1]
	default:
		want = p.Train[len(p.Train)-1]
	}
	top := make([]bool, p.N())
	for v, id := range p.Data {
		top[v] = id == want
	}
	return top
}

// pyMemo is the first draws, randbelow(n), of random.seed(s) for the
// seeds lo..hi of a block: the Python recipes of one partition share them.
type pyMemo struct {
	lo, hi uint64
	n      uint32
	first  []uint32
	batch  *pyBatch // allocated on the first draws (160 KB)
	base   *[pyN]uint32
}

// draws returns the first draws of the seeds lo..hi.
func (m *pyMemo) draws(lo, hi uint64, n uint32) []uint32 {
	if m.first != nil && m.lo == lo && m.hi == hi && m.n == n {
		return m.first
	}
	if m.base == nil {
		m.base, m.batch = pySeedBase(), new(pyBatch)
	}
	m.lo, m.hi, m.n, m.first = lo, hi, n, m.first[:0]
	for base := lo; ; base += pyLanes {
		m.batch.seed(base, m.base)
		for l := range uint64(min(hi-base+1, pyLanes)) {
			lane := pyLane{b: m.batch, l: int(l), seed: base + l}
			m.first = append(m.first, pyBelow(&lane, n))
		}
		if hi-base < pyLanes {
			break
		}
	}
	return m.first
}

// runPy appends to w.out the seeds in [lo, hi] whose first draw of
// random.seed(seed) passes the filter; the full check decides the rest.
func (w *worker) runPy(lo, hi uint64) {
	for i, v := range w.pym.draws(lo, hi, uint32(w.s.p.N())) {
		if w.s.top[v] {
			w.out = append(w.out, lo+uint64(i))
		}
	}
}

// pyBelow is Random._randbelow(n) for 0 < n <= 2**32:
// getrandbits(n.bit_length()) until the draw is below n.
func pyBelow(src uint32Source, n uint32) uint32 {
	shift := 32 - uint(bits.Len32(n))
	for {
		if v := src.Uint32() >> shift; v < n {
			return v
		}
	}
}
