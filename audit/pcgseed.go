package audit

import "math/bits"

// pcgFast is numpy.random.default_rng(seed)'s bit generator (PCG64 seeded
// through SeedSequence(seed)) for a seed below 2**64, built without
// allocating: SeedSequence on one or two entropy words with a 4-word pool,
// generate_state(4, uint64), pcg64_set_seed. Uint32 is next_uint32 (low
// half first, the high half buffered). rng.DefaultRNG is the reference.
type pcgFast struct {
	hi, lo, incHi, incLo uint64
	has                  bool
	buf                  uint32
}

const (
	pcgMultHi = 2549297995355413924
	pcgMultLo = 4865540595714422341
)

func newPCGFast(seed uint64) pcgFast {
	ent := [4]uint32{uint32(seed), uint32(seed >> 32)} // words past the entropy hash as 0
	hc := uint32(0x43b0d7e5)
	hashmix := func(v uint32) uint32 {
		v ^= hc
		hc *= 0x931e8875
		v *= hc
		return v ^ v>>16
	}
	var m [4]uint32
	for i := range m {
		m[i] = hashmix(ent[i]) // numpy hashes 0 for pool words beyond the entropy
	}
	for src := 0; src < 4; src++ {
		for dst := 0; dst < 4; dst++ {
			if src != dst {
				r := 0xca01f9dd*m[dst] - 0x4973f715*hashmix(m[src])
				m[dst] = r ^ r>>16
			}
		}
	}
	hc = 0x8b51f9dd
	var w [8]uint32
	for i := range w {
		v := m[i%4] ^ hc
		hc *= 0x58f38ded
		v *= hc
		w[i] = v ^ v>>16
	}
	s0 := uint64(w[0]) | uint64(w[1])<<32
	s1 := uint64(w[2]) | uint64(w[3])<<32
	i0 := uint64(w[4]) | uint64(w[5])<<32
	i1 := uint64(w[6]) | uint64(w[7])<<32
	p := pcgFast{incHi: i0<<1 | i1>>63, incLo: i1<<1 | 1}
	p.step()
	var c uint64
	p.lo, c = bits.Add64(p.lo, s1, 0)
	p.hi += s0 + c
	p.step()
	return p
}

func (p *pcgFast) step() {
	h, l := bits.Mul64(p.lo, pcgMultLo)
	h += p.hi*pcgMultLo + p.lo*pcgMultHi
	var c uint64
	p.lo, c = bits.Add64(l, p.incLo, 0)
	p.hi = h + p.incHi + c
}

// Uint32 is numpy's PCG64 next_uint32.
func (p *pcgFast) Uint32() uint32 {
	if p.has {
		p.has = false
		return p.buf
	}
	p.step()
	v := bits.RotateLeft64(p.hi^p.lo, -int(p.hi>>58))
	p.has, p.buf = true, uint32(v>>32)
	return uint32(v)
}
