//go:build !amd64 || purego

package audit

// mtPrefixBatch fills b with the first mtPrefixLen outputs of
// RandomState(seed+l) for l in [0, mtLanes) (seeds wrap at 2**32).
func mtPrefixBatch(seed uint32, b *mtBatch) { mtPrefixBatchGo(seed, b) }
