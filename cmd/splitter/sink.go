package main

import (
	"bytes"
	"context"

	"github.com/spf13/cobra"
)

// sinkKey is the context key of a *memSink: under it, a command that writes
// rows hands its outputs to memory instead of files (verify re-runs
// commands this way and writes nothing).
type sinkKey struct{}

// memSink receives the outputs of a command run by verify, in the order the
// command writes them.
type memSink struct {
	files []memFile
}

type memFile struct {
	name, path string
	rows       int
	data       []byte
}

func withSink(ctx context.Context, s *memSink) context.Context {
	return context.WithValue(ctx, sinkKey{}, s)
}

// collect writes outs to memory.
func (s *memSink) collect(outs []output) error {
	for _, o := range outs {
		var b bytes.Buffer
		if err := o.write(&b); err != nil {
			return err
		}
		s.files = append(s.files, memFile{name: o.name, path: o.path, rows: o.rows, data: b.Bytes()})
	}
	return nil
}

// Library versions splitter's tests compare against (the oracle on the
// development machine): a manifest records those its recipe depends on.
var (
	libsSklearn  = map[string]string{"numpy": "1.24.2", "scikit-learn": "1.2.1", "pandas": "1.5.3"}
	libsPandas   = map[string]string{"numpy": "1.24.2", "pandas": "1.5.3"}
	libsDatasets = map[string]string{"numpy": "1.24.2", "pandas": "1.5.3", "datasets": ">=2.3.0 (from its source; not installed for tests)"}
	libsTorch    = map[string]string{"torch": "1.13", "pandas": "1.5.3"}
	libsPython   = map[string]string{"python": "3.11.2", "pandas": "1.5.3"}
)

// libraries returns the Python library versions cmd's recipe is known to
// equal (a fresh map: the manifest owns it).
func libraries(cmd *cobra.Command) map[string]string {
	compat, _ := cmd.Flags().GetString("compat")
	src := libsSklearn
	switch {
	case compat == "datasets":
		src = libsDatasets
	case compat == "torch":
		src = libsTorch
	case compat == "python":
		src = libsPython
	case cmd.Name() == "shuffle" || cmd.Name() == "sample":
		src = libsPandas
	case len(compat) > len("sklearn@") && compat[:len("sklearn@")] == "sklearn@":
		src = map[string]string{"numpy": "1.24.2", "scikit-learn": compat[len("sklearn@"):], "pandas": "1.5.3"}
	}
	out := make(map[string]string, len(src))
	for k, v := range src {
		out[k] = v
	}
	return out
}
