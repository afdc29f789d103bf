// Package unique numbers the distinct values of a column in sorted order,
// as numpy.unique(keys, return_inverse=True) and pandas' sorted groupby
// keys do: the one place scikit-learn's labels (split) and pandas' groups
// (sample) are coded.
package unique

import (
	"cmp"
	"slices"
)

// manyDistinct is the count of distinct values from which Inverse stops
// hashing and sorts every key instead (ids, measurements: a map of a
// million entries costs more than sorting them).
const manyDistinct = 1 << 16

// Inverse returns, for each key, the rank of its value among the distinct
// present values sorted by compare (np.unique's return_inverse), and how
// many distinct values there are. A nil present means every key is
// present; a key not present (a missing value) gets -1. One map lookup per
// key (runs of equal keys skip it), then the distinct values are sorted
// and the provisional ids remapped through a slice; past manyDistinct
// distinct values (and a quarter of the keys), every present key is
// sorted with its row instead and ranked in one pass (byRows). Keys
// already in order (none missing) are ranked in one pass.
func Inverse[K comparable](keys []K, present func(int) bool, compare func(a, b K) int) (codes []int, k int) {
	return inverse(keys, present, compare, func(s []keyID[K]) {
		slices.SortFunc(s, func(a, b keyID[K]) int { return compare(a.key, b.key) })
	})
}

// InverseUint64 is Inverse of keys ordered as unsigned integers
// (cmp.Compare[uint64]; callers map their values to such keys), sorted by
// radix instead of by comparisons.
func InverseUint64(keys []uint64, present func(int) bool) (codes []int, k int) {
	return inverse(keys, present, cmp.Compare[uint64], radixSort)
}

// inverse is Inverse with sortIDs sorting values with their ids by
// compare.
func inverse[K comparable](keys []K, present func(int) bool, compare func(a, b K) int, sortIDs func([]keyID[K])) (codes []int, k int) {
	if present == nil && slices.IsSortedFunc(keys, compare) {
		return ranksInOrder(keys, compare)
	}
	id := make(map[K]int)
	var distinct []K
	codes = make([]int, len(keys))
	limit := max(manyDistinct, len(keys)/4)
	for i, key := range keys {
		if present != nil && !present(i) {
			codes[i] = -1
			continue
		}
		if i > 0 && codes[i-1] >= 0 && key == keys[i-1] {
			codes[i] = codes[i-1]
			continue
		}
		c, ok := id[key]
		if !ok {
			if len(distinct) == limit {
				return byRows(keys, present, compare, sortIDs, codes)
			}
			c = len(distinct)
			id[key] = c
			distinct = append(distinct, key)
		}
		codes[i] = c
	}
	// The distinct values sorted with their ids beside them (not ids
	// sorted by looking their values up: a cache miss a comparison).
	sorted := make([]keyID[K], len(distinct))
	for c, key := range distinct {
		sorted[c] = keyID[K]{key, c}
	}
	sortIDs(sorted)
	rank := make([]int, len(distinct))
	for r, p := range sorted {
		rank[p.id] = r
	}
	for i, c := range codes {
		if c >= 0 {
			codes[i] = rank[c]
		}
	}
	return codes, len(distinct)
}

// byRows is Inverse by sorting every present key with its row: the rank
// goes up where the sorted values change (compare != 0; equal keys
// compare 0). codes is filled in (its length is len(keys)).
func byRows[K comparable](keys []K, present func(int) bool, compare func(a, b K) int, sortIDs func([]keyID[K]), codes []int) ([]int, int) {
	sorted := make([]keyID[K], 0, len(keys))
	for i, key := range keys {
		if present != nil && !present(i) {
			codes[i] = -1
			continue
		}
		sorted = append(sorted, keyID[K]{key, i})
	}
	sortIDs(sorted)
	k := 0
	for j, p := range sorted {
		if j > 0 && compare(sorted[j-1].key, p.key) != 0 {
			k++
		}
		codes[p.id] = k
	}
	if len(sorted) > 0 {
		k++
	}
	return codes, k
}

// ranksInOrder is Inverse of keys already in order (row ids, dates): the
// rank goes up where the value changes.
func ranksInOrder[K comparable](keys []K, compare func(a, b K) int) ([]int, int) {
	codes := make([]int, len(keys))
	k := 0
	for i := range keys {
		if i > 0 && compare(keys[i-1], keys[i]) != 0 {
			k++
		}
		codes[i] = k
	}
	if len(keys) > 0 {
		k++
	}
	return codes, k
}

// keyID is a value and an id: a provisional id of a distinct value, or a
// row.
type keyID[K any] struct {
	key K
	id  int
}

// radixSort sorts s by key, least significant byte first (stable), one
// counting pass per byte in which the keys differ; keys already in order
// (row numbers, timestamps) are left as they are.
func radixSort(s []keyID[uint64]) {
	if slices.IsSortedFunc(s, func(a, b keyID[uint64]) int { return cmp.Compare(a.key, b.key) }) {
		return
	}
	var diff uint64 // the bits in which some key differs from the first
	for _, p := range s {
		diff |= p.key ^ s[0].key
	}
	tmp := make([]keyID[uint64], len(s))
	src, dst := s, tmp
	for shift := uint(0); shift < 64; shift += 8 {
		if diff>>shift&0xff == 0 {
			continue
		}
		var pos [256]int
		for _, p := range src {
			pos[p.key>>shift&0xff]++
		}
		at := 0
		for b, c := range pos {
			pos[b] = at
			at += c
		}
		for _, p := range src {
			b := p.key >> shift & 0xff
			dst[pos[b]] = p
			pos[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &s[0] {
		copy(s, src)
	}
}
