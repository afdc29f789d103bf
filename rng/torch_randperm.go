package rng

// torchRandpermSmallMax is the bound below which torch.randperm on the CPU
// draws 32-bit values: n < 2**32 / 20.
const torchRandpermSmallMax = (1 << 32) / 20

// Randperm equals torch.randperm(n, generator=g).tolist() on the CPU (any
// integer dtype: the values drawn do not depend on the dtype). It panics
// if n < 0, as torch raises "n must be non-negative".
//
// For n < 214748364 torch runs a forward Fisher–Yates shuffle: for i = 0,
// 1, …, n-2 it swaps r[i] with r[i + random() % (n-i)], one 32-bit draw
// each, modulo without rejection.
func (g *TorchGenerator) Randperm(n int) []int {
	if n < 0 {
		panic("rng: TorchGenerator.Randperm: n must be non-negative")
	}
	r := make([]int, n)
	for i := range r {
		r[i] = i
	}
	g.torchShuffleSmall(r)
	return r
}

func (g *TorchGenerator) torchShuffleSmall(r []int) {
	n := len(r)
	for i := 0; i < n-1; i++ {
		z := int(uint64(g.mt.Uint32()) % uint64(n-i))
		r[i], r[i+z] = r[i+z], r[i]
	}
}
