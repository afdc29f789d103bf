package audit

import (
	"math/rand/v2"
	"testing"

	"github.com/splitter-dev/splitter/rng"
)

func TestPCGFast(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	seeds := []uint64{0, 1, 2, 42, 1 << 20, 1<<32 - 1, 1 << 32, 1<<64 - 1}
	for i := 0; i < 200; i++ {
		seeds = append(seeds, r.Uint64()>>(r.IntN(64)))
	}
	for _, s := range seeds {
		want := rng.DefaultRNG(s).BitGenerator()
		got := newPCGFast(s)
		for k := 0; k < 9; k++ {
			if g, w := got.Uint32(), want.Uint32(); g != w {
				t.Fatalf("seed %d word %d: got %d, want %d", s, k, g, w)
			}
		}
	}
}
