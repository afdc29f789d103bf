package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// groupCase is one two-part split the live test writes: GroupShuffleSplit
// (scikit-learn) or Hugging Face train_test_split(stratify_by_column)
// (datasets rebuilt on numpy by testdata/split/split_oracle.py, as the
// split package's oracle tests run it).
type groupCase struct {
	Dir    string `json:"dir"`
	Oracle string `json:"oracle"` // split_oracle.py's path
	N      int    `json:"n"`
	Gen    int    `json:"gen"`
	Seed   int    `json:"seed"`
	Test   string `json:"test"` // test_size as Python reads it
	Kind   string `json:"kind"` // gss, hf
	Index  bool   `json:"index"`
}

const explainGroupScript = `
import json, sys, os, importlib.util
import numpy as np, pandas as pd
from sklearn.model_selection import GroupShuffleSplit
cases = json.load(sys.stdin)
spec = importlib.util.spec_from_file_location("split_oracle", cases[0]["oracle"])
so = importlib.util.module_from_spec(spec)
spec.loader.exec_module(so)
for c in cases:
    r, n, p = np.random.RandomState(c["gen"]), c["n"], lambda f: os.path.join(c["dir"], f)
    df = pd.DataFrame({"x": (r.rand(n) * 100).round(3), "label": r.choice(["no", "yes", "maybe"], n, p=[0.5, 0.3, 0.2]),
                       "grp": r.randint(0, 25 + n // 8, n)})
    df.to_csv(p("data.csv"), index=False)
    test = eval(c["test"])
    if c["kind"] == "gss":
        tr, te = next(GroupShuffleSplit(n_splits=1, test_size=test, random_state=c["seed"]).split(df, groups=df["grp"]))
        df.iloc[tr].to_csv(p("train.csv"), index=c["index"])
        df.iloc[te].to_csv(p("test.csv"), index=c["index"])
    else:
        tr, te = so.hf_train_test_split(n, test, None, True, so.hf_class_encode(df["label"].tolist()), "label", seed=c["seed"])
        df.iloc[tr].to_json(p("train.jsonl"), orient="records", lines=True)
        df.iloc[te].to_csv(p("test.csv"), index=False)
print("null")
`

// TestExplainGroupsLive: GroupShuffleSplit(n_splits=1) parts written by
// scikit-learn, and Hugging Face stratify_by_column parts (JSON Lines and
// CSV, as a DatasetDict export writes them), for fresh seeds and data;
// explain names exactly the call and the seed. With one row moved from
// train to test nothing matches: exit 1.
func TestExplainGroupsLive(t *testing.T) {
	oracle.Require(t, "sklearn", "pandas")
	r := oracle.Rand(t)
	so, err := filepath.Abs(filepath.Join("..", "..", "testdata", "split", "split_oracle.py"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []groupCase
	for i, kind := range []string{"gss", "gss", "hf", "hf"} {
		dir := filepath.Join(t.TempDir(), strconv.Itoa(i))
		os.MkdirAll(dir, 0o755)
		test := []string{"0.1", "0.2", "0.3", "0.4"}[r.IntN(4)] // one decimal: printed as given (more than 20 groups)
		cases = append(cases, groupCase{Dir: dir, Oracle: so, N: 80 + r.IntN(600), Gen: r.IntN(1 << 30), Seed: r.IntN(5000), Test: test, Kind: kind, Index: r.IntN(2) == 0})
	}
	var ignore any
	oracle.RunJSON(t, explainGroupScript, cases, &ignore)
	for _, c := range cases {
		train, want := "train.csv", fmt.Sprintf("seed %d: df = pd.read_csv('data.csv'); train_idx, test_idx = next(GroupShuffleSplit(n_splits=1, test_size=%s, random_state=%d).split(df, groups=df['grp'])); train, test = df.iloc[train_idx], df.iloc[test_idx]\n", c.Seed, c.Test, c.Seed)
		if c.Kind == "hf" {
			train, want = "train.jsonl", fmt.Sprintf("seed %d: df = pd.read_csv('data.csv'); d = Dataset.from_pandas(df).class_encode_column('label').train_test_split(test_size=%s, stratify_by_column='label', seed=%d); train, test = d[\"train\"], d[\"test\"]\n", c.Seed, c.Test, c.Seed)
		}
		res := runBin(t, c.Dir, "explain", "--seeds", "0-5000", "data.csv", train, "test.csv")
		if res.code != 0 || !strings.Contains(string(res.stdout), want) {
			t.Errorf("%+v: exit %d, stdout %q, stderr %q; want %s", c, res.code, res.stdout, res.stderr, want)
		}
	}
	c := cases[0]
	b, _ := os.ReadFile(filepath.Join(c.Dir, "train.csv"))
	lines := strings.SplitAfter(string(b), "\n")
	moved := lines[1]
	os.WriteFile(filepath.Join(c.Dir, "train.csv"), []byte(lines[0]+strings.Join(lines[2:], "")), 0o644)
	tb, _ := os.ReadFile(filepath.Join(c.Dir, "test.csv"))
	os.WriteFile(filepath.Join(c.Dir, "test.csv"), append(tb, moved...), 0o644)
	if res := runBin(t, c.Dir, "explain", "--seeds", "0-5000", "data.csv", "train.csv", "test.csv"); res.code != 1 {
		t.Errorf("%+v with a row moved to test: exit %d, stdout %q", c, res.code, res.stdout)
	}
}
