package job

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/table"
)

// dataset is an input of several files read as one table (a directory, a
// glob or a list of files).
type dataset struct {
	kind  recipe.DatasetKind
	given []string // INPUT as given
	files []string // its files, in order (table.Files)
}

// args are the INPUT arguments: Inputs, else Input alone.
func (o Options) args() []string {
	if len(o.Inputs) > 0 {
		return o.Inputs
	}
	return []string{o.Input}
}

// dataset is the input as a dataset of files; nil for one file (or
// standard input).
func (o Options) dataset() (*dataset, error) {
	args := o.args()
	if !table.IsDataset(args) {
		return nil, nil
	}
	files, err := table.Files(args)
	if err != nil {
		return nil, err
	}
	ds := &dataset{kind: recipe.DatasetFiles, given: args, files: files}
	if len(args) == 1 {
		ds.kind = recipe.DatasetGlob
		if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
			ds.kind = recipe.DatasetDir
		}
	}
	return ds, nil
}

// namePath is the path whose name gives the outputs' STEM and EXT and
// whose folder is the default --out-dir: the input itself; for a
// directory DIR, DIR.EXT beside it (STEM is the directory's name, EXT its
// first file's); for a glob or a list, its first file.
func (o Options) namePath() string {
	ds, err := o.dataset()
	if err != nil || ds == nil {
		return o.Input
	}
	if ds.kind != recipe.DatasetDir {
		return ds.files[0]
	}
	_, ext := SplitName(ds.files[0])
	dir := filepath.Clean(ds.given[0])
	return filepath.Join(filepath.Dir(dir), filepath.Base(dir)+ext)
}

// openDataset opens the dataset's files as one table.
func (o Options) openDataset(ctx context.Context, r *recipe.Recipe, ds *dataset) (table.Table, error) {
	if r.Format != "" {
		return nil, fmt.Errorf("--format %q: %w", r.Format, ErrFormatNotStdin)
	}
	return table.OpenDataset(ctx, ds.files, r.ReadOptions())
}

// hashDataset hashes every file of ds in order (what the manifest
// records) and their audit.DatasetSHA256.
func hashDataset(ctx context.Context, ds *dataset) ([]string, string, error) {
	sums := make([]string, len(ds.files))
	for i, f := range ds.files {
		var err error
		if sums[i], err = audit.HashFileContext(ctx, f); err != nil {
			return nil, "", err
		}
	}
	return sums, audit.DatasetSHA256(sums), nil
}

// datasetFiles are the manifest's entries of ds's files: paths relative
// to the manifest at mpath, hashes and rows.
func datasetFiles(mpath string, ds *dataset, sums []string, t table.Table) []audit.File {
	d, _ := t.(*table.Dataset)
	files := make([]audit.File, len(ds.files))
	for i, f := range ds.files {
		files[i] = audit.File{Path: relToManifest(mpath, f), SHA256: sums[i]}
		if d != nil {
			files[i].Rows = d.ShardLen(i)
		}
	}
	return files
}

// inputFiles are the files the run reads: the dataset's, or Input.
func (p *run) inputFiles() []string {
	if p.ds != nil {
		return p.ds.files
	}
	return []string{p.o.Input}
}
