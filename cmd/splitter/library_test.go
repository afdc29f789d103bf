package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/splitter-dev/splitter/internal/oracle"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/column"
	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

// TestLibraryDoesWhatTheCLIDoes runs each command through the CLI and the
// same recipe through the library's exported API only (recipe.Parse,
// job.Run, audit.VerifyManifest, recipe.Permutation), and requires
// byte-identical outputs: a Go pipeline can do all that the CLI does.
func TestLibraryDoesWhatTheCLIDoes(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "customers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		command string
		args    recipe.ArgMap
		output  string // -o OUT for shuffle and sample
	}{
		{"split", recipe.ArgMap{"seed": "101", "test": "0.2"}, ""},
		{"split", recipe.ArgMap{"seed": "7", "test": "30", "stratify": "churned"}, ""},
		{"split", recipe.ArgMap{"seed": "7", "sizes": "0.7,0.15,0.15", "stratify": "plan"}, ""},
		{"split", recipe.ArgMap{"seed": "3", "test": "0.25", "group": "city"}, ""},
		{"split", recipe.ArgMap{"seed": "42", "test": "0.1", "compat": "datasets", "stratify": "region"}, ""},
		{"split", recipe.ArgMap{"seed": "42", "lengths": "0.8,0.1,0.1", "compat": "torch", "names": "train,val,test"}, ""},
		{"split", recipe.ArgMap{"seed": "5", "test": "0.3", "compat": "sklearn@0.21.3", "stratify": "churned"}, ""},
		{"split", recipe.ArgMap{"test": "0.2", "compat": "hash", "key": "customer_id"}, ""},
		{"split", recipe.ArgMap{"seed": "9", "test": "0.3", "shards": "3"}, ""},
		{"kfold", recipe.ArgMap{"seed": "9", "folds": "3", "max-rows-per-file": "40", "files": "true"}, ""},
		{"kfold", recipe.ArgMap{"seed": "7", "folds": "4", "stratify": "churned", "files": "true"}, ""},
		{"kfold", recipe.ArgMap{"folds": "3", "group": "city"}, ""},
		{"kfold", recipe.ArgMap{"folds": "3", "time-series": "true", "gap": "2"}, ""},
		{"kfold", recipe.ArgMap{"seed": "8", "folds": "3", "repeats": "2", "stratify": "churned"}, ""},
		{"kfold", recipe.ArgMap{"leave-one-group-out": "true", "group": "region", "files": "true"}, ""},
		{"shuffle", recipe.ArgMap{"seed": "3"}, "shuffled.csv"},
		{"shuffle", recipe.ArgMap{"seed": "-3", "compat": "torch"}, "shuffled.csv"},
		{"shuffle", recipe.ArgMap{"seed": "4", "shards": "2"}, "shuffled.csv"},
		{"sample", recipe.ArgMap{"seed": "3", "n": "40", "weights": "monthly_spend"}, "sample.csv"},
		{"sample", recipe.ArgMap{"seed": "3", "frac": "0.2", "group": "region"}, "sample.csv"},
		{"sample", recipe.ArgMap{"seed": "3", "n": "10", "compat": "python"}, "sample.csv"},
	} {
		name := tc.command + " " + argText(tc.args)
		cliDir, libDir := t.TempDir(), t.TempDir()
		for _, d := range []string{cliDir, libDir} {
			if err := os.WriteFile(filepath.Join(d, "c.csv"), src, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		args := []string{tc.command}
		for k, v := range tc.args {
			args = append(args, "--"+k+"="+v)
		}
		if tc.output != "" {
			args = append(args, "-o", tc.output)
		}
		mustRun(t, cliDir, append(args, "c.csv")...)

		r, err := recipe.Parse(tc.command, tc.args)
		if err != nil {
			t.Fatalf("%s: Parse: %v", name, err)
		}
		o := job.Options{Input: filepath.Join(libDir, "c.csv")}
		if tc.output != "" {
			o.Output = filepath.Join(libDir, tc.output)
		}
		res, err := job.Run(context.Background(), r, o)
		if err != nil {
			t.Fatalf("%s: Run: %v", name, err)
		}
		for _, f := range res.Outputs {
			want, err := os.ReadFile(filepath.Join(cliDir, filepath.Base(f.Path)))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got, err := os.ReadFile(f.Path)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: %s differs between the library and the CLI", name, f.Name)
			}
		}
		cliManifest, err := audit.ReadManifest(filepath.Join(cliDir, filepath.Base(res.ManifestPath)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// The same code but for the input's path, as each was given.
		libPython := strings.ReplaceAll(res.Manifest.Python, o.Input, "c.csv")
		if cliManifest.Python != libPython || len(cliManifest.Outputs) != len(res.Manifest.Outputs) {
			t.Errorf("%s: manifests differ: CLI %q, library %q", name, cliManifest.Python, res.Manifest.Python)
		}
		raw, err := os.ReadFile(res.ManifestPath)
		if err != nil {
			t.Fatal(err)
		}
		checkSchema(t, name, raw)
		var top map[string]json.RawMessage
		if err := json.Unmarshal(raw, &top); err != nil || (!r.Seeded()) != (string(top["seed"]) == "null") {
			t.Errorf("%s: manifest seed %s for a recipe seeded=%v (want null exactly when it draws nothing)", name, top["seed"], r.Seeded())
		}
		// Each verifies the other's run.
		for _, m := range []string{res.ManifestPath, filepath.Join(cliDir, filepath.Base(res.ManifestPath))} {
			if err := audit.VerifyManifest(context.Background(), m, audit.VerifyOptions{}); err != nil {
				t.Errorf("%s: VerifyManifest(%s): %v", name, m, err)
			}
		}
		mustRun(t, libDir, "verify", filepath.Base(res.ManifestPath))
	}
}

// TestLibraryPermutation: recipe.Permutation prints what perm prints.
func TestLibraryPermutation(t *testing.T) {
	for _, compat := range permCompats {
		out := mustRun(t, "", "perm", "--compat", compat, "--seed", "12", "--n", "1000").stdout
		r, err := recipe.Parse("perm", recipe.ArgMap{"compat": compat, "seed": "12", "n": "1000"})
		if err != nil {
			t.Fatal(err)
		}
		p, err := r.Permutation()
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, v := range p {
			b.WriteString(strconv.Itoa(v) + "\n")
		}
		if b.String() != string(out) {
			t.Errorf("--compat %s: the library's permutation differs from perm's", compat)
		}
		p32, ok, err := r.Permutation32()
		if err != nil || ok != (compat == "numpy") {
			t.Fatalf("--compat %s: Permutation32 ok %v, err %v", compat, ok, err)
		}
		for i, v := range p32 {
			if int(v) != p[i] {
				t.Fatalf("--compat %s: Permutation32()[%d] = %d, Permutation %d", compat, i, v, p[i])
			}
		}
	}
}

// argText is args as a test name shows them.
func argText(args recipe.ArgMap) string {
	var s []string
	for k, v := range args {
		s = append(s, k+"="+v)
	}
	return strings.Join(s, " ")
}

// checkSchema checks that a manifest's keys, and its recipe's, are ones
// docs/manifest.schema.json describes, and the call one it lists.
func checkSchema(t *testing.T, name string, manifest []byte) {
	t.Helper()
	var schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "manifest.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	var rs struct {
		Properties map[string]struct {
			Enum []string `json:"enum"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(schema.Properties["recipe"], &rs); err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(manifest, &m); err != nil {
		t.Fatal(err)
	}
	for k := range m {
		if _, ok := schema.Properties[k]; !ok {
			t.Errorf("%s: manifest key %q is not in the schema", name, k)
		}
	}
	var r map[string]any
	if err := json.Unmarshal(m["recipe"], &r); err != nil {
		t.Fatalf("%s: recipe: %v", name, err)
	}
	for k := range r {
		if _, ok := rs.Properties[k]; !ok {
			t.Errorf("%s: recipe key %q is not in the schema", name, k)
		}
	}
	if !slices.Contains(rs.Properties["call"].Enum, r["call"].(string)) {
		t.Errorf("%s: call %v is not in the schema's list", name, r["call"])
	}
}

// TestLibraryExplain: explain with the exported API (audit.OpenShape,
// audit.Explain) finds the seed of CLI-made parts, and the match, as a
// recipe, run by job.Run, writes the same bytes again.
func TestLibraryExplain(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "customers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--seed", "321", "--test", "0.2"},
		{"--seed", "45", "--test", "0.3", "--stratify", "plan"},
		{"--compat", "datasets", "--seed", "99", "--test", "0.25"},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "c.csv"), src, 0o644)
		mustRun(t, dir, append(args, "--no-manifest", "c.csv")...)
		files := []string{filepath.Join(dir, "c.csv"), filepath.Join(dir, "c.train.csv"), filepath.Join(dir, "c.test.csv")}
		shape, err := audit.OpenShape(context.Background(), files, audit.ShapeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var cols []audit.Column
		for _, name := range []string{"plan"} {
			col, _ := shape.Data.Column(name)
			l, _ := column.Labels(col)
			cols = append(cols, audit.Column{Name: name, Labels: l})
		}
		matches, err := audit.Explain(context.Background(), shape.Partition, audit.ExplainOptions{First: 0, Last: 400, Columns: cols})
		shape.Data.Close()
		if err != nil || len(matches) == 0 {
			t.Fatalf("%v: %d matches, %v", args, len(matches), err)
		}
		r := matches[0].Recipe.Recipe(matches[0].Seed)
		again := t.TempDir()
		os.WriteFile(filepath.Join(again, "c.csv"), src, 0o644)
		res, err := job.Run(context.Background(), r, job.Options{Input: filepath.Join(again, "c.csv"), NoManifest: true})
		if err != nil {
			t.Fatalf("%v: the match as a recipe: %v", args, err)
		}
		for i, f := range res.Outputs {
			want, _ := os.ReadFile(files[i+1])
			got, _ := os.ReadFile(f.Path)
			if !bytes.Equal(got, want) {
				t.Errorf("%v: seed %d: %s differs from the explained part", args, matches[0].Seed, f.Name)
			}
		}
	}
}

// TestExplainJSON: explain --json prints each match's recipe as manifests
// record it; decoded, it validates and names the seed found.
func TestExplainJSON(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "customers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "c.csv"), src, 0o644)
	mustRun(t, dir, "--seed", "5", "--test", "0.3", "--stratify", "region", "--no-manifest", "c.csv")
	r := mustRun(t, dir, "explain", "--json", "--seeds", "0-20", "c.csv", "c.train.csv", "c.test.csv")
	var out struct {
		Matches []struct {
			Seed   string        `json:"seed"`
			Python string        `json:"python"`
			Recipe recipe.Recipe `json:"recipe"`
		} `json:"matches"`
	}
	if err := json.Unmarshal(r.stdout, &out); err != nil || len(out.Matches) == 0 {
		t.Fatalf("stdout %q: %v", r.stdout, err)
	}
	m := out.Matches[0]
	if err := m.Recipe.Validate(); err != nil || m.Seed != "5" || m.Recipe.Seed != "5" || m.Recipe.Stratify != "region" {
		t.Errorf("match %+v: %v", m, err)
	}
}

// TestExplainFoldsLive: scikit-learn writes the fold column of
// KFold(K, shuffle=True, random_state=S) (fresh K, S, n) and of KFold(K);
// explain --fold-column names exactly that KFold; the folds of another
// seed's fold 0 swapped are refused (exit 1).
func TestExplainFoldsLive(t *testing.T) {
	oracle.Require(t, "sklearn", "pandas")
	r := oracle.Rand(t)
	dir := t.TempDir()
	type tc struct {
		Path    string `json:"path"`
		N       int    `json:"n"`
		K       int    `json:"k"`
		Seed    int    `json:"seed"`
		Shuffle bool   `json:"shuffle"`
	}
	var cases []tc
	for i := range 6 {
		cases = append(cases, tc{Path: filepath.Join(dir, strconv.Itoa(i)+".csv"), N: 20 + r.IntN(3000), K: 2 + r.IntN(9), Seed: r.IntN(50000), Shuffle: i != 5})
	}
	var ignore any
	oracle.RunJSON(t, `
import json, sys
import numpy as np, pandas as pd
from sklearn.model_selection import KFold
for c in json.load(sys.stdin):
    df = pd.DataFrame({"x": np.arange(c["n"]) * 3, "y": np.arange(c["n"]) % 7})
    cv = KFold(c["k"], shuffle=True, random_state=c["seed"]) if c["shuffle"] else KFold(c["k"])
    fold = np.empty(len(df), dtype=int)
    for f, (_, test) in enumerate(cv.split(df)):
        fold[test] = f
    df["fold"] = fold
    df.to_csv(c["path"], index=False)
print("null")
`, cases, &ignore)
	for _, c := range cases {
		res := mustRun(t, dir, "explain", "--fold-column", "fold", "--seeds", "0-50000", c.Path)
		want := fmt.Sprintf("KFold(n_splits=%d, shuffle=True, random_state=%d).split(df)", c.K, c.Seed)
		if !c.Shuffle {
			want = fmt.Sprintf("KFold(n_splits=%d).split(df)", c.K)
		}
		if !strings.Contains(string(res.stdout), want) {
			t.Errorf("%+v: stdout %q, want %s", c, res.stdout, want)
		}
	}
	// Two rows of different folds exchanged: no KFold gives that.
	b, _ := os.ReadFile(cases[0].Path)
	lines := strings.Split(string(b), "\n")
	for i := 2; i < len(lines)-1; i++ {
		a, z := lines[1][strings.LastIndex(lines[1], ","):], lines[i][strings.LastIndex(lines[i], ","):]
		if a != z {
			lines[1] = lines[1][:strings.LastIndex(lines[1], ",")] + z
			lines[i] = lines[i][:strings.LastIndex(lines[i], ",")] + a
			break
		}
	}
	os.WriteFile(cases[0].Path, []byte(strings.Join(lines, "\n")), 0o644)
	if res := runBin(t, dir, "explain", "--fold-column", "fold", "--seeds", "0-50000", cases[0].Path); res.code != 1 {
		t.Errorf("exchanged folds: exit %d, stdout %q", res.code, res.stdout)
	}
}
