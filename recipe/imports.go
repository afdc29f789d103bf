package recipe

import "strings"

// Imports returns the import lines code (a recipe's Python) needs, so
// that it can be pasted into Python as is.
func Imports(code string) string {
	var lines []string
	has := func(s string) bool { return strings.Contains(code, s) }
	if has("glob.glob(") {
		lines = append(lines, "import glob")
	}
	if has("os.scandir(") {
		lines = append(lines, "import os")
	}
	if has("zlib.") {
		lines = append(lines, "import zlib")
	}
	if has("io.BytesIO") {
		lines = append(lines, "import io")
	}
	if has("sys.stdin") {
		lines = append(lines, "import sys")
	}
	if has("np.") {
		lines = append(lines, "import numpy as np")
	}
	if has("pd.") {
		lines = append(lines, "import pandas as pd")
	}
	if usesModule(code, "random") {
		lines = append(lines, "import random")
	}
	if has("torch.") {
		lines = append(lines, "import torch", "import torch.utils.data")
	}
	if has("Dataset.") {
		lines = append(lines, "from datasets import Dataset")
	}
	var sk []string
	for _, name := range []string{"train_test_split", "GroupShuffleSplit", "RepeatedStratifiedKFold", "RepeatedKFold", "LeaveOneGroupOut", "StratifiedGroupKFold", "StratifiedKFold", "GroupKFold", "KFold", "TimeSeriesSplit"} {
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
func containsWord(code, name string) bool { return standsAlone(code, name+"(") }

// usesModule reports whether code names module as a module of its own
// (random.seed(...)), not as the last part of another name
// (np.random.default_rng, torch.utils.data.random_split).
func usesModule(code, module string) bool { return standsAlone(code, module+".") }

// standsAlone reports whether s occurs in code after neither an
// identifier's character nor a dot.
func standsAlone(code, s string) bool {
	for i := 0; ; {
		j := strings.Index(code[i:], s)
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
