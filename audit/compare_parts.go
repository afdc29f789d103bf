package audit

import (
	"context"
	"errors"
	"io"

	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/table"
)

// partsWriter is a table that writes several outputs at once, as a split
// run writes its parts (job.Run): an input of rows.SpillMin bytes or more
// in one shared pass, not one pass per part.
type partsWriter interface {
	WritePartsContext(ctx context.Context, ws []io.Writer, orders [][]int) error
}

// errInTurn reports that the parts are to be compared in turn (the one
// report compareOutput gives for each, in order).
var errInTurn = errors.New("compare the parts in turn")

// compareParts compares a split's parts with files as the split wrote
// them: all at once, each output into its Comparer. It returns the files'
// hashes when all match; the first part's difference when one differs;
// errInTurn when the parts are not a split's, when a file cannot be
// opened or read, or when a byte differs and ByValue may accept it: then
// the parts compared in turn give the exact report (which file fails
// first).
func compareParts(ctx context.Context, r *recipe.Recipe, t table.Table, res *recipe.Result, outs []recipe.Output, files []string, o RecipeCompareOptions) ([]string, error) {
	pw, ok := t.(partsWriter)
	if !ok || r.Command() != "split" || res.FoldColumns != nil || len(outs) < 2 {
		return nil, errInTurn
	}
	cs := make([]*Comparer, len(outs))
	cos := make([]CompareOptions, len(outs))
	defer func() {
		for _, c := range cs {
			if c != nil {
				c.Close()
			}
		}
	}()
	ws := make([]io.Writer, len(outs))
	orders := make([][]int, len(outs))
	for i, out := range outs {
		cos[i] = OutputOptions(r.ReadOptions(), files[i], o.Quote, o.AnyOrder)
		cos[i].Shards = o.Shards
		c, err := NewComparer(ctx, files[i], compareName(files, o, i), cos[i])
		if err != nil {
			return nil, errInTurn
		}
		// As a plain writer: a Parquet writer closes a sink it can close.
		cs[i], ws[i], orders[i] = c, struct{ io.Writer }{c}, out.Rows
	}
	if err := pw.WritePartsContext(ctx, ws, orders); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, errInTurn
	}
	sums := make([]string, len(outs))
	for i, c := range cs {
		d, sum, err := c.Finish()
		if err != nil {
			return nil, errInTurn
		}
		if !d.Equal() {
			if o.ByValue {
				return nil, errInTurn
			}
			return nil, differs("%s", d.Report(cos[i].Quote))
		}
		sums[i] = sum
	}
	return sums, nil
}

// compareName is how reports call files[i].
func compareName(files []string, o RecipeCompareOptions, i int) string {
	if o.Names != nil {
		return o.Names[i]
	}
	return SafeName(files[i])
}
