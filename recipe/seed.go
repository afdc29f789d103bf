package recipe

import (
	"crypto/rand"
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/splitter-dev/splitter/rng"
	"github.com/splitter-dev/splitter/split"
)

// SeedRange is the set of seeds a call accepts.
type SeedRange int

const (
	// SeedUint32: numpy's RandomState, 0..2**32-1 (scikit-learn, pandas).
	SeedUint32 SeedRange = iota
	// SeedNonNegative: numpy's default_rng, any integer >= 0 (drawn
	// from 0..2**128-1, as SeedSequence's entropy).
	SeedNonNegative
	// SeedAnyInt: Python's random.seed, any integer (drawn from
	// 0..2**64-1).
	SeedAnyInt
	// SeedTorch: torch's manual_seed, -2**63..2**64-1 (drawn from
	// 0..2**64-1).
	SeedTorch
)

// bits is the width of a drawn seed.
func (r SeedRange) bits() int {
	switch r {
	case SeedUint32:
		return 32
	case SeedNonNegative:
		return 128
	}
	return 64
}

// Seeds returns the range of seeds the recipe's call accepts.
func (r *Recipe) Seeds() SeedRange {
	switch r.Call {
	case DatasetsTrainTestSplit, DatasetsShuffle, GeneratorPermutation:
		return SeedNonNegative
	case PythonShuffle, PythonSample, PythonPermutation, PythonShuffleSplit, PythonSampleSplit:
		return SeedAnyInt
	case RandomSplit, TorchShuffle, TorchPermutation:
		return SeedTorch
	}
	return SeedUint32
}

// Seeded reports whether the call draws random numbers, and so takes a
// seed: not with shuffle=False, not for GroupKFold without shuffle, not
// for TimeSeriesSplit.
func (r *Recipe) Seeded() bool {
	switch r.Call {
	case TimeSeriesSplit, LeaveOneGroupOut, HashSplit:
		return false
	case GroupShuffleSplit, RandomSplit, RepeatedKFold, RepeatedStratifiedKFold:
		return true
	}
	return !r.NoShuffle
}

// DrawSeed draws the seed of a seeded recipe that has none from src
// (crypto/rand.Reader when nil), as a seed the call accepts, and marks it
// drawn. It does nothing to a recipe with a seed or without randomness.
func (r *Recipe) DrawSeed(src io.Reader) error {
	if r.Seed != "" || !r.Seeded() {
		return nil
	}
	if src == nil {
		src = rand.Reader
	}
	v, err := rand.Int(src, new(big.Int).Lsh(big.NewInt(1), uint(r.Seeds().bits())))
	if err != nil {
		return fmt.Errorf("drawing a seed from the OS: %w", err)
	}
	r.Seed, r.SeedDrawn = v.String(), true
	return nil
}

// seedLiteral is the seed as Python reads the literal ("007" and "+7" are
// 7), or None.
func (r *Recipe) seedLiteral() string {
	if r.Seed == "" {
		return "None"
	}
	t := strings.TrimSpace(r.Seed)
	if v, ok := new(big.Int).SetString(t, 10); ok {
		return v.String()
	}
	return t
}

// seedErr names --seed in an error about the seed's value.
func (r *Recipe) seedErr(err error) error { return flagErr("--seed", r.Seed, err) }

// flagErr names the argument (as the CLI spells it) and value err concerns.
func flagErr(flag, value string, err error) error {
	return fmt.Errorf("%s %q: %w", flag, value, err)
}

// checkSeed checks a given seed against the call's range (a seed the call
// does not use is not read, as Python does not read it).
func (r *Recipe) checkSeed() error {
	if r.Seed == "" || !r.Seeded() {
		return nil
	}
	var err error
	switch r.Seeds() {
	case SeedUint32:
		_, err = rng.ParseLegacySeed(r.Seed)
	case SeedNonNegative:
		_, err = rng.ParseGeneratorSeed(r.Seed)
	case SeedAnyInt:
		_, err = rng.ParsePySeed(r.Seed)
	case SeedTorch:
		_, err = rng.ParseTorchSeed(r.Seed)
	}
	if err != nil {
		return r.seedErr(err)
	}
	return nil
}

// legacySeed is the seed of numpy's RandomState.
func (r *Recipe) legacySeed() (uint32, error) {
	v, err := rng.ParseLegacySeed(r.Seed)
	if err != nil {
		return 0, r.seedErr(err)
	}
	return v, nil
}

// randomState is random_state=seed for package split (None unseeded).
func (r *Recipe) randomState() (split.RandomState, error) {
	if !r.Seeded() {
		return split.None, nil
	}
	v, err := r.legacySeed()
	return split.Seed(v), err
}

// numpyState is np.random.RandomState(seed), what pandas' sample draws from.
func (r *Recipe) numpyState() (*rng.RandomState, error) {
	v, err := r.legacySeed()
	if err != nil {
		return nil, err
	}
	return rng.NewRandomState(v), nil
}

// generatorSeed is the seed of numpy's default_rng (Hugging Face).
func (r *Recipe) generatorSeed() (*big.Int, error) {
	if !r.Seeded() {
		return nil, nil
	}
	v, err := rng.ParseGeneratorSeed(r.Seed)
	if err != nil {
		return nil, r.seedErr(err)
	}
	return v, nil
}

// pyRandom is random.seed(seed).
func (r *Recipe) pyRandom() (*rng.PyRandom, error) {
	v, err := rng.ParsePySeed(r.Seed)
	if err != nil {
		return nil, r.seedErr(err)
	}
	return rng.NewPyRandom(v), nil
}

// torchGenerator is torch.Generator().manual_seed(seed).
func (r *Recipe) torchGenerator() (*rng.TorchGenerator, error) {
	v, err := rng.ParseTorchSeed(r.Seed)
	if err != nil {
		return nil, r.seedErr(err)
	}
	return rng.NewTorchGenerator(v), nil
}

// SeedDecimal is the seed as a decimal integer ("007" is "7"), or "" when
// the call draws no random number.
func (r *Recipe) SeedDecimal() string {
	if !r.Seeded() || r.Seed == "" {
		return ""
	}
	return r.seedLiteral()
}
