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
	var b, g pyBatch
	for _, base := range []uint64{0, 12345, 1<<32 - 3, 1<<40 + 7, 1<<64 - pyLanes} {
		b.seed(base, s0)
		pyAddends(base, &g.add)
		pyInitGo(s0, &g.add, &g.mt)
		if b.mt != g.mt {
			t.Fatalf("base %d: pyInit and pyInitGo differ", base)
		}
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

// BenchmarkExplainPython10k: seeds per second for Python's
// random.shuffle split on a 10,000-row file (all cores): each seed costs
// init_by_array's 1,247 steps, run 64 seeds at a time.
func BenchmarkExplainPython10k(b *testing.B) { benchExplain(b, PythonShuffleSplit, 1<<20) }
