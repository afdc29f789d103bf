package rng

import (
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"strings"
)

// Errors returned by the Generator world (SeedSequence, PCG64, Generator).
// Each equals the Python exception numpy raises in the same situation.
var (
	// ErrNegativeSeed is numpy's ValueError("expected non-negative integer")
	// for a negative seed, entropy word or spawn key given to SeedSequence,
	// PCG64 or default_rng.
	ErrNegativeSeed = errors.New("expected non-negative integer")
	// ErrGeneratorSeedSyntax reports a seed string that is not a decimal
	// integer (ParseGeneratorSeed).
	ErrGeneratorSeedSyntax = errors.New("seed is not a decimal integer")
	// ErrPoolSize is numpy's ValueError for SeedSequence(pool_size < 4).
	ErrPoolSize = errors.New("The size of the entropy pool should be at least 4")
)

const (
	genInitA    = 0x43b0d7e5
	genMultA    = 0x931e8875
	genInitB    = 0x8b51f9dd
	genMultB    = 0x58f38ded
	genMixMultL = 0xca01f9dd
	genMixMultR = 0x4973f715
	genXShift   = 16
	// GeneratorPoolSize is SeedSequence's default (and minimum) pool_size.
	GeneratorPoolSize = 4
)

// SeedSequence equals numpy.random.SeedSequence: it hashes entropy (a
// non-negative integer of any size, or a sequence of them) and a spawn key
// into a pool of 32-bit words from which GenerateState draws seeds.
type SeedSequence struct {
	entropy          []*big.Int // the entropy as given (one element for an int seed)
	entropyIsInt     bool       // SeedSequence(int) rather than SeedSequence([..])
	spawnKey         []uint64
	poolSize         int
	nChildrenSpawned int
	pool             []uint32
}

// NewSeedSequence equals numpy.random.SeedSequence(entropy,
// spawn_key=spawnKey) for a single non-negative integer of any size. A
// negative entropy gives ErrNegativeSeed.
func NewSeedSequence(entropy *big.Int, spawnKey ...uint64) (*SeedSequence, error) {
	if entropy == nil {
		return nil, fmt.Errorf("rng: SeedSequence: nil entropy")
	}
	return genNewSeedSequence([]*big.Int{entropy}, true, spawnKey, GeneratorPoolSize)
}

// NewSeedSequenceWords equals numpy.random.SeedSequence([a, b, ...]): a
// sequence of non-negative integers, each of any size. An empty sequence is
// allowed (numpy hashes it as all zeros).
func NewSeedSequenceWords(entropy []*big.Int) (*SeedSequence, error) {
	return genNewSeedSequence(entropy, false, nil, GeneratorPoolSize)
}

// NewSeedSequenceFull equals numpy.random.SeedSequence(entropy,
// spawn_key=spawnKey, pool_size=poolSize, n_children_spawned=spawned) with
// a sequence of integers as entropy; a one-element entropy with isInt set
// stands for a plain int seed (the two hash the same; only Entropy differs).
func NewSeedSequenceFull(entropy []*big.Int, isInt bool, spawnKey []uint64, poolSize, spawned int) (*SeedSequence, error) {
	if isInt && len(entropy) != 1 {
		return nil, fmt.Errorf("rng: SeedSequence: an int entropy is one value, got %d", len(entropy))
	}
	s, err := genNewSeedSequence(entropy, isInt, spawnKey, poolSize)
	if err != nil {
		return nil, err
	}
	if spawned < 0 {
		return nil, fmt.Errorf("rng: SeedSequence: n_children_spawned %d: %w", spawned, ErrNegativeSeed)
	}
	s.nChildrenSpawned = spawned
	return s, nil
}

func genNewSeedSequence(entropy []*big.Int, isInt bool, spawnKey []uint64, poolSize int) (*SeedSequence, error) {
	if poolSize < GeneratorPoolSize {
		return nil, fmt.Errorf("rng: SeedSequence(pool_size=%d): %w", poolSize, ErrPoolSize)
	}
	ent := make([]*big.Int, len(entropy))
	for i, e := range entropy {
		if e == nil {
			return nil, fmt.Errorf("rng: SeedSequence: nil entropy word %d", i)
		}
		if e.Sign() < 0 {
			return nil, fmt.Errorf("rng: SeedSequence entropy %s: %w", e, ErrNegativeSeed)
		}
		ent[i] = new(big.Int).Set(e)
	}
	s := &SeedSequence{
		entropy:      ent,
		entropyIsInt: isInt,
		spawnKey:     append([]uint64(nil), spawnKey...),
		poolSize:     poolSize,
		pool:         make([]uint32, poolSize),
	}
	s.mixEntropy(s.assembledEntropy())
	return s, nil
}

// genIntWords is numpy's _int_to_uint32_array: the little-endian base-2**32
// digits of n, and [0] for zero.
func genIntWords(dst []uint32, n *big.Int) []uint32 {
	if n.Sign() == 0 {
		return append(dst, 0)
	}
	for _, w := range n.Bits() {
		dst = append(dst, uint32(w))
		if bits.UintSize == 64 {
			dst = append(dst, uint32(uint64(w)>>32))
		}
	}
	// drop the high zero digits a 64-bit Word may have added
	for len(dst) > 1 && dst[len(dst)-1] == 0 {
		dst = dst[:len(dst)-1]
	}
	return dst
}

func genUint64Words(dst []uint32, v uint64) []uint32 {
	if v == 0 {
		return append(dst, 0)
	}
	for v > 0 {
		dst = append(dst, uint32(v))
		v >>= 32
	}
	return dst
}

// assembledEntropy is SeedSequence.get_assembled_entropy.
func (s *SeedSequence) assembledEntropy() []uint32 {
	var run []uint32
	for _, e := range s.entropy {
		run = genIntWords(run, e)
	}
	var spawn []uint32
	for _, k := range s.spawnKey {
		spawn = genUint64Words(spawn, k)
	}
	if len(spawn) > 0 && len(run) < s.poolSize {
		run = append(run, make([]uint32, s.poolSize-len(run))...)
	}
	return append(run, spawn...)
}

func genMix(x, y uint32) uint32 {
	r := genMixMultL*x - genMixMultR*y
	return r ^ r>>genXShift
}

// mixEntropy is SeedSequence.mix_entropy.
func (s *SeedSequence) mixEntropy(ent []uint32) {
	hashConst := uint32(genInitA)
	hashmix := func(v uint32) uint32 {
		v ^= hashConst
		hashConst *= genMultA
		v *= hashConst
		return v ^ v>>genXShift
	}
	m := s.pool
	for i := range m {
		if i < len(ent) {
			m[i] = hashmix(ent[i])
		} else {
			m[i] = hashmix(0)
		}
	}
	for src := range m {
		for dst := range m {
			if src != dst {
				m[dst] = genMix(m[dst], hashmix(m[src]))
			}
		}
	}
	for src := len(m); src < len(ent); src++ {
		for dst := range m {
			m[dst] = genMix(m[dst], hashmix(ent[src]))
		}
	}
}

// GenerateState equals SeedSequence.generate_state(n, dtype=np.uint32).
func (s *SeedSequence) GenerateState(n int) []uint32 {
	out := make([]uint32, n)
	hashConst := uint32(genInitB)
	for i := range out {
		v := s.pool[i%len(s.pool)]
		v ^= hashConst
		hashConst *= genMultB
		v *= hashConst
		out[i] = v ^ v>>genXShift
	}
	return out
}

// GenerateState64 equals SeedSequence.generate_state(n, dtype=np.uint64):
// 2n 32-bit words paired little-endian.
func (s *SeedSequence) GenerateState64(n int) []uint64 {
	w := s.GenerateState(2 * n)
	out := make([]uint64, n)
	for i := range out {
		out[i] = uint64(w[2*i]) | uint64(w[2*i+1])<<32
	}
	return out
}

// Spawn equals SeedSequence.spawn(n): n children whose spawn keys extend
// this sequence's by n_children_spawned, n_children_spawned+1, ...
func (s *SeedSequence) Spawn(n int) []*SeedSequence {
	if n < 0 {
		n = 0
	}
	out := make([]*SeedSequence, n)
	for i := range out {
		key := append(append([]uint64(nil), s.spawnKey...), uint64(s.nChildrenSpawned+i))
		c, _ := genNewSeedSequence(s.entropy, s.entropyIsInt, key, s.poolSize) // cannot fail: validated
		out[i] = c
	}
	s.nChildrenSpawned += n
	return out
}

// Pool equals SeedSequence.pool (a copy).
func (s *SeedSequence) Pool() []uint32 { return append([]uint32(nil), s.pool...) }

// Entropy equals SeedSequence.entropy: one value for an int seed, the
// sequence otherwise (copies).
func (s *SeedSequence) Entropy() []*big.Int {
	out := make([]*big.Int, len(s.entropy))
	for i, e := range s.entropy {
		out[i] = new(big.Int).Set(e)
	}
	return out
}

// SpawnKey equals SeedSequence.spawn_key (a copy).
func (s *SeedSequence) SpawnKey() []uint64 { return append([]uint64(nil), s.spawnKey...) }

// PoolSize equals SeedSequence.pool_size.
func (s *SeedSequence) PoolSize() int { return s.poolSize }

// NChildrenSpawned equals SeedSequence.n_children_spawned.
func (s *SeedSequence) NChildrenSpawned() int { return s.nChildrenSpawned }

// String equals repr(seed_seq) of numpy's SeedSequence (entropy, then
// spawn_key, pool_size and n_children_spawned when not the defaults).
func (s *SeedSequence) String() string {
	var b strings.Builder
	b.WriteString("SeedSequence(\n    entropy=")
	if s.entropyIsInt {
		b.WriteString(s.entropy[0].String())
	} else {
		b.WriteString("[")
		for i, e := range s.entropy {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(e.String())
		}
		b.WriteString("]")
	}
	b.WriteString(",\n")
	if len(s.spawnKey) > 0 {
		b.WriteString("    spawn_key=(")
		for i, k := range s.spawnKey {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprint(&b, k)
		}
		if len(s.spawnKey) == 1 {
			b.WriteString(",")
		}
		b.WriteString("),\n")
	}
	if s.poolSize != GeneratorPoolSize {
		fmt.Fprintf(&b, "    pool_size=%d,\n", s.poolSize)
	}
	if s.nChildrenSpawned != 0 {
		fmt.Fprintf(&b, "    n_children_spawned=%d,\n", s.nChildrenSpawned)
	}
	b.WriteString(")")
	return b.String()
}

// ParseGeneratorSeed parses a seed for numpy.random.default_rng: a decimal
// integer of any size, as Python's int(s) reads it (surrounding spaces,
// one sign, and underscores between digits are allowed). A negative value
// gives ErrNegativeSeed (numpy refuses it); anything else that is not a
// decimal integer gives ErrGeneratorSeedSyntax.
func ParseGeneratorSeed(s string) (*big.Int, error) {
	t := strings.TrimSpace(s)
	neg := false
	if len(t) > 0 && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	if t == "" || t[0] == '_' || t[len(t)-1] == '_' || strings.Contains(t, "__") {
		return nil, fmt.Errorf("rng: seed %q: %w", s, ErrGeneratorSeedSyntax)
	}
	t = strings.ReplaceAll(t, "_", "")
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return nil, fmt.Errorf("rng: seed %q: %w", s, ErrGeneratorSeedSyntax)
		}
	}
	n, ok := new(big.Int).SetString(t, 10)
	if !ok {
		return nil, fmt.Errorf("rng: seed %q: %w", s, ErrGeneratorSeedSyntax)
	}
	if neg && n.Sign() != 0 {
		return nil, fmt.Errorf("rng: seed %q: %w", s, ErrNegativeSeed)
	}
	return n, nil
}
