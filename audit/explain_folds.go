package audit

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/table"
)

// ExplainFolds finds which KFold made a fold column: folds[i] is the fold
// whose test part holds row i of t (0..K-1), as `splitter kfold` writes it
// and `for f, (_, test) in enumerate(cv.split(df)): fold[test] = f`
// computes it. It returns the recipes that give exactly these folds:
// KFold(K) when the folds are consecutive blocks, else KFold(K,
// shuffle=True, random_state=S) for the seeds S of opts' range (the
// lowest, or all with opts.All). Fold sizes KFold cannot give return
// none.
//
// KFold(shuffle=True) tests the rows permutation[start_k:end_k] in fold
// k, the permutation being RandomState(S).permutation(n) — the one
// train_test_split draws — so fold 0 is train_test_split's test part at
// test_size = len(fold 0), known by membership: Explain's fast seed search
// finds the candidates, and each is checked on every fold.
func ExplainFolds(ctx context.Context, t table.Table, folds []int, opts ExplainOptions) ([]*recipe.Recipe, error) {
	n := t.Len()
	k := slices.Max(append([]int{-1}, folds...)) + 1
	if n != len(folds) || k < 2 || !kfoldSizes(folds, k) {
		return nil, nil
	}
	want := make([]string, n)
	for i, f := range folds {
		want[i] = strconv.Itoa(f)
	}
	if blocks(folds) {
		return []*recipe.Recipe{{Call: recipe.KFold, Folds: k, NoShuffle: true}}, nil
	}
	var first, rest []int
	for i, f := range folds {
		if f == 0 {
			first = append(first, i)
		} else {
			rest = append(rest, i)
		}
	}
	eo := ExplainOptions{First: opts.First, Last: opts.Last, Kinds: []Kind{Sklearn}, Progress: opts.Progress}
	var found []*recipe.Recipe
	for {
		ms, err := Explain(ctx, MembershipPartition(n, rest, first), eo)
		if err != nil || len(ms) == 0 {
			return found, err
		}
		seed := ms[0].Seed
		r := &recipe.Recipe{Call: recipe.KFold, Folds: k, Seed: strconv.FormatUint(seed, 10)}
		res, err := r.Apply(ctx, t)
		if err != nil {
			return found, fmt.Errorf("KFold(%d) with seed %d: %w", k, seed, err)
		}
		if slices.Equal(res.FoldColumns[0].Values, want) {
			found = append(found, r)
			if !opts.All {
				return found, nil
			}
		}
		if seed >= opts.Last {
			return found, nil
		}
		eo.First = seed + 1
	}
}

// kfoldSizes reports whether the folds have KFold's sizes: n/k rows each,
// the first n%k one more.
func kfoldSizes(folds []int, k int) bool {
	sizes := make([]int, k)
	for _, f := range folds {
		if f < 0 {
			return false
		}
		sizes[f]++
	}
	n := len(folds)
	for f, s := range sizes {
		want := n / k
		if f < n%k {
			want++
		}
		if s != want {
			return false
		}
	}
	return true
}

// blocks reports whether the folds are consecutive blocks 0, 1, ...
// (KFold without shuffling).
func blocks(folds []int) bool {
	for i := 1; i < len(folds); i++ {
		if folds[i] != folds[i-1] && folds[i] != folds[i-1]+1 {
			return false
		}
	}
	return len(folds) == 0 || folds[0] == 0
}
