//go:build !purego

package audit

import "golang.org/x/sys/cpu"

// mtPrefixAVX512 is mtPrefixBatch on AVX-512: eight chains of 16 lanes run
// the seeding recurrence side by side (mtbatch_amd64.s).
//
//go:noescape
func mtPrefixAVX512(seed, mask, max uint32, b *mtBatch)

// mtPrefixBatch fills b for seeds seed+l, l in [0, mtLanes) (wrapping at
// 2**32), and random_interval(max) with mask = intervalMask(max).
func mtPrefixBatch(seed, max uint32, b *mtBatch) {
	if cpu.X86.HasAVX512F && cpu.X86.HasAVX512BW {
		mtPrefixAVX512(seed, intervalMask(max), max, b)
		return
	}
	mtPrefixBatchGo(seed, max, b)
}
