// Package job runs a recipe on a file, as the splitter command does: it
// opens the input as pandas reads it, applies the recipe, and writes every
// output and the manifest atomically — all of them or none (temporary
// files renamed into place, the manifest last), never replacing the input
// or one another. VerifyManifest in package audit checks such a run
// later.
//
//	r, _ := recipe.Parse("split", recipe.ArgMap{"seed": "7", "test": "0.2", "stratify": "label"})
//	res, err := job.Run(ctx, r, job.Options{Input: "data.csv"})
//	// data.train.csv, data.test.csv and data.split.json are written.
package job

import (
	"context"
	"io"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// Options say where a run reads and writes.
type Options struct {
	// Input is the file to read (CSV, TSV, JSON Lines, Parquet;
	// compressed or not); "-" reads Stdin (table.OpenStream, in the
	// recipe's Format or sniffed): the outputs are then stdin.PART.EXT
	// in OutDir (default: the current folder), EXT what it held.
	Input string
	// Inputs, when set, are INPUT as several arguments; Input is then
	// their first. Several files, a directory or a glob (table.Files)
	// are one dataset, read as table.OpenDataset reads it: STEM is the
	// directory's name (a glob's or list's first file's stem), the
	// default OutDir a directory's parent, and the manifest lists every
	// file with its SHA-256.
	Inputs []string
	// Stdin is read for Input "-" (default os.Stdin).
	Stdin io.Reader
	// OutDir is the folder of the outputs (default: the input's).
	OutDir string
	// Output is the one file of a shuffle or sample recipe; "-" sends it
	// to Stdout (with no manifest unless Manifest is set).
	Output string
	// StdoutPart names the output of a split or kfold recipe that goes to
	// Stdout instead of a file ("train", "test", "folds", ...); the run
	// then writes no manifest unless Manifest is set.
	StdoutPart string
	// Assign writes, instead of the recipe's outputs, the one file Output
	// (FILE.parquet or FILE.csv): every input row's part and position
	// (recipe.Assignment), columns row, part, position. No manifest
	// unless Manifest is set.
	Assign bool
	// Manifest is where the manifest goes (default: STEM.KIND.json
	// beside the outputs); NoManifest writes none.
	Manifest   string
	NoManifest bool
	// DryRun plans the run (every check, the outputs' rows) and writes
	// nothing.
	DryRun bool
	// Stdout receives an output named "-".
	Stdout io.Writer
	// Splitter is the version a manifest records (default "(library)").
	Splitter string
	// Progress, when set, is called once the outputs are known; each
	// output's writer is passed through wrap, and done is called at the
	// end.
	Progress func(res *Result) (wrap func(io.Writer) io.Writer, done func())
	// Inspect, when set, is called with the plan and the open input
	// before anything is written (also on a dry run); its error stops
	// the run.
	Inspect func(res *Result, t table.Table) error
	// Commit commits the staged files (default set.Commit); the CLI
	// commits under its interrupt guard.
	Commit func(set *rows.Outputs) error
}

// File is one output of a run.
type File struct {
	Name string
	Path string // "-" for standard output
	Rows int
	// Order is the input rows it holds, in order (nil: every row in input
	// order).
	Order []int
}

// Result is what a run did (or, for a dry run, would do).
type Result struct {
	Recipe *recipe.Recipe
	Input  string
	// Rows is the input's row count.
	Rows int
	// Python is the code the outputs equal (imports apart).
	Python   string
	Outputs  []File
	Warnings []string
	// ManifestPath is where the manifest went ("" for none); Manifest is
	// what it holds.
	ManifestPath string
	Manifest     *audit.Manifest
	// Piped is what standard input held, for Input "-" (else nil).
	Piped *table.Piped
}

// StdoutPath is the output name that means standard output.
const StdoutPath = "-"

// Run applies r (its seed drawn first when it has none) to the input and
// writes its outputs and manifest, all or nothing. On ctx's end nothing is
// left behind.
func Run(ctx context.Context, r *recipe.Recipe, o Options) (*Result, error) {
	p, err := start(ctx, r, o)
	if err != nil {
		return nil, err
	}
	defer p.close()
	return p.run(ctx)
}
