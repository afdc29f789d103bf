package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// summaryCase is one stratified split pandas writes for
// TestExplainSummaryLive, with the per-part counts pandas computes.
type summaryCase struct {
	Dir  string `json:"dir"`
	N    int    `json:"n"`
	Gen  int    `json:"gen"`
	Seed int    `json:"seed"`
}

type summaryWant struct {
	Rows    [2]int            `json:"rows"`
	Classes [2]map[string]int `json:"classes"`
	Groups  [2]int            `json:"groups"`
}

const explainSummaryScript = `
import json, sys, os
import numpy as np, pandas as pd
from sklearn.model_selection import train_test_split
out = []
for c in json.load(sys.stdin):
    r, n = np.random.RandomState(c["gen"]), c["n"]
    df = pd.DataFrame({"x": (r.rand(n) * 100).round(2), "label": r.choice([3, 7, 11], n, p=[0.5, 0.3, 0.2]),
                       "grp": r.choice(["a", "b", "c", "d", "e", "f", "g"], n)})
    df.to_csv(os.path.join(c["dir"], "data.csv"), index=False)
    tr, te = train_test_split(df, test_size=0.25, random_state=c["seed"], stratify=df["label"])
    tr.to_csv(os.path.join(c["dir"], "train.csv"))
    te[["grp", "label", "x"]].to_csv(os.path.join(c["dir"], "test.csv"), index=False)
    parts = [tr, te]
    out.append({"rows": [len(p) for p in parts],
                "classes": [{str(k): int(v) for k, v in p["label"].value_counts().items()} for p in parts],
                "groups": [int(p["grp"].nunique(dropna=False)) for p in parts]})
print(json.dumps(out))
`

// TestExplainSummaryLive: explain --json describes each part as pandas
// counts it: rows, the classes of the stratify column the match names
// (value_counts) and the distinct groups of --group (nunique), for parts
// pandas wrote (one with its index column, one with columns reordered).
func TestExplainSummaryLive(t *testing.T) {
	oracle.Require(t, "sklearn", "pandas")
	r := oracle.Rand(t)
	var cases []summaryCase
	for i := range 3 {
		dir := filepath.Join(t.TempDir(), strconv.Itoa(i))
		os.MkdirAll(dir, 0o755)
		cases = append(cases, summaryCase{Dir: dir, N: 40 + r.IntN(400), Gen: r.IntN(1 << 30), Seed: r.IntN(3000)})
	}
	var wants []summaryWant
	oracle.RunJSON(t, explainSummaryScript, cases, &wants)
	for i, c := range cases {
		res := runBin(t, c.Dir, "explain", "--json", "--group", "grp", "--seeds", "0-3000", "data.csv", "train.csv", "test.csv")
		var got struct {
			Matches []struct{ Seed string }
			Input   struct{ Rows int }
			Parts   []struct {
				Rows    int
				Classes map[string]int
				Groups  *int
			}
		}
		if err := json.Unmarshal(res.stdout, &got); err != nil || res.code != 0 || len(got.Parts) != 2 {
			t.Fatalf("%+v: exit %d, %v, stdout %q, stderr %q", c, res.code, err, res.stdout, res.stderr)
		}
		if got.Input.Rows != c.N || len(got.Matches) == 0 || got.Matches[0].Seed != strconv.Itoa(c.Seed) {
			t.Errorf("%+v: input rows %d, matches %+v", c, got.Input.Rows, got.Matches)
		}
		for k, p := range got.Parts {
			w := wants[i]
			if p.Rows != w.Rows[k] || !reflect.DeepEqual(p.Classes, w.Classes[k]) || p.Groups == nil || *p.Groups != w.Groups[k] {
				t.Errorf("%+v part %d: rows %d classes %v groups %v; pandas: %d %v %d", c, k, p.Rows, p.Classes, p.Groups, w.Rows[k], w.Classes[k], w.Groups[k])
			}
		}
	}
}
