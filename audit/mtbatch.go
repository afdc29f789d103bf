package audit

// mtLanes is how many consecutive seeds mtPrefixBatch seeds at once.
const mtLanes = 128

// mtBatch is the first words of MT19937 for mtLanes consecutive seeds:
// out[k][l] is the k-th output (next_uint32) of RandomState(seed+l); lo
// holds the initial state words 0..mtPrefixLen the twist reads; first[l]
// is the value of lane l's first random_interval(max) (numpy's masked
// rejection on these words), or mtNoDraw when every word is rejected.
type mtBatch struct {
	lo    [mtPrefixLen + 1][mtLanes]uint32
	out   [mtPrefixLen][mtLanes]uint32
	first [mtLanes]uint32
}

// mtNoDraw marks a lane whose first mtPrefixLen words random_interval
// all rejects.
const mtNoDraw = 0xffffffff

// column returns the first words of lane l's stream.
func (b *mtBatch) column(l int) (w [mtPrefixLen]uint32) {
	for k := range w {
		w[k] = b.out[k][l]
	}
	return w
}

// mtPrefixBatchGo is mtPrefixBatch in portable Go, four seeds at a time.
func mtPrefixBatchGo(seed, max uint32, b *mtBatch) {
	mask := intervalMask(max)
	defer func() {
		for l := range mtLanes {
			b.first[l] = mtNoDraw
			for k := range mtPrefixLen {
				if v := b.out[k][l] & mask; v <= max {
					b.first[l] = v
					break
				}
			}
		}
	}()
	for l := 0; l < mtLanes; l += 4 {
		s := seed + uint32(l)
		words := mtPrefix4([4]uint32{s, s + 1, s + 2, s + 3})
		for i := range 4 {
			for k := range mtPrefixLen {
				b.out[k][l+i] = words[i][k]
			}
		}
	}
}
