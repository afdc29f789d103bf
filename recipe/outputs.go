package recipe

import (
	"context"
	"io"

	"github.com/splitter-dev/splitter/table"
)

// Output is one file a recipe's run writes: its name (a part's, or
// "folds" for the fold column file), its rows and how to write them.
type Output struct {
	Name string
	// Rows are the table positions it holds, in order (nil for every row
	// in input order, as the fold column file holds them).
	Rows []int
	// Len is its number of rows.
	Len int
	// Write writes it: the header and its rows, byte for byte.
	Write func(ctx context.Context, w io.Writer) error
	// Shard is its number among the Of files its output is written as
	// (--shards, --max-rows-per-file); Of is 0 for an unsharded output.
	Shard, Of int
}

// Outputs lists the files of res on t, in the order a run writes them:
// a split's parts, shuffle's or sample's rows, kfold's fold column files
// (df with the fold appended; one per repetition) followed by each fold's
// train and test parts when FoldFiles. A sharded recipe's outputs are
// each expanded into their shards, in order.
func (res *Result) Outputs(t table.Table) []Output {
	var outs []Output
	r := &res.recipe
	for _, c := range res.FoldColumns {
		outs = append(outs, r.shard(Output{Name: c.Name, Len: t.Len(), Write: func(_ context.Context, w io.Writer) error {
			return t.WriteWithFolds(w, "fold", c.Folds)
		}}, columnRange(t, c))...)
	}
	for _, p := range res.Parts {
		outs = append(outs, r.shard(Output{Name: p.Name, Rows: p.Rows, Len: len(p.Rows), Write: func(ctx context.Context, w io.Writer) error {
			return t.WriteRowsContext(ctx, w, p.Rows)
		}}, partRange(t, p.Rows))...)
	}
	return outs
}
