package audit

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/rows"
)

// matchLiveScript writes a DATA file whose columns pandas types in ways a
// subset of its rows types otherwise (an int column with a missing value
// reads as float64, text that is numeric in some rows, bools with a
// missing value, large integers), then parts of random rows: as pandas
// writes them (to_csv(index=False), columns reversed; to_json lines) and
// as a hand copy of the data's lines (a subset reads its own types). It
// prints each part's data row positions, the truth MatchTables must find.
const matchLiveScript = `
import json, sys, os
import numpy as np, pandas as pd
out = []
for c in json.load(sys.stdin):
    d, r, n = c["dir"], np.random.RandomState(c["gen"]), c["n"]
    lines = ["i,f,s,b,big"]
    for k in range(n):
        i = "" if r.rand() < 0.05 else str(r.randint(-5, 5))
        f = "%.3f" % (r.randint(0, 50) / 8) if r.rand() < 0.9 else ("-0.0" if r.rand() < 0.5 else "")
        s = ["007", "7", "x", "1.50", "True", ""][r.randint(0, 6)] if r.rand() < 0.3 else str(r.randint(0, 9))
        b = ["True", "False", "", "TRUE"][r.randint(0, 4)]
        big = str(2**62 + r.randint(0, 3) * 2**40 + r.randint(0, 2))
        lines.append(",".join([i, f, s, b, big]))
    with open(os.path.join(d, "data.csv"), "w") as fh:
        fh.write("\n".join(lines) + "\n")
    df = pd.read_csv(os.path.join(d, "data.csv"))
    pos = {}
    for name in ["csv", "jsonl", "copy"]:
        part = df.sample(n=max(1, n // 3), random_state=r.randint(0, 2**31))
        pos[name] = [int(x) for x in part.index]
        if name == "csv":
            part[list(reversed(df.columns))].to_csv(os.path.join(d, "p.csv"), index=False)
        elif name == "jsonl":
            part.to_json(os.path.join(d, "p.jsonl"), orient="records", lines=True)
        else:
            with open(os.path.join(d, "copy.csv"), "w") as fh:
                fh.write("\n".join([lines[0]] + [lines[i + 1] for i in part.index]) + "\n")
    out.append(pos)
json.dump(out, sys.stdout)
`

// TestMatchTablesLive: every row of a part written by pandas, or copied by
// hand, matches the data row it came from.
func TestMatchTablesLive(t *testing.T) {
	oracle.Require(t, "numpy", "pandas")
	r := oracle.Rand(t)
	type mcase struct {
		Dir string `json:"dir"`
		Gen int    `json:"gen"`
		N   int    `json:"n"`
	}
	var cases []mcase
	for i := range 6 {
		c := mcase{Dir: filepath.Join(t.TempDir(), fmt.Sprint(i)), Gen: r.IntN(1 << 30), N: 3 + r.IntN(300)}
		if err := os.MkdirAll(c.Dir, 0o777); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	var truth []map[string][]int
	oracle.RunJSON(t, matchLiveScript, cases, &truth)
	open := func(path string) *rows.Index {
		ix, err := rows.IndexFile(path, rows.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	for k, c := range cases {
		data := open(filepath.Join(c.Dir, "data.csv"))
		for name, file := range map[string]string{"csv": "p.csv", "jsonl": "p.jsonl", "copy": "copy.csv"} {
			part := open(filepath.Join(c.Dir, file))
			m, err := MatchTables([]string{"data", file}, data, []Table{part}, MatchOptions{})
			if err != nil {
				t.Fatalf("%+v %s: %v", c, name, err)
			}
			for row, pos := range truth[k][name] {
				if got := m.Parts[0][row]; got != m.Data[pos] {
					t.Errorf("%+v %s: row %d has id %d, its data row %d has %d", c, name, row+1, got, pos+1, m.Data[pos])
					break
				}
			}
		}
	}
}
