package rng

// TorchRandpermLargeN is the n from which torch releases of 2025 and later
// (pytorch PR #143682) switch torch.randperm on the CPU to 64-bit draws:
// n >= 2**32-1 / 20. torch 1.13 has no such switch.
const TorchRandpermLargeN = (1<<32 - 1) / 20

// Randperm equals torch.randperm(n, generator=g).tolist() on the CPU in
// torch 1.13, for every n and every dtype (the dtype changes only how the
// values are stored, never the draws). It panics if n < 0, where torch
// raises "Trying to create tensor with negative dimension".
//
// torch runs a forward Fisher–Yates shuffle of 0..n-1: for i = 0, 1, …,
// n-2 it swaps r[i] with r[i + random() % (n-i)], where random() is one
// 32-bit MT19937 output and % is a plain modulo without rejection. n-1
// draws in all (none for n <= 1). torch 1.13 uses this algorithm even for
// n >= TorchRandpermLargeN (checked at n = 214748364); see RandpermLarge
// for later releases.
func (g *TorchGenerator) Randperm(n int) []int {
	if n < 0 {
		panic("rng: TorchGenerator.Randperm: n must be non-negative")
	}
	r := make([]int, n)
	for i := range r {
		r[i] = i
	}
	torchShuffleForward(g, r)
	return r
}

// RandpermLarge equals torch.randperm(n, generator=g) on the CPU in the
// torch releases that contain pytorch PR #143682 (merged January 2025).
// For n < TorchRandpermLargeN it is Randperm; from there on torch builds
// the permutation "inside out" with 64-bit draws: for i = 0 .. n-1,
// z = random64() % (i+1), r[i] = r[z], r[z] = i. Written from the torch
// source; not checked against a live torch (the oracle is torch 1.13).
func (g *TorchGenerator) RandpermLarge(n int) []int {
	if n < 0 {
		panic("rng: TorchGenerator.RandpermLarge: n must be non-negative")
	}
	r := make([]int, n)
	if n < TorchRandpermLargeN {
		for i := range r {
			r[i] = i
		}
		torchShuffleForward(g, r)
		return r
	}
	torchInsideOut(g, r)
	return r
}

// torchShuffleForward is torch's randperm_cpu loop for small n, applied to
// whatever r holds.
func torchShuffleForward[T int | int32 | int64](g *TorchGenerator, r []T) {
	n := len(r)
	i := 0
	// While n-i needs more than 32 bits the draw is always smaller than
	// the bound: z is the draw itself.
	for ; i < n-1 && uint64(n-i) >= 1<<32; i++ {
		z := int(g.mt.Uint32())
		r[i], r[i+z] = r[i+z], r[i]
	}
	// The draws do not depend on r: a block of offsets is drawn ahead of
	// its swaps, so that the swaps' cache misses overlap instead of
	// queueing behind the generator. Same draws, same swaps, same order.
	var zs [torchBlock]uint32
	for i < n-1 {
		m := min(torchBlock, n-1-i)
		for b := range m {
			zs[b] = g.mt.Uint32() % uint32(n-i-b)
		}
		for b := range m {
			z := i + b + int(zs[b])
			r[i+b], r[z] = r[z], r[i+b]
		}
		i += m
	}
}

const torchBlock = 256

// torchInsideOut is the large-n loop of randperm_cpu since PR #143682; it
// overwrites r with a permutation of 0..len(r)-1.
func torchInsideOut[T int | int32 | int64](g *TorchGenerator, r []T) {
	for i := range r {
		z := g.mt.Uint64() % uint64(i+1)
		r[i] = r[z]
		r[z] = T(i)
	}
}
