package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/audit"
)

// sinkKey is the context key of a *memSink: under it, a command that writes
// rows hands its outputs to the sink instead of files (verify re-runs
// commands this way and writes nothing).
type sinkKey struct{}

// memSink is the name commit (manifest.go) looks the sink up by; the sink
// no longer holds the outputs in memory.
type memSink = verifySink

// verifySink receives the outputs of a command re-run by verify, in the
// order the command writes them, and streams each into an
// audit.Comparer on the file it must equal: nothing of an output is kept
// but its rows' 8-byte hashes. The first file that differs stops the run.
type verifySink struct {
	ctx      context.Context
	files    []string // the files to check, one per output
	names    []string // how reports name them
	opts     func(i int) audit.CompareOptions
	outNames []string // the outputs the command writes (for a count error)

	diff *audit.Diff // the first difference found
	sums []string    // each file's content SHA-256, once compared
	err  error       // a file could not be read
}

// errSinkStop ends a re-run at its first difference.
var errSinkStop = errors.New("verify: a difference was found")

func withSink(ctx context.Context, s *memSink) context.Context {
	return context.WithValue(ctx, sinkKey{}, s)
}

// collect compares outs, in order, with the sink's files.
func (s *verifySink) collect(outs []output) error {
	s.outNames = make([]string, len(outs))
	for i, o := range outs {
		s.outNames[i] = o.name
	}
	if len(outs) != len(s.files) {
		return errSinkStop
	}
	for i, o := range outs {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		c, err := audit.NewComparer(s.ctx, s.files[i], s.names[i], s.opts(i))
		if err != nil {
			s.err = err
			return err
		}
		// Only Write is handed over: a writer that closes what it is
		// given (Parquet's) must not close the file being compared.
		if err := o.write(struct{ io.Writer }{c}); err != nil {
			c.Close()
			if s.ctx.Err() == nil {
				// A write error is the command's (the comparer's are
				// the file's, or the interrupt).
				s.err = fmt.Errorf("%s: %w", s.names[i], err)
			}
			return err
		}
		d, sum, err := c.Finish()
		if err != nil {
			if s.ctx.Err() == nil {
				s.err = err
			}
			return err
		}
		s.sums = append(s.sums, sum)
		if !d.Equal() {
			s.diff = &d
			return errSinkStop
		}
	}
	return nil
}

// libraries returns the Python library versions cmd's recipe is known to
// equal: those splitter's tests compare against (the oracle on the
// development machine). Each call builds a fresh map (the manifest owns it;
// no package-level map can be changed by a caller).
func libraries(cmd *cobra.Command) map[string]string {
	compat, _ := cmd.Flags().GetString("compat")
	switch {
	case compat == "datasets":
		return map[string]string{"numpy": "1.24.2", "pandas": "1.5.3", "datasets": ">=2.3.0 (from its source; not installed for tests)"}
	case compat == "torch":
		return map[string]string{"torch": "1.13", "pandas": "1.5.3"}
	case compat == "python":
		return map[string]string{"python": "3.11.2", "pandas": "1.5.3"}
	case cmd.Name() == "shuffle" || cmd.Name() == "sample":
		return map[string]string{"numpy": "1.24.2", "pandas": "1.5.3"}
	}
	sklearn := "1.2.1"
	if pin, ok := strings.CutPrefix(compat, "sklearn@"); ok && pin != "" {
		sklearn = pin
	}
	return map[string]string{"numpy": "1.24.2", "scikit-learn": sklearn, "pandas": "1.5.3"}
}

// pythonImports returns the import lines the Python code of a manifest
// needs, so that it can be pasted into Python as is.
func pythonImports(code string) string {
	var lines []string
	has := func(s string) bool { return strings.Contains(code, s) }
	if has("np.") {
		lines = append(lines, "import numpy as np")
	}
	if has("pd.") {
		lines = append(lines, "import pandas as pd")
	}
	if has("io.BytesIO") {
		lines = append(lines, "import io")
	}
	if has("sys.stdin") {
		lines = append(lines, "import sys")
	}
	if has("random.") && !has("torch.utils.data.random_split") || has("random.seed(") {
		lines = append(lines, "import random")
	}
	if has("torch.") {
		lines = append(lines, "import torch", "import torch.utils.data")
	}
	if has("Dataset.") {
		lines = append(lines, "from datasets import Dataset")
	}
	var sk []string
	for _, name := range []string{"train_test_split", "GroupShuffleSplit", "StratifiedGroupKFold", "StratifiedKFold", "GroupKFold", "KFold", "TimeSeriesSplit"} {
		if containsWord(code, name) {
			sk = append(sk, name)
		}
	}
	if len(sk) > 0 {
		lines = append(lines, "from sklearn.model_selection import "+strings.Join(sk, ", "))
	}
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// containsWord reports whether name occurs in code as a whole identifier
// called or imported (followed by "(") and not as part of a longer name
// or a method (".train_test_split(").
func containsWord(code, name string) bool {
	for i := 0; ; {
		j := strings.Index(code[i:], name+"(")
		if j < 0 {
			return false
		}
		j += i
		if j == 0 || !isIdent(code[j-1]) && code[j-1] != '.' {
			return true
		}
		i = j + 1
	}
}

func isIdent(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
