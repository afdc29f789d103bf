//go:build !purego

package audit

import "golang.org/x/sys/cpu"

// mtPrefixAVX512 is mtPrefixBatch on AVX-512: eight chains of 16 lanes run
// the seeding recurrence side by side (mtbatch_amd64.s).
//
//go:noescape
func mtPrefixAVX512(seed uint32, b *mtBatch)

// mtPrefixBatch fills b with the first mtPrefixLen outputs of
// RandomState(seed+l) for l in [0, mtLanes) (seeds wrap at 2**32).
func mtPrefixBatch(seed uint32, b *mtBatch) {
	if cpu.X86.HasAVX512F {
		mtPrefixAVX512(seed, b)
		return
	}
	mtPrefixBatchGo(seed, b)
}
