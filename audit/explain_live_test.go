package audit

import (
	"context"
	"strconv"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/split"
)

// liveExplainScript makes partitions with the real scikit-learn, pandas and
// torch:
// each case returns the train and test row positions.
const liveExplainScript = `
import json, sys
import numpy as np, pandas as pd
from sklearn.model_selection import train_test_split
out = []
for c in json.load(sys.stdin):
    n, seed = c["n"], c["seed"]
    df = pd.DataFrame({"x": np.arange(n)})
    kw = {}
    if c["test"] is not None: kw["test_size"] = c["test"]
    if c["train"] is not None: kw["train_size"] = c["train"]
    if c["kind"] == "sklearn":
        tr, te = train_test_split(df, random_state=seed, **kw)
    elif c["kind"] == "noshuffle":
        tr, te = train_test_split(df, shuffle=False, **kw)
    elif c["kind"] == "stratified":
        tr, te = train_test_split(df, random_state=seed, stratify=np.array(c["labels"]), **kw)
    elif c["kind"] == "pandas":
        tr = df.sample(frac=c["frac"], random_state=seed)
        te = df.drop(tr.index)
    elif c["kind"] == "torch":
        import torch
        from torch.utils.data import random_split
        a = int(c["frac"] * n)
        tr, te = random_split(range(n), [a, n - a], generator=torch.Generator().manual_seed(seed))
        tr, te = df.iloc[list(tr)], df.iloc[list(te)]
    out.append({"train": [int(i) for i in tr.index], "test": [int(i) for i in te.index]})
json.dump(out, sys.stdout)
`

type liveExplainCase struct {
	Kind   string  `json:"kind"`
	N      int     `json:"n"`
	Seed   uint64  `json:"seed"`
	Test   any     `json:"test"`
	Train  any     `json:"train"`
	Frac   float64 `json:"frac"`
	Labels []int   `json:"labels,omitempty"`
	dups   int     // rows repeat every dups rows (0: all distinct)
}

type liveExplainResult struct {
	Train []int `json:"train"`
	Test  []int `json:"test"`
}

// records makes n data rows; with dups > 0 row i holds i % dups.
func records(n, dups int, labels []int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		v := i
		if dups > 0 {
			v = i % dups
		}
		s := strconv.Itoa(v)
		if labels != nil {
			s += "," + strconv.Itoa(labels[i])
		}
		out[i] = []byte(s)
	}
	return out
}

func pick(recs [][]byte, idx []int) [][]byte {
	out := make([][]byte, len(idx))
	for i, j := range idx {
		out[i] = recs[j]
	}
	return out
}

func TestExplainLive(t *testing.T) {
	oracle.Require(t, "numpy", "pandas", "sklearn", "torch")
	r := oracle.Rand(t)
	var cases []liveExplainCase
	for i := 0; i < 14; i++ {
		n := 20 + r.IntN(3000)
		c := liveExplainCase{N: n, Seed: uint64(r.IntN(1<<20 + 1))}
		switch i % 6 {
		case 0, 1:
			c.Kind = "sklearn"
			c.Test = float64(1+r.IntN(9)) / 10
		case 2:
			c.Kind = "sklearn"
			c.Test = 1 + r.IntN(n/3)
			c.Train = 1 + r.IntN(n/2)
			if i%4 == 2 {
				c.dups = 1 + r.IntN(n/2) // duplicated rows
			}
		case 3:
			c.Kind = "pandas"
			c.Frac = float64(1+r.IntN(99)) / 100
		case 4:
			c.Kind = "stratified"
			c.N = 20 + r.IntN(300)
			c.Test = 0.25
			k := 2 + r.IntN(3)
			c.Labels = make([]int, c.N)
			for j := range c.Labels {
				c.Labels[j] = r.IntN(k)
			}
			for j := 0; j < 2*k; j++ {
				c.Labels[j] = j % k // every class at least twice
			}
		case 5:
			c.Kind = "noshuffle"
			c.Test = 1 + r.IntN(n/2)
		}
		if i >= 12 {
			c.Kind = "torch"
			c.Frac = float64(1+r.IntN(99)) / 100
			c.Seed += uint64(r.IntN(4)) << 32 // only seed mod 2**32 matters
		}
		cases = append(cases, c)
	}
	var res []liveExplainResult
	oracle.RunJSON(t, liveExplainScript, cases, &res)
	want := map[string]Kind{"sklearn": Sklearn, "noshuffle": SklearnNoShuffle, "stratified": SklearnStratified, "pandas": PandasSample, "torch": TorchRandomSplit}
	for i, c := range cases {
		data := records(c.N, c.dups, c.Labels)
		p := NewPartition(data, pick(data, res[i].Train), pick(data, res[i].Test))
		center := c.Seed % (1 << 32) // torch's seeds alias mod 2**32
		first := uint64(0)
		if center > 300 {
			first = center - 300
		}
		opts := ExplainOptions{First: first, Last: center + 300, All: true}
		if c.Labels != nil {
			opts.Columns = []Column{{Name: "y", Labels: split.LabelsFromCodes(c.Labels)}}
		}
		ms, err := Explain(context.Background(), p, opts)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range ms {
			if m.Recipe.Kind == want[c.Kind] && (m.Seed == center || c.Kind == "noshuffle") {
				found = true
			}
		}
		if !found {
			t.Errorf("case %d %+v: true recipe not found; matches %v", i, c, ms)
		} else {
			t.Logf("case %d %s n=%d seed %d: %d matches, e.g. %s", i, c.Kind, c.N, c.Seed, len(ms), ms[0].Recipe.Python("data.csv", ms[0].Seed))
		}
	}
}
