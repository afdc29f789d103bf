package split

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"

	"github.com/splitter-dev/splitter/rng"
)

// RandomState is scikit-learn's random_state argument: None (the zero
// value), an int seed (Seed) or a shared numpy RandomState (Shared).
//
// scikit-learn's check_random_state turns an int into a fresh
// np.random.RandomState(seed) on every split() call, and passes a
// RandomState instance through as is, so its stream advances. None makes
// Python use numpy's global state; with no global state here, None draws a
// fresh RandomState seeded from the operating system instead (equally
// unreproducible). To reproduce np.random.seed(s) followed by calls with
// random_state=None, pass Shared(g) with g := rng.NewRandomState(s) to
// every call: numpy's global state is such a shared RandomState.
type RandomState struct {
	kind  rsKind
	seed  uint32
	state *rng.RandomState
}

type rsKind uint8

const (
	rsNone rsKind = iota
	rsSeed
	rsShared
)

// None is random_state=None, the zero RandomState.
var None = RandomState{}

// Seed is random_state=seed: an int, which numpy accepts from 0 to 2**32-1.
func Seed(seed uint32) RandomState { return RandomState{kind: rsSeed, seed: seed} }

// SeedInt is random_state=seed for any Python int: seeds outside
// 0..2**32-1 fail with numpy's ValueError text ("Seed must be between 0 and
// 2**32 - 1"), wrapped in ErrSeed.
func SeedInt(seed int64) (RandomState, error) {
	if seed < 0 || seed > 1<<32-1 {
		return None, newErr(ErrSeed, "Seed must be between 0 and 2**32 - 1")
	}
	return Seed(uint32(seed)), nil
}

// Shared is random_state=np.random.RandomState instance: the splitter
// draws from r and leaves it advanced, exactly as scikit-learn does.
func Shared(r *rng.RandomState) RandomState {
	if r == nil {
		return None
	}
	return RandomState{kind: rsShared, state: r}
}

// IsNone reports whether rs is random_state=None.
func (rs RandomState) IsNone() bool { return rs.kind == rsNone }

// String formats rs as Python's repr of the argument would be read.
func (rs RandomState) String() string {
	switch rs.kind {
	case rsSeed:
		return fmt.Sprint(rs.seed)
	case rsShared:
		return "RandomState(MT19937)"
	}
	return "None"
}

// check is sklearn.utils.check_random_state.
func (rs RandomState) check() *rng.RandomState {
	switch rs.kind {
	case rsSeed:
		return rng.NewRandomState(rs.seed)
	case rsShared:
		return rs.state
	}
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return rng.NewRandomState(binary.LittleEndian.Uint32(b[:]))
}
