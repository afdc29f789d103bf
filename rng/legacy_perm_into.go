package rng

// PermutationInto fills p with RandomState.permutation(len(p)) — arange
// shuffled by RandomState.shuffle, the same draws as Permutation — without
// allocating: for loops that draw many permutations (a seed search).
func (r *RandomState) PermutationInto(p []int32) {
	for i := range p {
		p[i] = int32(i)
	}
	if len(p) > 1 {
		legacyShuffleInts(r, p)
	}
}
