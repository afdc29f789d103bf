package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// verifyPandasScript splits a fresh data file with train_test_split and
// writes the parts with pandas (with or without the index column), then
// damages them one way: a train row swapped with a test row, one value of
// a train row edited, a train row duplicated at the end; or rewrites
// every float with float_format (which only --key can match). It returns
// the 1-based train row the damage is first seen at.
const verifyPandasScript = `
import json, sys, os
import numpy as np, pandas as pd
from sklearn.model_selection import train_test_split
out = []
for c in json.load(sys.stdin):
    d, r, n = c["dir"], np.random.RandomState(c["gen"]), c["n"]
    df = pd.DataFrame({"id": np.arange(n) * 7 + 3, "price": r.randint(0, 10**6, n) / 1000, "name": ["n%d" % r.randint(10**6) for _ in range(n)]})
    df.to_csv(os.path.join(d, "data.csv"), index=False)
    tr, te = train_test_split(df, test_size=c["test"], random_state=c["seed"])
    i, j, row = r.randint(len(tr)), r.randint(len(te)), 0
    kind, opts = c["kind"], {"index": c["index"]}
    if kind == "swap":
        a, b = tr.iloc[[i]], te.iloc[[j]]
        tr = pd.concat([tr.iloc[:i], b, tr.iloc[i + 1:]]); te = pd.concat([te.iloc[:j], a, te.iloc[j + 1:]])
        row = i + 1
    elif kind == "edit":
        tr = tr.copy(); tr.iloc[i, 1] = tr.iloc[i, 1] + 0.5
        row = i + 1
    elif kind == "dup":
        tr = pd.concat([tr, tr.iloc[[i]]])
        row = len(tr)
    elif kind == "floatformat":
        opts["float_format"] = "%.1f"
    tr.to_csv(os.path.join(d, "train.csv"), **opts); te.to_csv(os.path.join(d, "test.csv"), **opts)
    out.append(row)
print(json.dumps(out))
`

// TestVerifyPandasDamagedLive: verify refuses pandas-written parts with
// one row swapped between train and test, one value edited, or a row
// duplicated, naming the file and row; explain of float_format-rewritten
// parts says that only --key can match, and with --key finds the seed.
func TestVerifyPandasDamagedLive(t *testing.T) {
	oracle.Require(t, "numpy", "pandas", "sklearn")
	r := oracle.Rand(t)
	root := t.TempDir()
	type tc struct {
		Dir   string  `json:"dir"`
		Kind  string  `json:"kind"`
		Gen   int     `json:"gen"`
		N     int     `json:"n"`
		Seed  int     `json:"seed"`
		Test  float64 `json:"test"`
		Index bool    `json:"index"`
	}
	var cases []tc
	for i, kind := range []string{"swap", "edit", "dup", "floatformat", "swap", "edit", "dup", "floatformat"} {
		c := tc{Dir: filepath.Join(root, fmt.Sprint(i)), Kind: kind, Gen: r.IntN(1 << 30), N: 20 + r.IntN(400),
			Seed: r.IntN(1 << 20), Test: float64(1+r.IntN(5)) / 10, Index: i < 4}
		if err := os.MkdirAll(c.Dir, 0o777); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	var rows []int
	oracle.RunJSON(t, verifyPandasScript, cases, &rows)
	for i, c := range cases {
		files := []string{filepath.Join(c.Dir, "data.csv"), filepath.Join(c.Dir, "train.csv"), filepath.Join(c.Dir, "test.csv")}
		if c.Kind == "floatformat" {
			seeds := fmt.Sprintf("%d-%d", max(c.Seed-50, 0), c.Seed+50)
			res := runBin(t, "", append([]string{"explain", "--seeds", seeds}, files...)...)
			if res.code != 1 || !strings.Contains(string(res.stderr), "--key") {
				t.Errorf("%+v: explain: exit %d, stderr %q: want 1 and a word on --key", c, res.code, res.stderr)
			}
			res = runBin(t, "", append([]string{"explain", "--key", "id", "--seeds", seeds}, files...)...)
			if res.code != 0 || !strings.HasPrefix(string(res.stdout), fmt.Sprintf("seed %d: ", c.Seed)) {
				t.Errorf("%+v: explain --key id: exit %d, stdout %q, stderr %q", c, res.code, res.stdout, res.stderr)
			}
			continue
		}
		res := runBin(t, "", append([]string{"verify", "--seed", fmt.Sprint(c.Seed), "--test", fmt.Sprint(c.Test)}, files...)...)
		want := fmt.Sprintf("row %d", rows[i])
		if res.code != 1 || !strings.Contains(string(res.stderr), "train.csv") || !strings.Contains(string(res.stderr), want) {
			t.Errorf("%+v: verify: exit %d, stderr %q: want 1 naming train.csv %s", c, res.code, res.stderr, want)
		}
	}
}
