package recipe

import (
	"os"
	"strings"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/table"
)

// DatasetKind is how a dataset's INPUT named its files.
type DatasetKind int

// Kinds of dataset INPUT.
const (
	DatasetDir   DatasetKind = iota // a directory: its data files, sorted
	DatasetGlob                     // a glob: sorted(glob.glob(...))
	DatasetFiles                    // several files, in the order given
)

// PythonDataset is Python for a run on a dataset of several files read
// as one table: the files listed as Python lists them (given is INPUT: a
// directory, a glob, or the files of a list), then
// df = pd.concat([pd.read_csv(f) for f in files], ignore_index=True)
// (each file read as a file of first's name is), then the call.
func (r *Recipe) PythonDataset(kind DatasetKind, given []string, first string, n int) string {
	var list string
	switch kind {
	case DatasetDir:
		list = "files = sorted(f.path for f in os.scandir(" + py.Repr(given[0]) + ") if f.is_file() and f.name[0] not in '._')\n"
	case DatasetGlob:
		list = "files = sorted(glob.glob(" + py.Repr(given[0]) + "))\n"
	default:
		reprs := make([]string, len(given))
		for i, g := range given {
			reprs[i] = py.Repr(g)
		}
		list = "files = [" + strings.Join(reprs, ", ") + "]\n"
	}
	read := strings.TrimSuffix(strings.TrimPrefix(r.readPython("f", first), "df = "), "\n")
	code := list + "df = pd.concat([" + read + " for f in files], ignore_index=True)\n"
	return r.pythonAfter(code, n)
}

// pythonOfDataset is PythonDataset of input when it is a directory or a
// glob (table.IsDataset); false otherwise.
func (r *Recipe) pythonOfDataset(input string, rows int) (string, bool) {
	if !table.IsDataset([]string{input}) {
		return "", false
	}
	files, err := table.Files([]string{input})
	if err != nil {
		return "", false
	}
	kind := DatasetGlob
	if st, err := os.Stat(input); err == nil && st.IsDir() {
		kind = DatasetDir
	}
	return r.PythonDataset(kind, []string{input}, files[0], rows), true
}
