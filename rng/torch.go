package rng

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// TorchGenerator is PyTorch's CPU generator, torch.Generator() on the CPU:
// an MT19937 seeded by init_genrand with the low 32 bits of a 64-bit seed.
//
// Its raw 32-bit stream equals numpy's RandomState(seed) for seeds below
// 2**32; what torch builds on it (randperm, random_split) differs from numpy.
type TorchGenerator struct {
	mt   MT19937
	seed uint64
}

// TorchDefaultSeed is the seed of a fresh torch.Generator() that was never
// seeded: torch.Generator().initial_seed() == 67280421310721.
const TorchDefaultSeed uint64 = 67280421310721

// ErrTorchSeedRange is returned by ParseTorchSeed for an integer outside
// -2**63 .. 2**64-1; torch raises "RuntimeError: Overflow when unpacking
// long" for such a seed.
var ErrTorchSeedRange = errors.New("Overflow when unpacking long")

// ErrTorchSeedSyntax is returned by ParseTorchSeed for text that is not a
// decimal integer; torch.Generator().manual_seed accepts only Python ints
// ("manual_seed expected a long, but got float").
var ErrTorchSeedSyntax = errors.New("manual_seed expected a long")

// NewTorchGenerator returns torch.Generator().manual_seed(seed). A negative
// Python seed s is passed as uint64(int64(s)) — torch reinterprets it as
// unsigned, so manual_seed(-1) equals manual_seed(2**64-1).
func NewTorchGenerator(seed uint64) *TorchGenerator {
	g := &TorchGenerator{}
	g.ManualSeed(seed)
	return g
}

// NewTorchGeneratorDefault returns torch.Generator() as created, never
// seeded: its seed is TorchDefaultSeed.
func NewTorchGeneratorDefault() *TorchGenerator {
	return NewTorchGenerator(TorchDefaultSeed)
}

// ManualSeed equals g.manual_seed(seed): it reseeds the generator in place.
// Only seed mod 2**32 reaches the Mersenne Twister.
func (g *TorchGenerator) ManualSeed(seed uint64) {
	g.seed = seed
	g.mt.SeedInt(uint32(seed))
}

// InitialSeed equals g.initial_seed(): the 64-bit seed last given to
// ManualSeed, as an unsigned value (a negative seed reads back as 2**64+s).
func (g *TorchGenerator) InitialSeed() uint64 {
	return g.seed
}

// ParseTorchSeed parses a decimal integer the way
// torch.Generator().manual_seed(int(s)) takes it: values in 0..2**64-1
// are used as they are, values in -2**63..-1 wrap to 2**64+s, and anything
// else fails with ErrTorchSeedRange, torch's "Overflow when unpacking
// long". Text that is not an integer fails with ErrTorchSeedSyntax. A
// leading '+', surrounding spaces and underscores between digits are
// accepted, like Python's int().
func ParseTorchSeed(s string) (uint64, error) {
	t := strings.TrimSpace(s)
	v, ok := new(big.Int).SetString(torchDigits(t), 10)
	if !ok {
		return 0, fmt.Errorf("torch seed %q: %w, got text that is not a decimal integer", s, ErrTorchSeedSyntax)
	}
	if v.Sign() >= 0 {
		if v.BitLen() > 64 {
			return 0, fmt.Errorf("torch seed %s: %w (torch accepts -2**63 .. 2**64-1)", t, ErrTorchSeedRange)
		}
		return v.Uint64(), nil
	}
	if !v.IsInt64() {
		return 0, fmt.Errorf("torch seed %s: %w (torch accepts -2**63 .. 2**64-1)", t, ErrTorchSeedRange)
	}
	return uint64(v.Int64()), nil
}

// torchDigits drops the single underscores that Python's int() allows
// between digits ("1_000"); a misplaced underscore is left in, so the text
// fails to parse.
func torchDigits(t string) string {
	if !strings.Contains(t, "_") {
		return t
	}
	d := strings.TrimLeft(t, "+-")
	if len(t)-len(d) > 1 || d == "" || d[0] == '_' || d[len(d)-1] == '_' || strings.Contains(d, "__") {
		return t
	}
	return t[:len(t)-len(d)] + strings.ReplaceAll(d, "_", "")
}

// Uint32 equals the CPU generator's random(): one tempered MT19937 output.
func (g *TorchGenerator) Uint32() uint32 {
	return g.mt.Uint32()
}

// Uint64 equals the CPU generator's random64(): two MT19937 outputs, the
// first one as the high half.
func (g *TorchGenerator) Uint64() uint64 {
	return g.mt.Uint64()
}
