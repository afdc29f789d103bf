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
}

// Outputs lists the files of res on t, in the order a run writes them:
// a split's parts, shuffle's or sample's rows, kfold's fold column files
// (df with the fold appended; one per repetition) followed by each fold's
// train and test parts when FoldFiles.
func (res *Result) Outputs(t table.Table) []Output {
	var outs []Output
	for _, c := range res.FoldColumns {
		outs = append(outs, Output{Name: c.Name, Len: t.Len(), Write: func(_ context.Context, w io.Writer) error {
			return t.WriteWithColumn(w, "fold", c.Values)
		}})
	}
	for _, p := range res.Parts {
		outs = append(outs, Output{Name: p.Name, Rows: p.Rows, Len: len(p.Rows), Write: func(ctx context.Context, w io.Writer) error {
			return t.WriteRowsContext(ctx, w, p.Rows)
		}})
	}
	return outs
}
