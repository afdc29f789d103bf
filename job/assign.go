package job

import (
	"context"
	"io"

	"github.com/splitter-dev/splitter/recipe"
)

// ErrAssignOutput reports an assignment file named neither FILE.parquet
// nor FILE.csv (recipe.ErrAssignOutput, re-exported).
var ErrAssignOutput = recipe.ErrAssignOutput

// planAssign replaces the run's outputs by its one assignment file.
func (p *run) planAssign(applied *recipe.Result) error {
	format, err := recipe.AssignFormat(p.o.Output)
	if err != nil {
		return err
	}
	a, err := p.res.Recipe.Assignment(applied)
	if err != nil {
		return err
	}
	write := func(ctx context.Context, w io.Writer) error { return a.Write(ctx, w, format) }
	p.kind = "assign"
	p.outs = []recipe.Output{{Name: "assign", Len: len(a.Part), Write: write}}
	p.res.Outputs = []File{{Name: "assign", Path: p.o.Output, Rows: len(a.Part)}}
	return nil
}
