package recipe

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// hashLiveScript runs each case's Python program (the recipe's own
// rendering, imports included) and returns test's and train's row
// positions.
const hashLiveScript = `
import json, sys
out = []
for c in json.load(sys.stdin):
    ns = {}
    exec(c["program"], ns)
    out.append({"train": [int(i) for i in ns["train"].index], "test": [int(i) for i in ns["test"].index], "dtype": str(ns["df"][c["key"]].dtype)})
json.dump(out, sys.stdout)
`

// drawHashIDs draws an id column of one kind as CSV text: int64 ids
// (negative, large), strings (unicode, empty), floats with NaN, uint64
// beyond int64, or booleans.
func drawHashIDs(r *rand.Rand, n int) (kind string, cells []string) {
	kinds := []string{"int", "string", "float", "uint64", "bool"}
	kind = kinds[r.IntN(len(kinds))]
	for i := range n {
		var c string
		switch kind {
		case "int":
			c = strconv.FormatInt(r.Int64N(1<<62)-(1<<61)>>r.IntN(62), 10)
		case "string":
			c = []string{"a", "b7", "ünï", "x y", "007", "日本", ""}[r.IntN(7)] + strconv.Itoa(r.IntN(50))
		case "float":
			c = []string{"", "1.5", "3.0", "-0.0", "1e300", "0.1", "2", "inf"}[r.IntN(8)]
			if c != "" && c != "inf" {
				c += strconv.Itoa(r.IntN(9))
			}
		case "uint64":
			c = strconv.FormatUint(1<<63+r.Uint64N(1<<63), 10)
			if i%3 == 1 {
				c = strconv.Itoa(r.IntN(1000))
			}
		case "bool":
			c = []string{"True", "False", "true"}[r.IntN(3)]
		}
		cells = append(cells, c)
	}
	return kind, cells
}

func TestHashSplitLive(t *testing.T) {
	oracle.Require(t, "numpy", "pandas")
	rnd := oracle.Rand(t)
	type pyCase struct {
		Program string `json:"program"`
		Key     string `json:"key"`
	}
	var cases []pyCase
	var got []*Result
	var kinds []string
	dir := t.TempDir()
	for i := range 30 {
		n := rnd.IntN(60)
		kind, ids := drawHashIDs(rnd, n)
		var b strings.Builder
		b.WriteString("v,id\n")
		for j, id := range ids {
			fmt.Fprintf(&b, "%d,%s\n", j, id)
		}
		path := filepath.Join(dir, fmt.Sprintf("d%d.csv", i))
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		ratio := []string{"0.2", "0.5", "0.0", "1.0", "0.9", strconv.FormatFloat(rnd.Float64(), 'g', -1, 64)}[rnd.IntN(6)]
		rc, err := Parse("split", ArgMap{"compat": "hash", "key": "id", "test": ratio})
		if err != nil {
			t.Fatal(err)
		}
		tb, err := table.Open(context.Background(), path, rows.Options{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := rc.Apply(context.Background(), tb)
		tb.Close()
		if err != nil {
			t.Fatal(err)
		}
		got, kinds = append(got, res), append(kinds, kind)
		cases = append(cases, pyCase{Program: rc.Program(path, res.Rows), Key: "id"})
	}
	var want []struct {
		Train, Test []int
		Dtype       string
	}
	oracle.RunJSON(t, hashLiveScript, cases, &want)
	for i, res := range got {
		if !slices.Equal(res.Parts[0].Rows, want[i].Train) || !slices.Equal(res.Parts[1].Rows, want[i].Test) {
			t.Errorf("case %d (%s ids, dtype %s): train %v test %v, Python %v %v\n%s", i, kinds[i], want[i].Dtype, res.Parts[0].Rows, res.Parts[1].Rows, want[i].Train, want[i].Test, cases[i].Program)
		}
	}
}

func TestHashSplitArgs(t *testing.T) {
	bad := []ArgMap{
		{"compat": "hash", "test": "0.2"},
		{"compat": "hash", "key": "id"},
		{"compat": "hash", "key": "id", "test": "2"},
		{"compat": "hash", "key": "id", "test": "1.5"},
		{"compat": "hash", "key": "id", "test": "nan"},
		{"compat": "hash", "key": "id", "test": "0.2", "seed": "1"},
		{"compat": "hash", "key": "id", "test": "0.2", "train": "0.5"},
		{"compat": "hash", "key": "id", "test": "0.2", "val": "0.5"},
		{"compat": "hash", "key": "id", "test": "0.2", "stratify": "y"},
		{"compat": "hash", "key": "id", "test": "0.2", "group": "g"},
		{"compat": "hash", "key": "id", "sizes": "0.6,0.2,0.2"},
		{"key": "id", "test": "0.2", "seed": "1"},
	}
	for _, a := range bad {
		if _, err := Parse("split", a); err == nil {
			t.Errorf("%v: no error", a)
		}
	}
	r, err := Parse("split", ArgMap{"compat": "hash", "key": "id", "test": "0.25"})
	if err != nil || r.Seeded() || r.Command() != "split" {
		t.Fatalf("%+v %v", r, err)
	}
}
