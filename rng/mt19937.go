package rng

// MT19937 is the Mersenne Twister shared by numpy's legacy RandomState,
// numpy.random.MT19937, CPython's random module and PyTorch's CPU generator.
// Each of them seeds it differently; see NewMT19937, SeedArray and the
// constructors of RandomState, PyRandom and TorchGenerator.
type MT19937 struct {
	key [mtN]uint32
	pos int
}

const (
	mtN       = 624
	mtM       = 397
	mtMatrixA = 0x9908b0df
	mtUpper   = 0x80000000
	mtLower   = 0x7fffffff
)

// NewMT19937 returns a Mersenne Twister seeded by the reference
// init_genrand(seed), as numpy's RandomState(seed) for an integer seed does.
func NewMT19937(seed uint32) *MT19937 {
	m := &MT19937{}
	m.SeedInt(seed)
	return m
}

// SeedInt is the reference init_genrand(seed) (Knuth's multiplier).
func (m *MT19937) SeedInt(seed uint32) {
	m.key[0] = seed
	for i := 1; i < mtN; i++ {
		prev := m.key[i-1]
		m.key[i] = 1812433253*(prev^(prev>>30)) + uint32(i)
	}
	m.pos = mtN
}

// SeedArray is the reference init_by_array(key), used by numpy for array
// seeds and by CPython for every int seed.
func (m *MT19937) SeedArray(initKey []uint32) {
	m.SeedInt(19650218)
	mt := &m.key
	i, j := 1, 0
	l := len(initKey)
	k := mtN
	if l > k {
		k = l
	}
	for ; k > 0; k-- {
		var kj uint32
		if l > 0 {
			kj = initKey[j]
		}
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1664525)) + kj + uint32(j)
		i++
		j++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
		if j >= l {
			j = 0
		}
	}
	for k = mtN - 1; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
	}
	mt[0] = 0x80000000
	m.pos = mtN
}

func (m *MT19937) refill() {
	mt := &m.key
	var i int
	for i = 0; i < mtN-mtM; i++ {
		y := (mt[i] & mtUpper) | (mt[i+1] & mtLower)
		mt[i] = mt[i+mtM] ^ (y >> 1) ^ (-(y & 1) & mtMatrixA)
	}
	for ; i < mtN-1; i++ {
		y := (mt[i] & mtUpper) | (mt[i+1] & mtLower)
		mt[i] = mt[i+mtM-mtN] ^ (y >> 1) ^ (-(y & 1) & mtMatrixA)
	}
	y := (mt[mtN-1] & mtUpper) | (mt[0] & mtLower)
	mt[mtN-1] = mt[mtM-1] ^ (y >> 1) ^ (-(y & 1) & mtMatrixA)
	m.pos = 0
}

// mtTemper is MT19937's tempering of a state word into an output. The
// hot loops that inline the draw (RandomState's shuffle, PyRandom's
// _randbelow) call it too; it is small enough to be inlined.
func mtTemper(y uint32) uint32 {
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	return y ^ y>>18
}

// Uint32 returns the next tempered 32-bit output (genrand_int32).
func (m *MT19937) Uint32() uint32 {
	if m.pos >= mtN {
		m.refill()
	}
	y := m.key[m.pos]
	m.pos++
	y = mtTemper(y)
	return y
}

// Uint64 equals numpy's mt19937_next64: the first 32-bit draw is the high half.
func (m *MT19937) Uint64() uint64 {
	hi := uint64(m.Uint32())
	return hi<<32 | uint64(m.Uint32())
}

// Float64 equals numpy's mt19937_next_double and CPython's random.random():
// (a*2**26 + b) / 2**53 with a = next32 >> 5 and b = next32 >> 6.
func (m *MT19937) Float64() float64 {
	a := m.Uint32() >> 5
	b := m.Uint32() >> 6
	return (float64(a)*67108864.0 + float64(b)) / 9007199254740992.0
}

// State returns a copy of the 624-word key and the position, as numpy's
// get_state()[1:3] and CPython's getstate()[1] hold them.
func (m *MT19937) State() (key [624]uint32, pos int) {
	return m.key, m.pos
}

// SetState sets the key and position. pos must be in 0..624.
func (m *MT19937) SetState(key [624]uint32, pos int) {
	m.key = key
	m.pos = pos
}
