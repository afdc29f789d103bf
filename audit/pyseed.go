package audit

import (
	"math/big"

	"github.com/splitter-dev/splitter/rng"
)

// pyLanes is how many seeds pyBatch seeds at once: independent
// init_by_array recurrences interleave in the CPU's pipelines (each is a
// chain of dependent multiplies, latency-bound when run alone); on
// AVX-512, four chains of 16 lanes (pyseed_amd64.s).
const pyLanes = 64

// pyN is MT19937's state size.
const pyN = 624

// pyBatch is the MT19937 state after random.seed(s) for pyLanes
// consecutive seeds s (init_by_array of s's 32-bit words, least
// significant first), before the first refill, lane-minor. Outputs are
// twisted from it lazily: output k needs state words k, k+1 and k+397.
type pyBatch struct {
	mt  [pyN][pyLanes]uint32
	add [2][pyLanes]uint32
}

// pySeedBase is init_genrand(19650218), where init_by_array starts.
func pySeedBase() *[pyN]uint32 {
	var mt [pyN]uint32
	mt[0] = 19650218
	for i := 1; i < pyN; i++ {
		mt[i] = 1812433253*(mt[i-1]^(mt[i-1]>>30)) + uint32(i)
	}
	return &mt
}

// seed sets the lanes to random.seed(base+l), l < pyLanes, from the
// init_genrand(19650218) state s0 (pySeedBase). Seeds below 2**32 are a
// key of one word, larger ones of two (Python's int to 32-bit words).
func (b *pyBatch) seed(base uint64, s0 *[pyN]uint32) {
	pyAddends(base, &b.add)
	pyInit(s0, &b.add, &b.mt)
}

// pyAddends sets add to the key word plus j that init_by_array's first
// loop adds, for j even and odd, for the seeds base+l.
func pyAddends(base uint64, add *[2][pyLanes]uint32) {
	for l := range pyLanes {
		s := base + uint64(l)
		add[0][l], add[1][l] = uint32(s), uint32(s)
		if s>>32 != 0 {
			add[1][l] = uint32(s>>32) + 1
		}
	}
}

// pyInitGo is pyInit in portable Go: init_by_array from s0 with the
// addends add, lane by lane interleaved.
func pyInitGo(s0 *[pyN]uint32, add *[2][pyLanes]uint32, mt *[pyN][pyLanes]uint32) {
	for i := range pyN {
		for l := range pyLanes {
			mt[i][l] = s0[i]
		}
	}
	i := 1
	for t := range pyN { // k = max(N, key length) steps
		a := &add[t&1]
		prev, cur := &mt[i-1], &mt[i]
		for l := range pyLanes {
			p := prev[l]
			cur[l] = (cur[l] ^ (p^p>>30)*1664525) + a[l]
		}
		if i++; i >= pyN {
			mt[0], i = mt[pyN-1], 1
		}
	}
	for range pyN - 1 {
		prev, cur := &mt[i-1], &mt[i]
		for l := range pyLanes {
			p := prev[l]
			cur[l] = (cur[l] ^ (p^p>>30)*1566083941) - uint32(i)
		}
		if i++; i >= pyN {
			mt[0], i = mt[pyN-1], 1
		}
	}
	for l := range pyLanes {
		mt[0][l] = 0x80000000
	}
}

// pyLane serves lane l's outputs from its seeded state (the first
// refill, word by word, up to output 226), then from a full generator
// seeded with seed.
type pyLane struct {
	b    *pyBatch
	l, k int
	seed uint64
	full *rng.PyRandom
}

// pyLaneWords is how many outputs a pyLane twists from the batch.
const pyLaneWords = pyN - 397

func (p *pyLane) Uint32() uint32 {
	k := p.k
	p.k++
	if k >= pyLaneWords {
		if p.full == nil {
			p.full = rng.NewPyRandom(new(big.Int).SetUint64(p.seed))
			for range pyLaneWords {
				p.full.Uint32()
			}
		}
		return p.full.Uint32()
	}
	y := p.b.mt[k][p.l]&0x80000000 | p.b.mt[k+1][p.l]&0x7fffffff
	v := p.b.mt[k+397][p.l] ^ y>>1
	if y&1 != 0 {
		v ^= 0x9908b0df
	}
	return mtTemper(v)
}
