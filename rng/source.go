package rng

// Source is a source of uniformly distributed 64-bit values, in the spirit
// of math/rand/v2.Source. Every bit generator in this package is a Source.
type Source interface {
	Uint64() uint64
}

// BitGenerator is the interface numpy's bitgen_t exposes: 32- and 64-bit
// draws and the generator's own double. The samplers of RandomState and
// Generator are written against it, so they work on any bit generator
// exactly as numpy's do.
type BitGenerator interface {
	Source
	// Uint32 equals bitgen_t.next_uint32.
	Uint32() uint32
	// Float64 equals bitgen_t.next_double: a float64 in [0, 1).
	Float64() float64
}
