package recipe

import (
	"context"
	"fmt"

	"github.com/splitter-dev/splitter/split"
	"github.com/splitter-dev/splitter/table"
)

// Part is one output of a recipe: its name (train, test, val, part0, a
// torch --names name, shuffle, sample, fold0.train, ...) and the table's
// row positions it holds, in Python's order.
type Part struct {
	Name string
	Rows []int
}

// Result is what a recipe gives on a table.
type Result struct {
	// Parts are the outputs in order (train, [val,] test for a split).
	Parts []Part
	// TestFolds, for a fold recipe, are each repetition's folds as a
	// column: TestFolds[rep][i] is the fold whose test part holds row i,
	// -1 when none does (time series); Folds builds split()'s folds from
	// them. FoldColumns are the fold column files: one ("folds"), or one
	// per repetition ("rep0.folds", ...) for the Repeated* calls, each
	// holding its repetition's TestFolds.
	TestFolds   [][]int
	FoldColumns []FoldColumn
	nFolds      int          // folds per repetition
	folds       []split.Fold // TimeSeriesSplit's (its train sets are not the test sets' complements)
	// Warnings are what Python would warn about (torch's empty parts,
	// numpy's unstable tie order).
	Warnings []string
	// Rows is len(df).
	Rows int
	// recipe is how the outputs are sharded (Shards, MaxRowsPerFile).
	recipe Recipe
}

// Folds returns a fold recipe's folds, every repetition's in turn: what
// split() yields (train and test indices ascending), built from
// TestFolds on each call.
func (res *Result) Folds() []split.Fold {
	if res.folds != nil {
		return res.folds
	}
	var out []split.Fold
	for _, assign := range res.TestFolds {
		out = append(out, split.FoldsOf(assign, res.nFolds)...)
	}
	return out
}

// Apply runs the recipe on t: the row positions of each output, in the
// order the Python call returns them. The recipe needs its seed (see
// DrawSeed) when Seeded.
func (r *Recipe) Apply(ctx context.Context, t table.Table) (*Result, error) {
	if r.Seeded() && r.Seed == "" {
		return nil, fmt.Errorf("recipe %s has no seed (call DrawSeed)", r.Call)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := &Result{Rows: t.Len(), recipe: Recipe{Call: r.Call, Shards: r.Shards, MaxRowsPerFile: r.MaxRowsPerFile}}
	var err error
	switch r.Command() {
	case "split":
		err = r.applySplit(t, res)
	case "kfold":
		err = r.applyKfold(t, res)
	case "shuffle":
		err = r.applyShuffle(t, res)
	case "sample":
		err = r.applySample(t, res)
	default:
		err = fmt.Errorf("recipe %s applies to no table (see Permutation)", r.Call)
	}
	if err == nil {
		err = r.checkShardCount(res)
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

// FoldColumn is a fold column file: its output name and each row's fold
// (-1 for a row no fold tests: TimeSeriesSplit's first rows). Folds is
// the repetition's Result.TestFolds, not a copy.
type FoldColumn struct {
	Name  string
	Folds []int
}

// take returns base[idx[0]], base[idx[1]], ...: row numbers of a subset.
func take(base, idx []int) []int {
	out := make([]int, len(idx))
	for i, j := range idx {
		out[i] = base[j]
	}
	return out
}
