package sample

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/splitter-dev/splitter/internal/unique"
)

// Groups are the groups of a pandas groupby with the defaults sort=True,
// dropna=True: Members[g] holds the positions of group g's rows in
// ascending order, the groups in pandas' iteration order (sorted keys).
// Rows whose key is missing belong to no group.
type Groups struct {
	// Rows is the length of the grouped frame.
	Rows int
	// Members are the row positions of each group.
	Members [][]int
}

// GroupsCodes builds groups from integer codes, one per row: groups are
// ordered by code and a negative code (pandas' -1 for NaN) drops the row.
func GroupsCodes(codes []int) Groups {
	return GroupsByKey(codes, func(i int) bool { return codes[i] >= 0 }, cmp.Compare[int])
}

// GroupsInt64 equals df.groupby(col) on an int64 column.
func GroupsInt64(keys []int64) Groups {
	return GroupsByKey(keys, nil, cmp.Compare[int64])
}

// GroupsFloat64 equals df.groupby(col) on a float64 column: NaN rows are
// dropped (dropna=True) and 0.0 and -0.0 form one group.
func GroupsFloat64(keys []float64) Groups {
	norm := make([]float64, len(keys))
	for i, k := range keys {
		if k == 0 {
			k = 0 // -0.0 hashes and sorts with 0.0 in pandas
		}
		norm[i] = k
	}
	return GroupsByKey(norm, func(i int) bool { return !math.IsNaN(norm[i]) }, cmp.Compare[float64])
}

// GroupsBool equals df.groupby(col) on a bool column (False before True).
// valid marks present values; nil means all present. A missing value
// (an object column of True/False/NaN in pandas) drops the row.
func GroupsBool(keys []bool, valid []bool) Groups {
	codes := make([]int, len(keys))
	for i, k := range keys {
		switch {
		case valid != nil && !valid[i]:
			codes[i] = -1
		case k:
			codes[i] = 1
		}
	}
	return GroupsCodes(codes)
}

// GroupsString equals df.groupby(col) on a column of strings (pandas'
// object dtype): keys sort by code point, as Python compares str. valid
// marks present values; nil means all present; missing values (NaN) drop
// the row.
func GroupsString(keys []string, valid []bool) Groups {
	var present func(int) bool
	if valid != nil {
		present = func(i int) bool { return valid[i] }
	}
	return GroupsByKey(keys, present, strings.Compare)
}

// GroupsByKey equals df.groupby(col) (sort=True, dropna=True) on a column
// of any comparable key type ordered by compare: it numbers the distinct
// present keys, ranks them in sorted order and buckets the rows by rank
// (sorted keys, ascending positions within a group). A nil present means
// every row is present; a row not present (a missing key) is dropped.
func GroupsByKey[K comparable](keys []K, present func(int) bool, compare func(a, b K) int) Groups {
	codes, k := unique.Inverse(keys, present, compare)
	counts := make([]int, k+1)
	for _, c := range codes {
		if c >= 0 {
			counts[c+1]++
		}
	}
	for g := 1; g < len(counts); g++ {
		counts[g] += counts[g-1]
	}
	backing := make([]int, counts[k])
	fill := slices.Clone(counts[:k])
	for i, c := range codes {
		if c >= 0 {
			backing[fill[c]] = i
			fill[c]++
		}
	}
	g := Groups{Rows: len(keys), Members: make([][]int, k)}
	for r := range g.Members {
		g.Members[r] = backing[counts[r]:counts[r+1]:counts[r+1]]
	}
	if k == 0 {
		g.Members = nil
	}
	return g
}

// GroupBy equals df.groupby(key).sample(n, frac, replace, weights,
// random_state) with groups g: one generator runs through the groups in
// order, each drawing n rows (or round(frac*len(group))) among its own rows
// with its own weights normalised; the positions come back group after
// group as pandas returns them.
func GroupBy(g Groups, opt Options) ([]int, error) {
	size, err := processSize(opt)
	if err != nil {
		return nil, err
	}
	if size > maxSize {
		return nil, fmt.Errorf("sample: n=%d: %w", size, ErrSizeTooLarge)
	}
	var w []float64
	if opt.Weights != nil {
		if w, err = PreprocessWeights(opt.Weights, g.Rows); err != nil {
			return nil, err
		}
	}
	if opt.RandomState == nil {
		return nil, fmt.Errorf("sample: %w", ErrNoRandomState)
	}
	if len(g.Members) == 0 {
		return nil, fmt.Errorf("sample: groupby: %w", ErrNoGroups)
	}
	var out []int
	var gw []float64
	for _, members := range g.Members {
		k := size
		if k < 0 {
			if k, err = fracSize(*opt.Frac, len(members)); err != nil {
				return nil, err
			}
		}
		if w != nil {
			gw = gw[:0]
			for _, i := range members {
				gw = append(gw, w[i])
			}
		}
		pick, err := draw(len(members), k, opt.Replace, gw, opt.RandomState)
		if err != nil {
			return nil, err
		}
		if opt.FloatN && opt.N != nil {
			return nil, floatNErr(*opt.N)
		}
		for _, p := range pick {
			out = append(out, members[p])
		}
	}
	return out, nil
}
