package rng

// RandomInterval equals numpy's random_interval(bitgen, max) on the
// generator's bit generator: the draw Generator.shuffle makes for each
// position, exported so that a seed search can run a shuffle lazily and
// stop early.
func (g *Generator) RandomInterval(max uint64) uint64 { return g.randomInterval(max) }
