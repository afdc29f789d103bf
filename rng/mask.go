package rng

import "math/bits"

// npMask is numpy's gen_mask for max > 0: the smallest all-ones value
// >= max (max|1 keeps the shift below 64 so the hot loops need no check;
// every caller handles max == 0 before asking for a mask). It serves the
// masked rejection of RandomState (randint, shuffle) and Generator
// (shuffle, permutation).
func npMask(max uint64) uint64 {
	return ^uint64(0) >> uint(bits.LeadingZeros64(max|1))
}
