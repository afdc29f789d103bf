// Package unique numbers the distinct values of a column in sorted order,
// as numpy.unique(keys, return_inverse=True) and pandas' sorted groupby
// keys do: the one place scikit-learn's labels (split) and pandas' groups
// (sample) are coded.
package unique

import "slices"

// Inverse returns, for each key, the rank of its value among the distinct
// present values sorted by compare (np.unique's return_inverse), and how
// many distinct values there are. A nil present means every key is
// present; a key not present (a missing value) gets -1. One map lookup per
// key (runs of equal keys skip it), then the distinct values are sorted
// and the provisional ids remapped through a slice.
func Inverse[K comparable](keys []K, present func(int) bool, compare func(a, b K) int) (codes []int, k int) {
	id := make(map[K]int)
	var distinct []K
	codes = make([]int, len(keys))
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
			c = len(distinct)
			id[key] = c
			distinct = append(distinct, key)
		}
		codes[i] = c
	}
	order := make([]int, len(distinct))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return compare(distinct[a], distinct[b]) })
	rank := make([]int, len(distinct))
	for r, c := range order {
		rank[c] = r
	}
	for i, c := range codes {
		if c >= 0 {
			codes[i] = rank[c]
		}
	}
	return codes, len(distinct)
}
