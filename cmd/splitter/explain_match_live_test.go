package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// explainMatchScript writes, for each case, a DATA file as someone types
// it (floats with trailing zeros, quoted text, missing values, CRLF line
// ends) and its parts as pandas writes them in each shape explain reads:
// to_csv with its default index, to_csv(index=False) with columns moved or
// dropped, to_json(orient="records", lines=True) per split (as a Hugging
// Face DatasetDict export writes its splits), one file with a split or
// is_test column, ID lists (one a line, a JSON list).
const explainMatchScript = `
import json, sys, os
import numpy as np, pandas as pd
from sklearn.model_selection import train_test_split
for c in json.load(sys.stdin):
    d, r, n = c["dir"], np.random.RandomState(c["gen"]), c["n"]
    with open(os.path.join(d, "data.csv"), "w", newline="") as f:
        f.write("id,price,name,rate,label\r\n")
        for i in range(n):
            k = r.randint(0, c["distinct"])
            price = "%.2f" % (k % 997 / 4)
            name = '"item, %d"' % (k % 50) if k % 3 else "plain%d" % (k % 7)
            rate = "" if k % 11 == 0 else "%.6f" % (k / 7919)
            ident = str(i) if c["distinct"] > n else str(k % 13)
            f.write("%s,%s,%s,%s,%d\r\n" % (ident, price, name, rate, k % 3))
    df = pd.read_csv(os.path.join(d, "data.csv"))
    seed, p = c["seed"], lambda name: os.path.join(d, name)
    if c["stratify"]:
        tr, te = train_test_split(df, test_size=c["test"], random_state=seed, stratify=df["label"])
    else:
        tr, te = train_test_split(df, test_size=c["test"], random_state=seed)
    shape = c["shape"]
    if shape in ("three", "splitcol3"):
        strat = lambda f: f["label"] if c["stratify"] else None
        rest, te = train_test_split(df, test_size=c["test"], random_state=seed, stratify=strat(df))
        tr, va = train_test_split(rest, test_size=0.25, random_state=seed, stratify=strat(rest))
    if shape == "three":
        tr.to_csv(p("train.csv")); va.to_csv(p("val.csv"), index=False); te.to_json(p("test.jsonl"), orient="records", lines=True)
    elif shape == "splitcol3":
        out = df.copy()
        out["split"] = "train"
        out.loc[va.index, "split"] = "val"
        out.loc[te.index, "split"] = "test"
        out.to_csv(p("split.csv"), index=False)
    if shape == "index":
        tr.to_csv(p("train.csv")); te.to_csv(p("test.csv"))
    elif shape == "noindex":
        cols = ["label", "rate", "name", "price"]  # reordered, id dropped
        tr[cols].to_csv(p("train.csv"), index=False); te[cols].to_csv(p("test.csv"), index=False)
    elif shape == "jsonl":
        tr.to_json(p("train.jsonl"), orient="records", lines=True)
        te.to_json(p("test.jsonl"), orient="records", lines=True)
    if shape == "splitcol":
        out = df.copy()
        out["split"] = "train"
        out.loc[te.index, "split"] = "test"
        out.sample(frac=1, random_state=1).to_csv(p("split.csv"), index=False)
    elif shape == "istest":
        out = df.copy()
        out["is_test"] = df.index.isin(te.index)
        out.to_csv(p("split.csv"), index=False)
    elif shape == "ids":
        with open(p("train.txt"), "w") as f:
            f.write("".join("%d\n" % i for i in tr.index))
        with open(p("test.json"), "w") as f:
            json.dump([int(i) for i in te.index], f)
    elif shape == "keyids":
        with open(p("train.txt"), "w") as f:
            f.write("".join("%d\n" % i for i in tr["id"]))
        with open(p("test.json"), "w") as f:
            json.dump([str(i) for i in te["id"]], f)
print("{}")
`

type explainMatchCase struct {
	Dir      string  `json:"dir"`
	Gen      int     `json:"gen"`
	N        int     `json:"n"`
	Distinct int     `json:"distinct"`
	Seed     uint32  `json:"seed"`
	Test     float64 `json:"test"`
	Stratify bool    `json:"stratify"`
	Shape    string  `json:"shape"`
}

// args are explain's flags and files for the case.
func (c explainMatchCase) args() []string {
	p := func(name string) string { return filepath.Join(c.Dir, name) }
	lo := max(int64(c.Seed)-500, 0)
	a := []string{"explain", "--seeds", fmt.Sprintf("%d-%d", lo, lo+1000), p("data.csv")}
	switch c.Shape {
	case "jsonl":
		return append(a, p("train.jsonl"), p("test.jsonl"))
	case "splitcol", "splitcol3":
		return append(a, "--split-column", "split", p("split.csv"))
	case "three":
		return append(a, p("train.csv"), p("val.csv"), p("test.jsonl"))
	case "istest":
		return append(a, "--split-column", "is_test", p("split.csv"))
	case "ids":
		return append(a, "--ids", p("train.txt"), p("test.json"))
	case "keyids":
		return append(a, "--ids", "--key", "id", p("train.txt"), p("test.json"))
	}
	return append(a, p("train.csv"), p("test.csv"))
}

// TestExplainPandasWrittenLive: explain finds the seed of parts written by
// pandas in every shape, with the rows matched by value.
func TestExplainPandasWrittenLive(t *testing.T) {
	oracle.Require(t, "numpy", "pandas", "sklearn")
	r := oracle.Rand(t)
	root := t.TempDir()
	shapes := []string{"index", "noindex", "jsonl", "splitcol", "istest", "ids", "keyids", "noindex", "index", "three", "splitcol3", "three"}
	var cases []explainMatchCase
	for i, s := range shapes {
		c := explainMatchCase{Dir: filepath.Join(root, fmt.Sprint(i)), Gen: r.IntN(1 << 30), N: 40 + r.IntN(600),
			Seed: uint32(r.IntN(1 << 20)), Test: float64(1+r.IntN(8)) / 10, Stratify: i%2 == 1 && i != 9, Shape: s, Distinct: 1 << 30}
		if i == 7 {
			c.Distinct = 15 // duplicated rows, matched as multisets
		}
		if err := os.MkdirAll(c.Dir, 0o777); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	var ignore map[string]any
	oracle.RunJSON(t, explainMatchScript, cases, &ignore)
	for _, c := range cases {
		res := runBin(t, "", c.args()...)
		want := fmt.Sprintf("seed %d: ", c.Seed)
		found := false
		for _, l := range strings.Split(string(res.stdout), "\n") {
			if strings.HasPrefix(l, want) && strings.Contains(l, "train_test_split(") && strings.Contains(l, "stratify=") == c.Stratify {
				found = true
			}
		}
		if res.code != 0 || !found {
			t.Errorf("%+v: exit %d, stdout %q, stderr %q: the true recipe is missing", c, res.code, res.stdout, res.stderr)
			continue
		}
		if c.Distinct < c.N && !strings.Contains(string(res.stderr), "rows repeat an earlier row") {
			t.Errorf("%+v: duplicated rows not reported: stderr %q", c, res.stderr)
		}
		t.Logf("%s: %s", c.Shape, strings.SplitN(string(res.stdout), "\n", 2)[0])
		c.verify(t)
	}
}

// verify checks the part files of c with verify's flag form: the true
// seed verifies (rows compared by value), the next one does not.
func (c explainMatchCase) verify(t *testing.T) {
	a := c.args()
	if a[len(a)-3] != filepath.Join(c.Dir, "data.csv") {
		return // not two part files
	}
	for _, seed := range []uint32{c.Seed, c.Seed + 1} {
		v := []string{"verify", "--seed", fmt.Sprint(seed), "--test", fmt.Sprint(c.Test)}
		if c.Stratify {
			v = append(v, "--stratify", "label")
		}
		res := runBin(t, "", append(v, a[len(a)-3:]...)...)
		if want := map[bool]int{true: 0, false: 1}[seed == c.Seed]; res.code != want {
			t.Errorf("%+v: verify --seed %d: exit %d, want %d; stderr %q", c, seed, res.code, want, res.stderr)
		}
	}
}
