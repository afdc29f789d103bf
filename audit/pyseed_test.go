package audit

import (
	"math/big"
	"testing"

	"github.com/splitter-dev/splitter/rng"
)

// TestPyBatch: the batched seeding gives random.seed(s)'s first outputs
// as rng.PyRandom does, for one- and two-word keys and across 2**32.
func TestPyBatch(t *testing.T) {
	s0 := pySeedBase()
	var b pyBatch
	for _, base := range []uint64{0, 12345, 1<<32 - 3, 1<<40 + 7, 1<<64 - pyLanes} {
		b.seed(base, s0)
		for l := range pyLanes {
			want := rng.NewPyRandom(new(big.Int).SetUint64(base + uint64(l)))
			lane := pyLane{b: &b, l: l, seed: base + uint64(l)}
			for k := range 700 {
				if got, w := lane.Uint32(), want.Uint32(); got != w {
					t.Fatalf("seed %d output %d: %#x, want %#x", base+uint64(l), k, got, w)
				}
			}
		}
	}
}
