package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

// TestExplainThreeRecipe: explain finds the seed of a three-way split the
// CLI made (--val, --sizes; sklearn, datasets, stratified); its text line
// is the --json match's python, and the match's recipe, run by job.Run,
// writes the same bytes again: three-part matches go through the one
// recipe renderer like two-part ones.
func TestExplainThreeRecipe(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "customers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--seed", "321", "--test", "0.2", "--val", "0.25"},
		{"--seed", "45", "--sizes", "0.7,0.1,0.2", "--stratify", "plan"},
		{"--compat", "datasets", "--seed", "99", "--sizes", "400,80,120"},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "c.csv"), src, 0o644)
		mustRun(t, dir, append(args, "--no-manifest", "c.csv")...)
		files := []string{"c.csv", "c.train.csv", "c.val.csv", "c.test.csv"}
		text := mustRun(t, dir, append([]string{"explain", "--seeds", "0-400"}, files...)...)
		res := mustRun(t, dir, append([]string{"explain", "--json", "--seeds", "0-400"}, files...)...)
		var out struct {
			Matches []struct {
				Seed   string        `json:"seed"`
				Python string        `json:"python"`
				Recipe recipe.Recipe `json:"recipe"`
			} `json:"matches"`
		}
		if err := json.Unmarshal(res.stdout, &out); err != nil || len(out.Matches) == 0 {
			t.Fatalf("%v: stdout %q: %v", args, res.stdout, err)
		}
		m := out.Matches[0]
		if line := strings.SplitN(string(text.stdout), "\n", 2)[0]; line != "seed "+m.Seed+": "+m.Python {
			t.Errorf("%v: text %q, json python %q", args, line, m.Python)
		}
		if !strings.Contains(m.Python, "rest, test = ") || !strings.Contains(m.Python, "train, val = ") {
			t.Errorf("%v: python %q is not the two-step idiom", args, m.Python)
		}
		again := t.TempDir()
		os.WriteFile(filepath.Join(again, "c.csv"), src, 0o644)
		run, err := job.Run(context.Background(), &m.Recipe, job.Options{Input: filepath.Join(again, "c.csv"), NoManifest: true})
		if err != nil {
			t.Fatalf("%v: the match %+v as a recipe: %v", args, m.Recipe, err)
		}
		for _, f := range run.Outputs {
			want, _ := os.ReadFile(filepath.Join(dir, "c."+f.Name+".csv"))
			got, _ := os.ReadFile(f.Path)
			if len(want) == 0 || !bytes.Equal(got, want) {
				t.Errorf("%v: seed %s: %s differs from the explained part", args, m.Seed, f.Name)
			}
		}
	}
}
