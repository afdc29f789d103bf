package sample

import (
	"cmp"
	"fmt"
	"math"
	"slices"
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
	return groupsBy(len(codes), func(i int) bool { return codes[i] >= 0 },
		func(i, j int) int { return cmp.Compare(codes[i], codes[j]) })
}

// GroupsInt64 equals df.groupby(col) on an int64 column.
func GroupsInt64(keys []int64) Groups {
	return groupsBy(len(keys), func(int) bool { return true },
		func(i, j int) int { return cmp.Compare(keys[i], keys[j]) })
}

// GroupsFloat64 equals df.groupby(col) on a float64 column: NaN rows are
// dropped (dropna=True) and 0.0 and -0.0 form one group.
func GroupsFloat64(keys []float64) Groups {
	return groupsBy(len(keys), func(i int) bool { return !math.IsNaN(keys[i]) },
		func(i, j int) int {
			// cmp.Compare orders -0.0 and 0.0 as equal, as pandas' hash table does.
			return cmp.Compare(keys[i], keys[j])
		})
}

// GroupsBool equals df.groupby(col) on a bool column (False before True).
// valid marks present values; nil means all present. A missing value
// (an object column of True/False/NaN in pandas) drops the row.
func GroupsBool(keys []bool, valid []bool) Groups {
	b := func(x bool) int {
		if x {
			return 1
		}
		return 0
	}
	return groupsBy(len(keys), func(i int) bool { return valid == nil || valid[i] },
		func(i, j int) int { return cmp.Compare(b(keys[i]), b(keys[j])) })
}

// GroupsString equals df.groupby(col) on a column of strings (pandas'
// object dtype): keys sort by code point, as Python compares str. valid
// marks present values; nil means all present; missing values (NaN) drop
// the row.
func GroupsString(keys []string, valid []bool) Groups {
	return groupsBy(len(keys), func(i int) bool { return valid == nil || valid[i] },
		func(i, j int) int { return cmp.Compare(keys[i], keys[j]) })
}

// groupsBy sorts the present rows stably by key and cuts runs of equal
// keys into groups: sorted keys, ascending positions within a group.
func groupsBy(rows int, present func(int) bool, compare func(i, j int) int) Groups {
	order := make([]int, 0, rows)
	for i := range rows {
		if present(i) {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, compare)
	g := Groups{Rows: rows}
	for lo := 0; lo < len(order); {
		hi := lo + 1
		for hi < len(order) && compare(order[lo], order[hi]) == 0 {
			hi++
		}
		g.Members = append(g.Members, order[lo:hi:hi])
		lo = hi
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
