package audit

// mtLanes is how many consecutive seeds mtPrefixBatch seeds at once.
const mtLanes = 128

// mtBatch is the first words of MT19937 for mtLanes consecutive seeds:
// out[k][l] is the k-th output (next_uint32) of RandomState(seed+l); lo
// holds the initial state words 0..mtPrefixLen the twist reads.
type mtBatch struct {
	lo  [mtPrefixLen + 1][mtLanes]uint32
	out [mtPrefixLen][mtLanes]uint32
}

// column returns the first words of lane l's stream.
func (b *mtBatch) column(l int) (w [mtPrefixLen]uint32) {
	for k := range w {
		w[k] = b.out[k][l]
	}
	return w
}

// mtPrefixBatchGo is mtPrefixBatch in portable Go, four seeds at a time.
func mtPrefixBatchGo(seed uint32, b *mtBatch) {
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
