package audit

import (
	"testing"

	"github.com/splitter-dev/splitter/rng"
)

func TestMTPrefix(t *testing.T) {
	seeds := []uint32{0, 1, 2, 5489, 101, 1 << 31, 0xffffffff, 123456789}
	for _, s := range seeds {
		m := rng.NewMT19937(s)
		got := mtPrefix(s)
		for j, g := range got {
			if w := m.Uint32(); g != w {
				t.Fatalf("seed %d word %d: got %d, want %d", s, j, g, w)
			}
		}
	}
	for k := 0; k+4 <= len(seeds); k += 4 {
		got := mtPrefix4([4]uint32(seeds[k : k+4]))
		for l := 0; l < 4; l++ {
			if got[l] != mtPrefix(seeds[k+l]) {
				t.Fatalf("mtPrefix4 seed %d differs", seeds[k+l])
			}
		}
	}
}

func BenchmarkMTPrefix(b *testing.B) {
	var sink uint32
	for i := 0; i < b.N; i++ {
		sink ^= mtPrefix(uint32(i))[0]
	}
	_ = sink
}

func BenchmarkMTPrefix4(b *testing.B) {
	var sink uint32
	for i := 0; i < b.N; i += 4 {
		s := uint32(i)
		sink ^= mtPrefix4([4]uint32{s, s + 1, s + 2, s + 3})[0][0]
	}
	_ = sink
}

func TestMTPrefixBatch(t *testing.T) {
	for i, s := range []uint32{0, 1, 5489, 1 << 31, 0xffffffff - 10, 123456789} {
		max := []uint32{1, 9999, 5, 0x7fffffff, 0xfffffffe, 2}[i]
		mask := intervalMask(max)
		var b, g mtBatch
		mtPrefixBatch(s, max, &b)
		mtPrefixBatchGo(s, max, &g)
		for l := 0; l < mtLanes; l++ {
			want := mtPrefix(s + uint32(l))
			if b.column(l) != want || g.column(l) != want {
				t.Fatalf("seed %d lane %d: got %v and %v, want %v", s, l, b.column(l), g.column(l), want)
			}
			first := uint32(mtNoDraw)
			for _, w := range want {
				if w&mask <= max {
					first = w & mask
					break
				}
			}
			if b.first[l] != first || g.first[l] != first {
				t.Fatalf("seed %d lane %d max %d: first draw %d and %d, want %d", s, l, max, b.first[l], g.first[l], first)
			}
		}
	}
}

func BenchmarkMTPrefixBatch(b *testing.B) {
	var m mtBatch
	for i := 0; i < b.N; i += mtLanes {
		mtPrefixBatch(uint32(i), 9999, &m)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "seeds/s")
}
