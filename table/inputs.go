package table

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ErrNoFiles reports a dataset INPUT that names no file: an empty
// directory or a glob matching nothing.
var ErrNoFiles = errors.New("no files")

// Files lists the files of the dataset the INPUT arguments name, in the
// order they are concatenated. One argument that is a directory names the
// regular files directly inside it whose names start with neither "." nor
// "_" (as pyarrow's dataset discovery skips Spark's _SUCCESS and .crc
// files), in sorted() order; one that is no existing path and holds a
// wildcard is a glob: sorted(glob.glob(arg)); any other is a file.
// Several arguments are each listed so, in the order given. "-" stays
// itself (standard input) and must be alone.
func Files(args []string) ([]string, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("%w: no input given", ErrNoFiles)
	}
	var files []string
	for _, a := range args {
		if a == StdinPath && len(args) > 1 {
			return nil, fmt.Errorf("%w: standard input (-) must be the only INPUT", ErrNoFiles)
		}
		got, err := filesOf(a)
		if err != nil {
			return nil, err
		}
		files = append(files, got...)
	}
	return files, nil
}

// IsDataset reports whether the INPUT arguments name a dataset of shards
// rather than one file: several arguments, a directory or a glob.
func IsDataset(args []string) bool {
	if len(args) != 1 {
		return len(args) > 1
	}
	a := args[0]
	st, err := os.Stat(a)
	if err == nil {
		return st.IsDir()
	}
	return hasMagic(a) && a != StdinPath
}

// filesOf lists the files one INPUT argument names.
func filesOf(arg string) ([]string, error) {
	st, err := os.Stat(arg)
	switch {
	case err == nil && st.IsDir():
		return dirFiles(arg)
	case err == nil || arg == StdinPath:
		return []string{arg}, nil
	case errors.Is(err, fs.ErrNotExist) && hasMagic(arg):
		m, err := Glob(arg)
		if err != nil {
			return nil, fmt.Errorf("%s: bad glob: %w", arg, err)
		}
		if len(m) == 0 {
			return nil, fmt.Errorf("%s: %w: the glob matches nothing", arg, ErrNoFiles)
		}
		return m, nil
	}
	return []string{arg}, nil // opening it reports what is wrong
}

// dirFiles lists the data files of directory dir.
func dirFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			continue
		}
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: %w: the directory holds no data file", dir, ErrNoFiles)
	}
	sort.Strings(out)
	return out, nil
}
