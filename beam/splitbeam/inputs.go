package splitbeam

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/splitter-dev/splitter/job"
)

// ErrEmptyInput reports a directory holding no data file or a glob
// matching none.
var ErrEmptyInput = errors.New("no input files")

// Inputs resolves the inputs as splitter's CLI reads a sharded dataset
// (cli.md, "Sharded datasets"): a directory is the files directly inside
// it whose names start with neither "." nor "_", in sorted() order; a
// glob is what glob.glob matches, sorted; several inputs are
// concatenated in the given order. Names are set as the CLI names the
// outputs: STEM is the directory's name or the first file's stem, EXT the
// first file's, the default out-dir the directory's parent or the first
// file's folder.
func Inputs(args []string) ([]string, Names, error) {
	var files []string
	for _, a := range args {
		fs, err := expand(a)
		if err != nil {
			return nil, Names{}, err
		}
		files = append(files, fs...)
	}
	if len(files) == 0 {
		return nil, Names{}, ErrNoShards
	}
	n := Names{Input: strings.Join(args, " ")}
	var ext string
	n.Stem, ext = job.SplitName(files[0])
	n.Ext = ext
	n.OutDir = filepath.Dir(files[0])
	if len(args) == 1 {
		if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
			dir := filepath.Clean(args[0])
			n.Stem, n.OutDir = filepath.Base(dir), filepath.Dir(dir)
		}
	}
	if n.Ext == "" {
		n.Ext = ".csv"
	}
	return files, n, nil
}

// expand is the files one input names.
func expand(a string) ([]string, error) {
	if strings.ContainsAny(a, "*?[") {
		m, err := filepath.Glob(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, err)
		}
		hidden := strings.HasPrefix(filepath.Base(a), ".")
		m = slices.DeleteFunc(m, func(p string) bool { return !hidden && strings.HasPrefix(filepath.Base(p), ".") })
		if len(m) == 0 {
			return nil, fmt.Errorf("%s: %w", a, ErrEmptyInput)
		}
		slices.Sort(m)
		return m, nil
	}
	st, err := os.Stat(a)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{a}, nil
	}
	ents, err := os.ReadDir(a)
	if err != nil {
		return nil, err
	}
	var m []string
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || !e.Type().IsRegular() {
			continue
		}
		m = append(m, filepath.Join(a, name))
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("%s: %w", a, ErrEmptyInput)
	}
	slices.Sort(m)
	return m, nil
}
