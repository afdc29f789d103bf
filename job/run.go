package job

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"strings"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// ErrClobber reports an output or manifest that would replace the run's
// input or another of its files (rows.ErrClobber, re-exported).
var ErrClobber = rows.ErrClobber

// run is a run in progress: the input open, the recipe applied, the
// outputs planned.
type run struct {
	o     Options
	t     table.Table
	piped *table.Piped // what standard input held (input "-")
	ds    *dataset     // the files of a dataset input (else nil)
	files []audit.File // the manifest's entries of ds's files
	res   *Result
	outs  []recipe.Output
	set   *rows.Outputs
	input chan hashResult // the input's SHA-256, for the manifest
	// kind is the manifest's command ("" for the recipe's).
	kind string
}

type hashResult struct {
	sum string
	err error
}

// start opens the input, applies the recipe and plans every destination.
func start(ctx context.Context, r *recipe.Recipe, o Options) (*run, error) {
	if o.Input == "" && len(o.Inputs) > 0 {
		o.Input = o.Inputs[0]
	}
	mpath, err := o.manifestPath(r)
	if err != nil {
		return nil, err
	}
	ds, err := o.dataset()
	if err != nil {
		return nil, err
	}
	var t table.Table
	var piped *table.Piped
	if ds != nil {
		t, err = o.openDataset(ctx, r, ds)
	} else {
		t, piped, err = o.open(ctx, r)
	}
	if err != nil {
		return nil, err
	}
	p := &run{o: o, t: t, piped: piped, ds: ds, input: make(chan hashResult, 1)}
	if err := p.apply(ctx, r, mpath); err != nil {
		t.Close()
		return nil, err
	}
	return p, nil
}

// apply draws the seed, applies r and names the outputs.
func (p *run) apply(ctx context.Context, r *recipe.Recipe, mpath string) error {
	if p.piped != nil {
		p.input <- hashResult{sum: p.piped.SHA256} // hashed as it was read
	} else if p.ds != nil && mpath != "" && !p.o.DryRun {
		go func() {
			sums, sum, err := hashDataset(ctx, p.ds)
			if err == nil {
				p.files = datasetFiles(mpath, p.ds, sums, p.t)
			}
			p.input <- hashResult{sum, err}
		}()
	} else if mpath != "" && !p.o.DryRun {
		// Hashed once indexed: indexing keeps both cores busy, the
		// permutation that follows one.
		go func() {
			sum, err := audit.HashFileContext(ctx, p.o.Input)
			p.input <- hashResult{sum, err}
		}()
	}
	if err := r.DrawSeed(nil); err != nil {
		return err
	}
	res, err := r.Apply(ctx, p.t)
	if err != nil {
		return err
	}
	p.outs = res.Outputs(p.t)
	p.res = &Result{Recipe: r, Input: p.o.Input, Rows: res.Rows, Python: p.python(r, res.Rows), Warnings: res.Warnings, ManifestPath: mpath, Piped: p.piped}
	found := p.o.StdoutPart == ""
	for _, out := range p.outs {
		path := p.outputPath(out.Name)
		if out.Of > 0 {
			if path == StdoutPath {
				return fmt.Errorf("--shards or --max-rows-per-file with standard output: %w", recipe.ErrFlagCombination)
			}
			path = ShardPath(path, out.Shard, out.Of)
		}
		p.res.Outputs = append(p.res.Outputs, File{Name: out.Name, Path: path, Rows: out.Len, Order: out.Rows})
		found = found || out.Name == p.o.StdoutPart
	}
	if !found {
		names := make([]string, len(p.outs))
		for i, out := range p.outs {
			names[i] = out.Name
		}
		return fmt.Errorf("%w: %q (the outputs: %s)", ErrNoPart, p.o.StdoutPart, strings.Join(names, ", "))
	}
	if p.o.Assign {
		return p.planAssign(res)
	}
	return nil
}

// manifestPath is where the manifest goes ("" for none).
func (o Options) manifestPath(r *recipe.Recipe) (string, error) {
	switch {
	case o.NoManifest && o.Manifest != "":
		return "", fmt.Errorf("a manifest path with no manifest: %w", recipe.ErrFlagCombination)
	case o.NoManifest, o.Assign && o.Manifest == "":
		return "", nil
	case o.Manifest != "":
		return o.Manifest, nil
	case o.Output == StdoutPath, o.StdoutPart != "":
		return "", nil
	case o.Output != "":
		return ManifestPath(o.Output, "", r.Command()), nil
	}
	return ManifestPath(o.namePath(), o.OutDir, r.Command()), nil
}

// ErrNoPart reports a StdoutPart the recipe does not write.
var ErrNoPart = errors.New("no such output")

// outputPath is where output name goes.
func (o Options) outputPath(name string) string {
	if name == o.StdoutPart {
		return StdoutPath
	}
	if o.Output != "" {
		return o.Output
	}
	return OutputPath(o.namePath(), o.OutDir, name)
}

func (p *run) close() { p.t.Close() }

// run plans, writes and commits.
func (p *run) run(ctx context.Context) (*Result, error) {
	p.set = rows.NewOutputs(ctx)
	if err := p.plan(); err != nil {
		p.set.Abort()
		return nil, err
	}
	if p.o.Inspect != nil {
		if err := p.o.Inspect(p.res, p.t); err != nil {
			p.set.Abort()
			return nil, err
		}
	}
	if p.o.DryRun {
		p.set.Abort()
		return p.res, nil
	}
	if err := p.write(ctx); err != nil {
		p.set.Abort()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	commit := p.o.Commit
	if commit == nil {
		commit = func(set *rows.Outputs) error { return set.Commit() }
	}
	if err := commit(p.set); err != nil {
		return nil, err
	}
	return p.res, nil
}

// plan protects the input and plans every destination: nothing is written
// unless every one is safe to replace (none is the input, another output
// or the manifest, none is a directory or device, every folder can be
// made).
func (p *run) plan() error {
	if p.piped == nil { // standard input is no file to protect
		if err := p.set.Protect(p.inputFiles()...); err != nil {
			return err
		}
	}
	var paths []string
	for _, f := range p.res.Outputs {
		if f.Path != StdoutPath {
			paths = append(paths, f.Path)
		}
	}
	if err := p.set.Plan(paths...); err != nil {
		return planErr("output", err)
	}
	if m := p.res.ManifestPath; m != "" {
		if err := p.set.Plan(m); err != nil {
			return planErr("the manifest", err)
		}
	}
	return nil
}

// planErr says which file of the run a clobber error is about:
// "output data.csv would replace the input data.csv".
func planErr(what string, err error) error {
	if errors.Is(err, rows.ErrClobber) {
		return fmt.Errorf("%s %w", what, err)
	}
	return err
}

// write stages every output (hashing it for the manifest), then the
// manifest, and checks that the input did not change meanwhile.
func (p *run) write(ctx context.Context) error {
	wrap, done := func(w io.Writer) io.Writer { return w }, func() {}
	if p.o.Progress != nil {
		wrap, done = p.o.Progress(p.res)
	}
	defer done()
	dsts := make([]io.Writer, len(p.outs))
	sums := make([]hash.Hash, len(p.outs))
	var stdout *bufio.Writer
	for i, f := range p.res.Outputs {
		var w io.Writer
		if f.Path == StdoutPath {
			if p.o.Stdout == nil {
				return errors.New("an output to standard output, and no Stdout")
			}
			stdout = bufio.NewWriterSize(p.o.Stdout, 1<<20)
			w = stdout
		} else {
			var err error
			if w, err = p.set.Create(f.Path); err != nil {
				return fmt.Errorf("writing %s: %w", f.Path, err)
			}
		}
		sums[i] = sha256.New()
		// As a plain writer: a Parquet writer closes a sink it can close.
		dsts[i] = struct{ io.Writer }{wrap(w)}
		if p.res.ManifestPath != "" {
			// Hashed only for a manifest: hashing is a fifth of a
			// split's CPU.
			dsts[i] = io.MultiWriter(dsts[i], sums[i])
		}
	}
	if err := p.writeOutputs(ctx, dsts); err != nil {
		return err
	}
	if stdout != nil {
		if err := stdout.Flush(); err != nil {
			return fmt.Errorf("writing standard output: %w", err)
		}
	}
	if p.res.ManifestPath != "" {
		if err := p.writeManifest(sums); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// The outputs were cut from the input as it was when indexed: if it
	// was replaced or rewritten since, they are not its rows.
	if u, ok := p.t.(interface{ Unchanged() error }); ok {
		return u.Unchanged()
	}
	return nil
}

// writeOutputs writes every output to its writer: a split's parts of a
// text input together (a large input in one pass), else in turn.
func (p *run) writeOutputs(ctx context.Context, dsts []io.Writer) error {
	if ix, ok := p.t.(partsWriter); ok && p.res.Recipe.Command() == "split" && !p.o.Assign {
		orders := make([][]int, len(p.outs))
		for i, o := range p.outs {
			orders[i] = o.Rows
		}
		if err := ix.WritePartsContext(ctx, dsts, orders); err != nil {
			return fmt.Errorf("writing %s: %w", p.outputNames(), err)
		}
		return nil
	}
	for i, o := range p.outs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := o.Write(ctx, dsts[i]); err != nil {
			return fmt.Errorf("writing %s: %w", p.res.Outputs[i].Path, err)
		}
	}
	return nil
}

// partsWriter is a table that writes several outputs at once (a file's
// rows.Index, a dataset's table.Dataset).
type partsWriter interface {
	WritePartsContext(ctx context.Context, ws []io.Writer, orders [][]int) error
}

// outputNames lists the outputs' paths for an error about all of them.
func (p *run) outputNames() string {
	s := ""
	for i, f := range p.res.Outputs {
		if i > 0 {
			s += ", "
		}
		s += f.Path
	}
	return s
}

// hexSum is the hex of h's sum.
func hexSum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }
