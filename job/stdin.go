package job

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/table"
)

// ErrFormatNotStdin reports a recipe Format on an input other than
// standard input (a file's format is its name's).
var ErrFormatNotStdin = errors.New("names the format of standard input (INPUT -) only")

// open opens the input as the recipe reads it; for "-", standard input
// (o.Stdin) and what it held.
func (o Options) open(ctx context.Context, r *recipe.Recipe) (table.Table, *table.Piped, error) {
	if o.Input != table.StdinPath {
		if r.Format != "" {
			return nil, nil, fmt.Errorf("--format %q: %w", r.Format, ErrFormatNotStdin)
		}
		t, err := table.Open(ctx, o.Input, r.ReadOptions())
		return t, nil, err
	}
	in := o.Stdin
	if in == nil {
		in = os.Stdin
	}
	return table.OpenStream(ctx, in, table.StdinName, r.Format, r.ReadOptions())
}

// python is the code the outputs equal, reading the input as it was read.
func (p *run) python(r *recipe.Recipe, rows int) string {
	if p.piped != nil {
		return r.PythonStdin(p.piped.Ext, rows)
	}
	if p.ds != nil {
		return r.PythonDataset(p.ds.kind, p.ds.given, p.ds.files[0], rows)
	}
	return r.Python(p.o.Input, rows)
}

// outputPath is where output name goes: for standard input, named by
// default, stdin.PART with the extensions of what it held
// (stdin.train.csv.bz2).
func (p *run) outputPath(name string) string {
	path := p.o.outputPath(name)
	if p.piped == nil || p.o.Output != "" || path == StdoutPath {
		return path
	}
	dir := p.o.OutDir
	if dir == "" {
		dir = "."
	}
	return filepath.Join(dir, stdinStem+"."+name+p.piped.Ext)
}
