package rng

import (
	"errors"
	"fmt"
	"math/big"
	"math/bits"
)

// PCG64 equals numpy.random.PCG64: a 128-bit LCG with the XSL-RR output
// function, seeded through a SeedSequence. Its Uint32 hands out the two
// halves of one 64-bit output (low half first) exactly as numpy's
// next_uint32 does, and that buffer is part of the state.
type PCG64 struct {
	hi, lo       uint64 // state
	incHi, incLo uint64 // increment (odd)
	hasUint32    bool
	uinteger     uint32
	seedSeq      *SeedSequence
}

const (
	genPCGMultHi = 2549297995355413924
	genPCGMultLo = 4865540595714422341
	// 0x9e3779b97f4a7c15f39cc0605cedc835, PCG64.jumped's step
	genJumpHi = 0x9e3779b97f4a7c15
	genJumpLo = 0xf39cc0605cedc835
)

// ErrPCG64State reports a state that numpy's PCG64.state setter refuses.
var ErrPCG64State = errors.New("state must be for a PCG64 RNG")

// NewPCG64 equals numpy.random.PCG64(seed_seq): the generator seeded from
// seed_seq.generate_state(4, np.uint64).
func NewPCG64(ss *SeedSequence) *PCG64 {
	w := ss.GenerateState64(4)
	p := &PCG64{seedSeq: ss}
	p.seed(w[0], w[1], w[2], w[3])
	return p
}

// NewPCG64Seed equals numpy.random.PCG64(seed) for a non-negative int seed
// of any size (SeedSequence(seed) underneath).
func NewPCG64Seed(seed *big.Int) (*PCG64, error) {
	ss, err := NewSeedSequence(seed)
	if err != nil {
		return nil, err
	}
	return NewPCG64(ss), nil
}

// seed is pcg64_set_seed + pcg_setseq_128_srandom_r.
func (p *PCG64) seed(s0, s1, i0, i1 uint64) {
	// inc = (initseq << 1) | 1
	p.incHi = i0<<1 | i1>>63
	p.incLo = i1<<1 | 1
	p.hi, p.lo = 0, 0
	p.step()
	var c uint64
	p.lo, c = bits.Add64(p.lo, s1, 0)
	p.hi += s0 + c
	p.step()
	p.hasUint32, p.uinteger = false, 0
}

func (p *PCG64) step() {
	h, l := bits.Mul64(p.lo, genPCGMultLo)
	h += p.hi*genPCGMultLo + p.lo*genPCGMultHi
	var c uint64
	l, c = bits.Add64(l, p.incLo, 0)
	p.hi = h + p.incHi + c
	p.lo = l
}

// Uint64 equals the bit generator's next_uint64 (PCG64.random_raw()).
func (p *PCG64) Uint64() uint64 {
	p.step()
	return bits.RotateLeft64(p.hi^p.lo, -int(p.hi>>58))
}

// Uint32 equals numpy's PCG64 next_uint32: the low half of a fresh 64-bit
// output, keeping the high half for the next call.
func (p *PCG64) Uint32() uint32 {
	if p.hasUint32 {
		p.hasUint32 = false
		return p.uinteger
	}
	v := p.Uint64()
	p.hasUint32 = true
	p.uinteger = uint32(v >> 32)
	return uint32(v)
}

// Float64 equals numpy's PCG64 next_double: (next_uint64 >> 11) * 2**-53.
func (p *PCG64) Float64() float64 {
	return float64(p.Uint64()>>11) * (1.0 / 9007199254740992.0)
}

// SeedSeq equals PCG64.seed_seq (nil for a generator built from a state).
func (p *PCG64) SeedSeq() *SeedSequence { return p.seedSeq }

// PCG64State is numpy's PCG64.state dictionary:
// {'bit_generator': 'PCG64', 'state': {'state': State, 'inc': Inc},
// 'has_uint32': HasUint32, 'uinteger': Uinteger}.
type PCG64State struct {
	State     *big.Int
	Inc       *big.Int
	HasUint32 int
	Uinteger  uint32
}

func genU128(hi, lo uint64) *big.Int {
	x := new(big.Int).SetUint64(hi)
	x.Lsh(x, 64)
	return x.Or(x, new(big.Int).SetUint64(lo))
}

// genSplit128 reduces x modulo 2**128 (two's complement for negatives) and
// splits it into 64-bit halves.
func genSplit128(x *big.Int) (hi, lo uint64) {
	mask := new(big.Int).Lsh(big.NewInt(1), 128)
	y := new(big.Int).And(x, mask.Sub(mask, big.NewInt(1)))
	lo = new(big.Int).And(y, new(big.Int).SetUint64(^uint64(0))).Uint64()
	hi = new(big.Int).Rsh(y, 64).Uint64()
	return
}

// State equals PCG64.state (the getter).
func (p *PCG64) State() PCG64State {
	h := 0
	if p.hasUint32 {
		h = 1
	}
	return PCG64State{State: genU128(p.hi, p.lo), Inc: genU128(p.incHi, p.incLo), HasUint32: h, Uinteger: p.uinteger}
}

// SetState equals assigning PCG64.state = st. numpy stores state and inc
// modulo 2**128 as given (inc is not forced odd).
func (p *PCG64) SetState(st PCG64State) error {
	if st.State == nil || st.Inc == nil {
		return fmt.Errorf("rng: PCG64.SetState: %w", ErrPCG64State)
	}
	p.hi, p.lo = genSplit128(st.State)
	p.incHi, p.incLo = genSplit128(st.Inc)
	p.hasUint32 = st.HasUint32 != 0
	p.uinteger = st.Uinteger
	return nil
}

// Advance equals PCG64.advance(delta): jumps the LCG delta steps ahead
// (delta modulo 2**128, so a negative delta steps back) and clears the
// buffered 32-bit half.
func (p *PCG64) Advance(delta *big.Int) *PCG64 {
	dh, dl := genSplit128(delta)
	p.advance(dh, dl)
	p.hasUint32, p.uinteger = false, 0
	return p
}

// advance is pcg_advance_lcg_128 (Brown's algorithm) with 128-bit values.
func (p *PCG64) advance(dh, dl uint64) {
	accMH, accML := uint64(0), uint64(1) // acc_mult
	accPH, accPL := uint64(0), uint64(0) // acc_plus
	curMH, curML := uint64(genPCGMultHi), uint64(genPCGMultLo)
	curPH, curPL := p.incHi, p.incLo
	for dh != 0 || dl != 0 {
		if dl&1 != 0 {
			accMH, accML = genMul128(accMH, accML, curMH, curML)
			accPH, accPL = genMul128(accPH, accPL, curMH, curML)
			accPH, accPL = genAdd128(accPH, accPL, curPH, curPL)
		}
		// cur_plus = (cur_mult + 1) * cur_plus
		m1h, m1l := genAdd128(curMH, curML, 0, 1)
		curPH, curPL = genMul128(m1h, m1l, curPH, curPL)
		curMH, curML = genMul128(curMH, curML, curMH, curML)
		dl = dl>>1 | dh<<63
		dh >>= 1
	}
	h, l := genMul128(accMH, accML, p.hi, p.lo)
	p.hi, p.lo = genAdd128(h, l, accPH, accPL)
}

func genMul128(ah, al, bh, bl uint64) (uint64, uint64) {
	h, l := bits.Mul64(al, bl)
	return h + ah*bl + al*bh, l
}

func genAdd128(ah, al, bh, bl uint64) (uint64, uint64) {
	l, c := bits.Add64(al, bl, 0)
	return ah + bh + c, l
}

// Jumped equals PCG64.jumped(jumps): a new generator whose state is this
// one's advanced by jumps * 0x9e3779b97f4a7c15f39cc0605cedc835 steps
// (numpy's jump_inplace). The receiver is unchanged; the copy keeps the
// seed sequence.
func (p *PCG64) Jumped(jumps *big.Int) *PCG64 {
	q := *p
	d := new(big.Int).Mul(genU128(genJumpHi, genJumpLo), jumps)
	q.Advance(d)
	return &q
}
