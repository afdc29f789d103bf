package audit

// mtPrefixLen is how many first outputs of a freshly seeded MT19937 the
// fast path computes; a seed that survives that many draws continues on a
// full generator.
const mtPrefixLen = 8

// mtPrefix returns the first mtPrefixLen outputs of MT19937 seeded by
// init_genrand(seed) — numpy's RandomState(seed). The first refill's word k
// needs only the initial words k, k+1 and k+397, so this runs the seeding
// recurrence to word 397+mtPrefixLen and twists and tempers only the words
// returned: about 400 steps instead of 624 + 624.
func mtPrefix(seed uint32) (out [mtPrefixLen]uint32) {
	var lo [mtPrefixLen + 1]uint32
	x := seed
	lo[0] = x
	i := uint32(1)
	for ; i <= mtPrefixLen; i++ {
		x = 1812433253*(x^(x>>30)) + i
		lo[i] = x
	}
	for ; i < 397; i++ {
		x = 1812433253*(x^(x>>30)) + i
	}
	for j := 0; j < mtPrefixLen; j++ {
		x = 1812433253*(x^(x>>30)) + uint32(397+j)
		y := lo[j]&0x80000000 | lo[j+1]&0x7fffffff
		v := x ^ y>>1
		if y&1 != 0 {
			v ^= 0x9908b0df
		}
		out[j] = mtTemper(v)
	}
	return out
}

// mtPrefix4 is mtPrefix for four seeds at once: four independent
// recurrences interleave in the CPU's pipelines (the seeding recurrence is
// a chain of dependent multiplies, latency-bound when run alone).
func mtPrefix4(seeds [4]uint32) (out [4][mtPrefixLen]uint32) {
	var lo [4][mtPrefixLen + 1]uint32
	a, b, c, d := seeds[0], seeds[1], seeds[2], seeds[3]
	lo[0][0], lo[1][0], lo[2][0], lo[3][0] = a, b, c, d
	i := uint32(1)
	for ; i <= mtPrefixLen; i++ {
		a = 1812433253*(a^(a>>30)) + i
		b = 1812433253*(b^(b>>30)) + i
		c = 1812433253*(c^(c>>30)) + i
		d = 1812433253*(d^(d>>30)) + i
		lo[0][i], lo[1][i], lo[2][i], lo[3][i] = a, b, c, d
	}
	for ; i < 397; i++ {
		a = 1812433253*(a^(a>>30)) + i
		b = 1812433253*(b^(b>>30)) + i
		c = 1812433253*(c^(c>>30)) + i
		d = 1812433253*(d^(d>>30)) + i
	}
	for j := 0; j < mtPrefixLen; j++ {
		i := uint32(397 + j)
		a = 1812433253*(a^(a>>30)) + i
		b = 1812433253*(b^(b>>30)) + i
		c = 1812433253*(c^(c>>30)) + i
		d = 1812433253*(d^(d>>30)) + i
		for s, x := range [4]uint32{a, b, c, d} {
			y := lo[s][j]&0x80000000 | lo[s][j+1]&0x7fffffff
			v := x ^ y>>1
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			out[s][j] = mtTemper(v)
		}
	}
	return out
}

// mtTemper is MT19937's output tempering.
func mtTemper(y uint32) uint32 {
	y ^= y >> 11
	y ^= y << 7 & 0x9d2c5680
	y ^= y << 15 & 0xefc60000
	y ^= y >> 18
	return y
}
