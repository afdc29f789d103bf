package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/recipe"
)

// explainMoreScript writes, for each case, a data file and what the real
// Python call made of it with the case's seed: a split of the file's
// lines as a list (random.shuffle, random.sample), torch random_split with
// fractions, pandas sample(n=k) with the rest dropped (to_csv with its
// index), or one shuffled file (pandas sample(frac=1),
// np.random.RandomState.permutation, sklearn.utils.shuffle, torch.randperm,
// random.shuffle, and what Hugging Face's Dataset.shuffle(seed) selects:
// default_rng(seed).permutation; datasets is not installable here). It returns each part's row positions.
const explainMoreScript = `
import json, sys, os, random
import numpy as np, pandas as pd, torch
from sklearn.utils import shuffle as sk_shuffle
out = []
for c in json.load(sys.stdin):
    d, n, s, k = c["dir"], c["n"], c["seed"], c["k"]
    g = random.Random(c["gen"])
    lines = ["id,x,name"] + ["%d,%.3f,\"n, %d\"" % (i, g.random() * 100, g.randrange(10**6)) for i in range(n)]
    data = os.path.join(d, "data.csv")
    with open(data, "w") as f:
        f.write("\n".join(lines) + "\n")
    df = pd.read_csv(data)
    p = lambda name: os.path.join(d, name)
    def lines_out(name, rows):
        with open(p(name), "w") as f:
            f.write("\n".join([lines[0]] + rows) + "\n")
    kind, parts = c["kind"], None
    if kind == "pyshuffle":
        rows = lines[1:]
        random.seed(s); random.shuffle(rows)
        lines_out("train.csv", rows[:k]); lines_out("test.csv", rows[k:])
        parts = [[lines.index(r) - 1 for r in rows[:k]], [lines.index(r) - 1 for r in rows[k:]]]
    elif kind == "pysample":
        rows = lines[1:]
        random.seed(s); tr = random.sample(rows, k)
        taken = set(tr); te = [r for r in rows if r not in taken]
        lines_out("train.csv", tr); lines_out("test.csv", te)
        parts = [[lines.index(r) - 1 for r in tr], [lines.index(r) - 1 for r in te]]
    elif kind == "torchfrac":
        f = c["frac"]
        tr, te = torch.utils.data.random_split(range(n), [f, round(1 - f, 2)], generator=torch.Generator().manual_seed(s))
        df.iloc[list(tr)].to_csv(p("train.csv"), index=False); df.iloc[list(te)].to_csv(p("test.csv"), index=False)
        parts = [list(tr), list(te)]
    elif kind == "pandasn":
        tr = df.sample(n=k, random_state=s); te = df.drop(tr.index)
        tr.to_csv(p("train.csv")); te.to_csv(p("test.csv"))
        parts = [list(tr.index), list(te.index)]
    else:
        if kind == "pandasshuffle":
            sh = df.sample(frac=1, random_state=s)
        elif kind == "npperm":
            sh = df.iloc[np.random.RandomState(s).permutation(n)]
        elif kind == "skshuffle":
            sh = sk_shuffle(df, random_state=s)
        elif kind == "hfshuffle":  # Dataset.shuffle(seed=s): select(default_rng(s).permutation(n))
            sh = df.iloc[np.random.default_rng(s).permutation(n)]
        elif kind == "torchperm":
            sh = df.iloc[torch.randperm(n, generator=torch.Generator().manual_seed(s)).numpy()]
        else:
            x = df.values.tolist()
            random.seed(s); random.shuffle(x)
            sh = pd.DataFrame(x, columns=df.columns)
            sh.index = [df.values.tolist().index(r) for r in x]
        sh.to_csv(p("shuffled.csv"), index=kind == "npperm")
        parts = [[int(i) for i in sh.index]]
    out.append([[int(i) for i in q] for q in parts])
print(json.dumps(out))
`

// explainRunScript runs each printed Python line (with recipe.Imports)
// and returns the row positions of what it binds: train and test, the
// parts of random_split, or the value of a last expression (a shuffle).
const explainRunScript = `
import ast, json, sys
out = []
for code in json.load(sys.stdin):
    tree = ast.parse(code)
    if isinstance(tree.body[-1], ast.Expr):
        tree.body[-1] = ast.Assign(targets=[ast.Name("shuffled", ast.Store())], value=tree.body[-1].value, lineno=0)
        ast.fix_missing_locations(tree)
    env = {}
    exec(compile(tree, "<explain>", "exec"), env)
    pos = lambda f: [int(i) for i in f.index]
    if "parts" in env:
        out.append([[int(i) for i in q.indices] for q in env["parts"]])
    elif "shuffled" in env:
        out.append([pos(env["shuffled"])])
    else:
        out.append([pos(env["train"]), pos(env["test"])])
print(json.dumps(out))
`

type explainMoreCase struct {
	Dir  string  `json:"dir"`
	Kind string  `json:"kind"`
	Gen  int     `json:"gen"`
	N    int     `json:"n"`
	K    int     `json:"k"`
	Seed uint64  `json:"seed"`
	Frac float64 `json:"frac"`
}

// TestExplainMoreLive: the real Python writes parts with fresh random
// seeds (Python's random on the file's lines as a list, torch fractions,
// pandas sample(n=k) + drop, and one shuffled file five ways); explain
// names the seed, the printed Python, run by Python, makes exactly the
// same row positions, and the recipe value validates.
func TestExplainMoreLive(t *testing.T) {
	oracle.Require(t, "numpy", "pandas", "sklearn", "torch")
	r := oracle.Rand(t)
	root := t.TempDir()
	kinds := []string{"pyshuffle", "pysample", "torchfrac", "pandasn", "pandasshuffle", "npperm", "skshuffle", "torchperm", "pyshuffle1", "hfshuffle", "hfshuffle", "pyshuffle"}
	var cases []explainMoreCase
	for i, kind := range kinds {
		n := 30 + r.IntN(500)
		c := explainMoreCase{Dir: filepath.Join(root, fmt.Sprint(i)), Kind: kind, Gen: r.IntN(1 << 30), N: n, K: 1 + r.IntN(n-1),
			Seed: uint64(r.IntN(1 << 32)), Frac: float64(5+r.IntN(90)) / 100}
		if strings.HasPrefix(kind, "py") && i == len(kinds)-1 || kind == "hfshuffle" && r.IntN(2) == 0 {
			c.Seed = r.Uint64() >> 1 // Python and default_rng take any int >= 0
		}
		if err := os.MkdirAll(c.Dir, 0o777); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	var written [][][]int
	oracle.RunJSON(t, explainMoreScript, cases, &written)
	var codes []string
	for _, c := range cases {
		lo := c.Seed - min(c.Seed, 300)
		args := []string{"explain", "--seeds", fmt.Sprintf("%d-%d", lo, lo+600), filepath.Join(c.Dir, "data.csv")}
		if strings.Contains(c.Kind, "shuffle") && c.Kind != "pyshuffle" || strings.HasSuffix(c.Kind, "perm") {
			args = append(args, filepath.Join(c.Dir, "shuffled.csv"))
		} else {
			args = append(args, filepath.Join(c.Dir, "train.csv"), filepath.Join(c.Dir, "test.csv"))
		}
		res := runBin(t, "", args...)
		want := fmt.Sprintf("seed %d: ", c.Seed)
		line, _, _ := strings.Cut(string(res.stdout), "\n")
		if res.code != 0 || !strings.HasPrefix(line, want) {
			t.Fatalf("%+v: exit %d, stdout %q, stderr %q: want %q first", c, res.code, res.stdout, res.stderr, want)
		}
		code := strings.TrimPrefix(line, want)
		if c.Kind == "torchfrac" && !strings.Contains(code, ", 0.") {
			t.Errorf("%+v: %s: torch lengths not as fractions", c, code)
		}
		t.Logf("%s: %s", c.Kind, line)
		codes = append(codes, recipe.Imports(code)+code)
	}
	var ran [][][]int
	oracle.RunJSON(t, explainRunScript, codes, &ran)
	for i, c := range cases {
		if !slices.EqualFunc(ran[i], written[i], slices.Equal) {
			t.Errorf("%+v: the printed Python makes other rows than the files hold", c)
		}
	}
}
