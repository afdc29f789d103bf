// Package unique numbers the distinct values of a column in sorted order,
// as numpy.unique(keys, return_inverse=True) and pandas' sorted groupby
// keys do: the one place scikit-learn's labels (split) and pandas' groups
// (sample) are coded.
package unique

import "slices"

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
// sorted with its row instead and ranked in one pass (byRows).
func Inverse[K comparable](keys []K, present func(int) bool, compare func(a, b K) int) (codes []int, k int) {
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
				return byRows(keys, present, compare, codes)
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
	slices.SortFunc(sorted, func(a, b keyID[K]) int { return compare(a.key, b.key) })
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
func byRows[K comparable](keys []K, present func(int) bool, compare func(a, b K) int, codes []int) ([]int, int) {
	sorted := make([]keyID[K], 0, len(keys))
	for i, key := range keys {
		if present != nil && !present(i) {
			codes[i] = -1
			continue
		}
		sorted = append(sorted, keyID[K]{key, i})
	}
	slices.SortFunc(sorted, func(a, b keyID[K]) int { return compare(a.key, b.key) })
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

// keyID is a value and an id: a provisional id of a distinct value, or a
// row.
type keyID[K any] struct {
	key K
	id  int
}
