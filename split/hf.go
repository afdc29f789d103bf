package split

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"math/big"

	"github.com/splitter-dev/splitter/rng"
)

// HFOptions are the arguments of Hugging Face datasets'
// Dataset.train_test_split and Dataset.shuffle.
type HFOptions struct {
	TestSize  Size // test_size (train_test_split only; None: 0.25 unless TrainSize is set)
	TrainSize Size // train_size (train_test_split only)
	NoShuffle bool // shuffle=False (train_test_split only; Python's default is True)
	// Seed is seed= (any non-negative int; nil is None). With neither Seed
	// nor Generator, datasets derives a seed from numpy's global state;
	// here a seed is drawn from the operating system instead.
	Seed *big.Int
	// Generator is generator= (a numpy Generator, used and advanced).
	Generator *rng.Generator
	// Global stands for numpy's global RandomState (np.random.seed(s) is
	// Global = rng.NewRandomState(s)). With neither Seed nor Generator,
	// datasets takes its seed from that state — key[pos], or key[0] right
	// after seeding — and advances it by one np.random.random(); so does
	// this package when Global is set.
	Global *rng.RandomState
	// Stratify is the stratify_by_column column's ClassLabel ids, after
	// class_encode_column (see ClassEncodeStrings and friends); the zero
	// Labels means no stratification.
	Stratify Labels
	// StratifyColumn is that column's name, used in error messages.
	StratifyColumn string
}

// HFSeed is a convenience for HFOptions.Seed: big.NewInt of a uint64.
func HFSeed(seed uint64) *big.Int { return new(big.Int).SetUint64(seed) }

// generator resolves seed/generator as both datasets methods do.
func (o HFOptions) generator() (*rng.Generator, error) {
	if o.Seed != nil && o.Generator != nil {
		return nil, newErr(ErrSeed, "Both `seed` and `generator` were provided. Please specify just one of them.")
	}
	if o.Generator != nil {
		return o.Generator, nil
	}
	seed := o.Seed
	if seed == nil && o.Global != nil {
		st := o.Global.GetState()
		word := st.Key[0]
		if st.Pos < len(st.Key) {
			word = st.Key[st.Pos]
		}
		o.Global.RandomSample()
		seed = big.NewInt(int64(word))
	}
	if seed == nil {
		var b [4]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, err
		}
		seed = big.NewInt(int64(binary.LittleEndian.Uint32(b[:])))
	}
	if seed.Sign() < 0 {
		return nil, newErr(ErrSeed, "expected non-negative integer")
	}
	g, err := rng.DefaultRNGBig(seed)
	if err != nil {
		return nil, &Error{Err: ErrSeed, Msg: err.Error()}
	}
	return g, nil
}

// HFShuffle is datasets' Dataset.shuffle(seed=..., generator=...) on n
// rows: row i of the result is row perm[i] of the input
// (np.random.default_rng(seed).permutation(n)). Sizes, NoShuffle and
// Stratify are ignored.
func HFShuffle(n int, opts HFOptions) (perm []int, err error) {
	if n == 0 {
		return []int{}, nil // datasets returns an empty dataset before any check
	}
	g, err := opts.generator()
	if err != nil {
		return nil, err
	}
	return g.Permutation(n), nil
}

// HFTrainTestSplit is datasets' Dataset.train_test_split(test_size,
// train_size, shuffle, stratify_by_column, seed, generator) on n rows
// (datasets ≥ 2.3 for stratify_by_column). It returns the row indices of
// the "train" and "test" datasets, in order.
func HFTrainTestSplit(n int, opts HFOptions) (train, test []int, err error) {
	if n == 0 {
		return []int{}, []int{}, nil
	}
	if !opts.NoShuffle && opts.Generator != nil && opts.Seed != nil {
		return nil, nil, newErr(ErrSeed, "Both `seed` and `generator` were provided. Please specify just one of them.")
	}
	nTrain, nTest, err := sizeRules{hf: true}.validate(n, opts.TestSize, opts.TrainSize, DefaultTrainTestTestSize)
	if err != nil {
		return nil, nil, err
	}
	if opts.NoShuffle {
		if !opts.Stratify.IsNone() {
			return nil, nil, newErr(ErrStratifyNoShuffle, "Stratified train/test split is not implemented for `shuffle=False`")
		}
		return arange(0, nTrain), arange(nTrain, nTrain+nTest), nil
	}
	g, err := opts.generator()
	if err != nil {
		return nil, nil, err
	}
	if opts.Stratify.IsNone() {
		perm := g.Permutation(n)
		return perm[nTest : nTest+nTrain : nTest+nTrain], perm[:nTest:nTest], nil
	}
	y := opts.Stratify
	if y.Len() != n {
		return nil, nil, inconsistent(n, y.Len())
	}
	members, counts := classMembers(y.codes, y.k)
	if err := checkStratifiedCounts(counts, nTrain, nTest); err != nil {
		if e, ok := err.(*Error); ok && e.Err == ErrClassTooSmall {
			return nil, nil, newErr(ErrClassTooSmall, "The least populated class in %s column has only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.", opts.StratifyColumn)
		}
		return nil, nil, err
	}
	train, test = stratifiedShuffleOnce(members, counts, nTrain, nTest, g, continuousMultiplyFirst, generatorChoose(g))
	return train, test, nil
}

// generatorChoose is Generator.choice(m, size, replace=False) (shuffle=True).
func generatorChoose(g *rng.Generator) chooseFunc {
	return func(m, size int) []int {
		idx, err := g.ChoiceArray(m, size, false, nil, true)
		if err != nil {
			panic(fmt.Sprintf("split: Generator.Choice(%d, %d): %v", m, size, err))
		}
		return idx
	}
}
