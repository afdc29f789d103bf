//go:build !amd64 || purego

package audit

// mtPrefixBatch fills b for seeds seed+l, l in [0, mtLanes) (wrapping at
// 2**32), and random_interval(max).
func mtPrefixBatch(seed, max uint32, b *mtBatch) { mtPrefixBatchGo(seed, max, b) }
