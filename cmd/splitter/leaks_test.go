package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

const leaksScript = `
import json, sys
import pandas as pd
c = json.load(sys.stdin)
dfs = [pd.read_csv(p) for p in c["paths"]]
cols = [x for x in dfs[0].columns if all(x in d.columns for d in dfs) and x != "Unnamed: 0"]
out = []
for i in range(len(dfs)):
    for j in range(i + 1, len(dfs)):
        a, b = dfs[i][cols].drop_duplicates(), dfs[j][cols].drop_duplicates()
        out.append(len(pd.merge(a, b, on=cols)))
json.dump(out, sys.stdout)
`

// TestLeaksLive: on fresh random parts whose rows overlap, written with
// different float spellings (1.5, 1.50), NaN and reordered or extra
// columns, leaks counts per pair what pd.merge of the deduplicated parts
// counts.
func TestLeaksLive(t *testing.T) {
	oracle.Require(t, "pandas")
	r := oracle.Rand(t)
	dir := t.TempDir()
	for round := range 8 {
		pool := make([][3]string, 12+r.IntN(20))
		for i := range pool {
			x := strconv.Itoa(r.IntN(5))
			switch r.IntN(4) {
			case 0:
				x = ""
			case 1:
				x += ".5"
			}
			pool[i] = [3]string{strconv.Itoa(r.IntN(4)), x, string(rune('a' + r.IntN(3)))}
		}
		k := 2 + r.IntN(2)
		paths := make([]string, k)
		for p := range k {
			var b strings.Builder
			swap := r.IntN(2) == 0
			if swap {
				b.WriteString("label,x,id,extra\n")
			} else {
				b.WriteString("id,x,label\n")
			}
			for range 5 + r.IntN(15) {
				row := pool[r.IntN(len(pool))]
				x := row[1]
				if strings.HasSuffix(x, ".5") && r.IntN(2) == 0 {
					x += "0" // 1.50: another spelling of 1.5
				} else if x != "" && !strings.Contains(x, ".") && r.IntN(3) == 0 {
					x += ".0"
				}
				if swap {
					fmt.Fprintf(&b, "%s,%s,%s,%d\n", row[2], x, row[0], r.IntN(9))
				} else {
					fmt.Fprintf(&b, "%s,%s,%s\n", row[0], x, row[2])
				}
			}
			paths[p] = filepath.Join(dir, fmt.Sprintf("r%d.p%d.csv", round, p))
			os.WriteFile(paths[p], []byte(b.String()), 0o644)
		}
		var want []int
		oracle.RunJSON(t, leaksScript, map[string]any{"paths": paths}, &want)
		res := runBin(t, dir, append([]string{"leaks", "--json"}, paths...)...)
		var got struct {
			Pairs []struct{ Shared int }
		}
		if err := json.Unmarshal(res.stdout, &got); err != nil || len(got.Pairs) != len(want) {
			t.Fatalf("round %d: %q %v", round, res.stdout, err)
		}
		any := false
		for i, w := range want {
			if got.Pairs[i].Shared != w {
				t.Errorf("round %d pair %d: %d shared, pandas merge %d", round, i, got.Pairs[i].Shared, w)
			}
			any = any || w > 0
		}
		if wantCode := map[bool]int{true: 1, false: 0}[any]; res.code != wantCode {
			t.Errorf("round %d: exit %d, want %d", round, res.code, wantCode)
		}
	}
}

const irisLeaksScript = `
import json, sys
import pandas as pd
from sklearn.model_selection import train_test_split
df = pd.read_csv(json.load(sys.stdin))
n = 0
for s in range(100):
    tr, te = train_test_split(df, random_state=s)
    n += len(pd.merge(tr.drop_duplicates(), te.drop_duplicates(), on=list(df.columns))) > 0
json.dump(n, sys.stdout)
`

// TestLeaksIris: iris has two identical rows; for seeds 0-99 leaks finds
// them on both sides of train_test_split exactly as often as pandas does.
func TestLeaksIris(t *testing.T) {
	oracle.Require(t, "pandas", "sklearn")
	src := "/usr/lib/python3/dist-packages/sklearn/datasets/data/iris.csv"
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatalf("scikit-learn's iris.csv: %v", err)
	}
	dir := t.TempDir()
	lines := strings.SplitN(string(data), "\n", 2)
	path := filepath.Join(dir, "iris.csv")
	os.WriteFile(path, []byte("sl,sw,pl,pw,label\n"+lines[1]), 0o644)
	var want int
	oracle.RunJSON(t, irisLeaksScript, path, &want)
	got := 0
	for s := range 100 {
		mustRun(t, dir, "--seed", strconv.Itoa(s), "--no-manifest", "iris.csv")
		r := runBin(t, dir, "leaks", "iris.train.csv", "iris.test.csv")
		if r.code == 1 {
			got++
			if !strings.Contains(string(r.stdout), "5.8, 2.7, 5.1, 1.9, 2") {
				t.Errorf("seed %d: the report does not show the duplicate: %s", s, r.stdout)
			}
		} else if r.code != 0 {
			t.Fatalf("seed %d: exit %d %s", s, r.code, r.stderr)
		}
	}
	if got != want || want == 0 {
		t.Errorf("leaks found the duplicate for %d seeds of 0-99, pandas for %d", got, want)
	}
}
