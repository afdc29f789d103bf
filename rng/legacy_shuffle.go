package rng

import (
	"math"
	"unsafe"

	"github.com/splitter-dev/splitter/internal/pages"
)

// Permutation equals RandomState.permutation(n) for an integer n:
// arange(n) shuffled by RandomState.shuffle. n <= 0 gives an empty slice
// (numpy returns an empty array for n = 0 and raises for n < 0; callers
// validate n).
func (r *RandomState) Permutation(n int) []int {
	if n <= 0 {
		return []int{}
	}
	p := make([]int, n)
	pages.Populate(p)
	if n <= math.MaxInt32 {
		// Shuffled as int32 in the first half of p's memory (half the
		// cache lines for the random swaps), then widened in place from
		// the back: p[k] overwrites int32 slots 2k and 2k+1, both >= k,
		// so each is read before it is written over.
		q := unsafe.Slice((*int32)(unsafe.Pointer(&p[0])), n)
		for i := range q {
			q[i] = int32(i)
		}
		legacyShuffleInts(r, q)
		for k := n - 1; k >= 0; k-- {
			p[k] = int(q[k])
		}
		return p
	}
	for i := range p {
		p[i] = i
	}
	legacyShuffleInts(r, p)
	return p
}

// Shuffle equals RandomState.shuffle(x) on a 1-D sequence (list or array)
// of length n: Fisher-Yates from the end, j = random_interval(i) for i =
// n-1 down to 1, calling swap(i, j) (j may equal i). On a 2-D array numpy
// swaps whole rows with the same draws, so Shuffle(len(rows), ...) covers it.
func (r *RandomState) Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		swap(i, int(r.RandomInterval(uint64(i))))
	}
}

// LegacyShuffleSlice equals RandomState.shuffle(s) for a 1-D list or
// array: s is shuffled in place.
func LegacyShuffleSlice[T any](r *RandomState, s []T) {
	for i := len(s) - 1; i > 0; i-- {
		j := r.RandomInterval(uint64(i))
		s[i], s[j] = s[j], s[i]
	}
}

// LegacyPermuteSlice equals RandomState.permutation(s) for a 1-D array (or
// an n-D array whose rows are the elements of s): a shuffled copy; s is
// not modified.
func LegacyPermuteSlice[T any](r *RandomState, s []T) []T {
	c := make([]T, len(s))
	copy(c, s)
	if len(c) > 0 {
		if p, ok := any(c).([]int); ok {
			legacyShuffleInts(r, p)
			return c
		}
	}
	LegacyShuffleSlice(r, c)
	return c
}

// legacyShuffleInts is RandomState.shuffle on []int with the MT19937 draw
// and numpy's random_interval inlined: the mask is constant while i stays
// in (mask>>1, mask], so each segment runs a tight rejection loop. The
// indices j are drawn a block ahead of the swaps, so that the swaps'
// random memory accesses (the real cost for big n) overlap in the CPU.
func legacyShuffleInts[T int | int32](r *RandomState, a []T) {
	i := len(a) - 1
	for uint64(i) > 0xFFFFFFFF {
		j := r.RandomInterval(uint64(i))
		a[i], a[j] = a[j], a[i]
		i--
	}
	mt := &r.mt
	key := &mt.key
	pos := uint(mt.pos)
	var js [legacyShuffleBlock]uint32
	for i > 0 {
		mask := uint32(npMask(uint64(i)))
		stop := int(mask >> 1)
		for i > stop {
			// Draw j for i, i-1, ..., i-n+1 (all in this mask segment).
			n := min(i-stop, legacyShuffleBlock)
			// Without a branch on the rejection, which no predictor
			// learns: every draw is stored, and b moves on when it is
			// accepted (v <= i-b).
			for b := 0; b < n; {
				if pos >= mtN {
					mt.refill()
					pos = 0
				}
				v := mtTemper(key[pos]) & mask
				pos++
				js[b] = v
				b += int(1 + (int64(i-b)-int64(v))>>63)
			}
			blk := a[:i+1]
			for b, j := range js[:n] {
				k := i - b
				blk[k], blk[j] = blk[j], blk[k]
			}
			i -= n
		}
	}
	mt.pos = int(pos)
}

// legacyShuffleBlock is how many indices legacyShuffleInts draws ahead.
const legacyShuffleBlock = 256
