package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/internal/oracle"
)

// manifestPythonScript runs each manifest's Python code as is (imports
// included) and returns the named parts as CSV text.
const manifestPythonScript = `
import json, os, sys
out = []
for c in json.load(sys.stdin):
    os.chdir(c["dir"])
    ns = {}
    exec(c["python"], ns)
    out.append({p: ns[p].to_csv(index=False) for p in c["parts"]})
json.dump(out, sys.stdout)
`

func TestManifestPythonRuns(t *testing.T) {
	oracle.Require(t, "numpy", "pandas", "sklearn")
	type pyCase struct {
		Dir    string   `json:"dir"`
		Python string   `json:"python"`
		Parts  []string `json:"parts"`
	}
	runs := [][]string{
		{"--seed", "11", "--test", "0.3"},
		{"--seed", "17", "--sizes", "0.7,0.15,0.15"},
		{"kfold", "--seed", "20", "--folds", "3", "--stratify", "label", "--group", "x"},
		{"kfold", "--no-shuffle", "--folds", "4", "--stratify", "label", "--group", "x"},
		{"kfold", "--time-series", "--folds", "4", "--gap", "1", "--test", "5"},
		{"kfold", "--time-series", "--folds", "3", "--max-train-size", "10"},
		{"--seed", "18", "--sizes", "36,12,12", "--stratify", "label"},
		{"--seed", "19", "--sizes", "0.6,0.3,0.1", "--stratify", "label"},
		{"--seed", "12", "--stratify", "label"},
		{"--seed", "13", "--test", "0.2", "--val", "0.25"},
		{"--seed", "14", "--group", "x"},
		{"--no-shuffle", "--test", "7"},
		{"kfold", "--seed", "15", "--folds", "4"},
		{"kfold", "--seed", "16", "--stratify", "label", "--folds", "3"},
	}
	var cases []pyCase
	for _, args := range runs {
		dir, data := auditData(t)
		mustRun(t, dir, append(args, data)...)
		kind := "split"
		if args[0] == "kfold" {
			kind = "kfold"
		}
		m, err := audit.ReadManifest(filepath.Join(dir, "data."+kind+".json"))
		if err != nil {
			t.Fatal(err)
		}
		c := pyCase{Dir: dir, Python: strings.ReplaceAll(m.Python, data, "data.csv")}
		for _, o := range m.Outputs {
			c.Parts = append(c.Parts, o.Name)
		}
		cases = append(cases, c)
	}
	var res []map[string]string
	oracle.RunJSON(t, manifestPythonScript, cases, &res)
	for i, c := range cases {
		for _, p := range c.Parts {
			got, err := os.ReadFile(filepath.Join(c.Dir, "data."+p+".csv"))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != res[i][p] {
				t.Errorf("%v: %s differs from what the manifest's Python code returns:\n%s", runs[i], p, c.Python)
			}
		}
	}
}
