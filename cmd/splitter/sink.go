package main

import (
	"bytes"
	"context"
	"strings"

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
