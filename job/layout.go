package job

import (
	"fmt"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/table"
)

// Layout is what Run decides about a run before reading anything: the
// input's files, where each output and the manifest go, and what the
// manifest records of the input. An engine that reads the files on its
// own workers (the Beam pipeline, package splitbeam) names and records
// its run through it, so that it writes what Run writes. Its fields are
// plain data: it can be sent to a worker.
type Layout struct {
	// Dataset is set for several files, a directory or a glob
	// (table.IsDataset); Kind is then how INPUT named them.
	Dataset bool
	Kind    recipe.DatasetKind
	// Given is INPUT as given; Files its files in order (table.Files).
	Given []string
	Files []string
	// Base is the path outputs are named after; OutDir their folder
	// ("" for Base's).
	Base, OutDir string
	// Manifest is the manifest's path ("" for none); Splitter the
	// version it records.
	Manifest, Splitter string
}

// NewLayout lays out a run of r with o as Run would. Options that send an
// output to one named file or standard output (Output, StdoutPart,
// Assign, input "-") are refused: they are Run's alone.
func NewLayout(r *recipe.Recipe, o Options) (*Layout, error) {
	if o.Input == "" && len(o.Inputs) > 0 {
		o.Input = o.Inputs[0]
	}
	if o.Output != "" || o.StdoutPart != "" || o.Assign || o.Input == table.StdinPath {
		return nil, fmt.Errorf("an output file or standard input with a laid-out run: %w", recipe.ErrFlagCombination)
	}
	mpath, err := o.manifestPath(r)
	if err != nil {
		return nil, err
	}
	l := &Layout{Given: o.args(), Base: o.namePath(), OutDir: o.OutDir, Manifest: mpath, Splitter: o.Splitter}
	ds, err := o.dataset()
	if err != nil {
		return nil, err
	}
	if ds == nil {
		l.Files = []string{o.Input}
		return l, nil
	}
	l.Dataset, l.Kind, l.Files = true, ds.kind, ds.files
	return l, nil
}

// OutputPath is where output out goes (its shard's name when sharded).
func (l *Layout) OutputPath(out recipe.Output) string {
	p := OutputPath(l.Base, l.OutDir, out.Name)
	if out.Of > 0 {
		p = ShardPath(p, out.Shard, out.Of)
	}
	return p
}

// Python is the code a run of r on the input equals, the input having
// rows rows.
func (l *Layout) Python(r *recipe.Recipe, rows int) string {
	if l.Dataset {
		return r.PythonDataset(l.Kind, l.Given, l.Files[0], rows)
	}
	return r.Python(l.Given[0], rows)
}

// NewManifest is the manifest Run writes for a run of r on the input
// laid out by l: rows rows in all, sums the SHA-256 of each of Files,
// shardRows their rows (a dataset's), outputs every output written (paths
// as written: relative to the working folder or absolute).
func (l *Layout) NewManifest(r *recipe.Recipe, rows int, sums []string, shardRows []int, outputs []File, outSums []string) *audit.Manifest {
	files := make([]audit.File, len(outputs))
	for i, f := range outputs {
		files[i] = audit.File{Name: f.Name, Path: relToManifest(l.Manifest, f.Path), SHA256: outSums[i], Rows: f.Rows}
	}
	m := newManifest(r, l.Python(r, rows), l.Splitter, r.Command(), files)
	m.Input = audit.File{Path: relToManifest(l.Manifest, l.Given[0]), SHA256: sums[0], Rows: rows}
	if l.Dataset {
		m.Input.SHA256 = audit.DatasetSHA256(sums)
		m.Files = make([]audit.File, len(l.Files))
		for i, f := range l.Files {
			m.Files[i] = audit.File{Path: relToManifest(l.Manifest, f), SHA256: sums[i], Rows: shardRows[i]}
		}
	}
	return m
}
