package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestPipelineEqualsSklearn runs the example on the sample data with fresh
// random seeds and sizes and compares the ids of both parts, in order,
// with scikit-learn's train_test_split run live.
func TestPipelineEqualsSklearn(t *testing.T) {
	oracle.Require(t, "sklearn", "pandas")
	rnd := oracle.Rand(t)
	src, err := os.ReadFile(filepath.Join("..", "customers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	type tc struct {
		Seed int     `json:"seed"`
		Test float64 `json:"test"`
		Path string  `json:"path"`
	}
	var cases []tc
	var got [][2][]string
	for range 4 {
		dir := t.TempDir()
		in := filepath.Join(dir, "c.csv")
		if err := os.WriteFile(in, src, 0o644); err != nil {
			t.Fatal(err)
		}
		c := tc{Seed: rnd.IntN(1 << 31), Test: float64(1+rnd.IntN(49)) / 100, Path: in}
		if err := run(context.Background(), in, itoa(c.Seed), ftoa(c.Test), "churned", ""); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
		got = append(got, [2][]string{ids(t, filepath.Join(dir, "c.train.csv")), ids(t, filepath.Join(dir, "c.test.csv"))})
	}
	var want [][2][]string
	oracle.RunJSON(t, `
import json, sys
import pandas as pd
from sklearn.model_selection import train_test_split
out = []
for c in json.load(sys.stdin):
    df = pd.read_csv(c["path"], dtype=str, keep_default_na=False)
    tr, te = train_test_split(df, test_size=c["test"], random_state=c["seed"], stratify=pd.read_csv(c["path"])["churned"])
    out.append([list(tr["customer_id"]), list(te["customer_id"])])
print(json.dumps(out))
`, cases, &want)
	for i := range cases {
		if !slices.Equal(got[i][0], want[i][0]) || !slices.Equal(got[i][1], want[i][1]) {
			t.Errorf("seed %d test %v: the example's parts differ from sklearn's", cases[i].Seed, cases[i].Test)
		}
	}
}

// ids reads the first column of a CSV part (the header skipped).
func ids(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range recs[1:] {
		out = append(out, r[0])
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
