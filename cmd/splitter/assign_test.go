package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/rows/parquetrows"
)

// assignScript runs each case's Python code (the manifest's) and computes
// the assignment from what it binds: each part's rows by name (train,
// val, test, torch's parts), or each row's fold and its rank among that
// fold's test rows. It prints the CSV pandas writes for that table, and
// what pandas reads back from splitter's CSV.
const assignScript = `
import json, sys, io, math
import pandas as pd
out = []
for c in json.load(sys.stdin):
    ns = {}
    exec(c["python"], ns)
    n = len(ns["df"])
    part, pos = [None] * n, [None] * n
    if c["kfold"]:
        seen = {}
        for i, f in enumerate(ns["folds"]["fold"]):
            if f is None or (isinstance(f, float) and math.isnan(f)):
                continue
            k = str(int(f))
            part[i], pos[i] = k, seen.get(k, 0)
            seen[k] = pos[i] + 1
    elif "parts" in ns:
        for name, p in zip(c["names"], ns["parts"]):
            for j, i in enumerate(p.indices):
                part[i], pos[i] = name, j
    else:
        for name in ("train", "val", "test"):
            if name in ns:
                for j, i in enumerate(ns[name].index):
                    part[i], pos[i] = name, j
    want = pd.DataFrame({"row": range(n), "part": part, "position": pd.array(pos, dtype="Int64")})
    got = pd.read_csv(c["csv"], dtype={"part": object})
    same = list(got.columns) == ["row", "part", "position"] and len(got) == n and \
        all(got["row"] == range(n)) and \
        all((a == b) or (a is None and isinstance(b, float) and math.isnan(b)) for a, b in zip(part, got["part"])) and \
        all((a == b) or (a is None and math.isnan(b)) for a, b in zip(pos, got["position"]))
    out.append({"csv": want.to_csv(index=False), "same": bool(same)})
json.dump(out, sys.stdout)
`

func TestAssignLive(t *testing.T) {
	oracle.Require(t, "numpy", "pandas", "sklearn", "torch")
	rnd := oracle.Rand(t)
	n := 20 + rnd.IntN(60)
	var b strings.Builder
	b.WriteString("id,label,g\n")
	for i := range n {
		fmt.Fprintf(&b, "%d,%d,%d\n", rnd.IntN(1000), i%3, rnd.IntN(7))
	}
	dir, data := writeInput(t, b.String())
	seed := strconv.Itoa(rnd.IntN(1 << 30))
	runs := [][]string{
		{"--seed", seed, "--test", "0.3"},
		{"--seed", seed, "--stratify", "label", "--val", "0.25"},
		{"--seed", seed, "--test", "0.2", "--train", "0.5"}, // rows in no part
		{"--seed", seed, "--group", "g"},
		{"--seed", seed, "--compat", "torch", "--lengths", "0.5,0.3,0.2", "--names", "a,b,c"},
		{"--compat", "hash", "--key", "id", "--test", "0.3"},
		{"--folds", "4", "--seed", seed},
		{"--folds", "3", "--seed", seed, "--stratify", "label"},
		{"--folds", "3", "--group", "g"},
		{"--folds", "4", "--time-series", "--test", "3"}, // rows never tested
	}
	type pyCase struct {
		Python string   `json:"python"`
		Kfold  bool     `json:"kfold"`
		Names  []string `json:"names"`
		CSV    string   `json:"csv"`
	}
	var cases []pyCase
	for i, args := range runs {
		csv, pq, man := fmt.Sprintf("a%d.csv", i), fmt.Sprintf("a%d.parquet", i), fmt.Sprintf("a%d.json", i)
		mustRun(t, dir, append([]string{"assign", "-o", csv, "--manifest", man, data}, args...)...)
		mustRun(t, dir, append([]string{"assign", "-o", pq, data}, args...)...)
		m, err := audit.ReadManifest(filepath.Join(dir, man))
		if err != nil {
			t.Fatal(err)
		}
		if m.Command != "assign" || len(m.Outputs) != 1 || m.Outputs[0].Rows != n {
			t.Errorf("%v: manifest %s with %d outputs", args, m.Command, len(m.Outputs))
		}
		c := pyCase{Python: m.Python, Kfold: slices.Contains(args, "--folds"), CSV: filepath.Join(dir, csv), Names: []string{"a", "b", "c"}}
		cases = append(cases, c)
	}
	var want []struct {
		CSV  string
		Same bool
	}
	oracle.RunJSON(t, assignScript, cases, &want)
	for i, args := range runs {
		got, err := os.ReadFile(cases[i].CSV)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want[i].CSV || !want[i].Same {
			t.Errorf("assign %v: CSV differs from Python's (pandas reads it alike: %v)\ngot:\n%.300s\nwant:\n%.300s", args, want[i].Same, got, want[i].CSV)
		}
		checkAssignParquet(t, filepath.Join(dir, fmt.Sprintf("a%d.parquet", i)), want[i].CSV)
		man := fmt.Sprintf("a%d.json", i)
		if r := runBin(t, dir, "verify", man); r.code != 0 {
			t.Errorf("assign %v: verify exit %d: %s", args, r.code, r.stderr)
		}
		// Another row's part: a new last line naming the first row again.
		if err := os.WriteFile(cases[i].CSV, append(got, got[len("row,part,position\n"):][:bytes.IndexByte(got[len("row,part,position\n"):], '\n')+1]...), 0o666); err != nil {
			t.Fatal(err)
		}
		if r := runBin(t, dir, "verify", man); r.code != 1 {
			t.Errorf("assign %v: verify of a changed file: exit %d, want 1: %s", args, r.code, r.stderr)
		}
	}
}

// checkAssignParquet reads an assignment Parquet file back (as pandas
// would: nullable int64 as float64 with NaN) and compares it with the
// CSV text pandas writes for the same assignment, and its types with
// int64, string, int64.
func checkAssignParquet(t *testing.T, path, wantCSV string) {
	t.Helper()
	p, err := parquetrows.Open(path, parquetrows.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	types := []arrow.DataType{arrow.PrimitiveTypes.Int64, arrow.BinaryTypes.String, arrow.PrimitiveTypes.Int64}
	for i, f := range p.Schema().Fields() {
		if i >= len(types) || !arrow.TypeEqual(f.Type, types[i]) || f.Name != []string{"row", "part", "position"}[i] {
			t.Fatalf("%s: field %d is %s %s", path, i, f.Name, f.Type)
		}
	}
	var b strings.Builder
	b.WriteString("row,part,position\n")
	cols := make([][]string, 3)
	for j, name := range []string{"row", "part", "position"} {
		c, err := p.Column(name)
		if err != nil {
			t.Fatal(err)
		}
		for i := range p.Len() {
			s := ""
			switch v := c.Value(i).(type) {
			case int64:
				s = strconv.FormatInt(v, 10)
			case float64:
				if !math.IsNaN(v) {
					s = strconv.FormatInt(int64(v), 10)
				}
			case string:
				s = v
			}
			cols[j] = append(cols[j], s)
		}
	}
	for i := range p.Len() {
		b.WriteString(cols[0][i] + "," + cols[1][i] + "," + cols[2][i] + "\n")
	}
	if b.String() != wantCSV {
		t.Errorf("%s holds\n%.300s\nwant\n%.300s", path, b.String(), wantCSV)
	}
}

// TestAssignErrors: bad flag sets write nothing.
func TestAssignErrors(t *testing.T) {
	dir, data := auditData(t)
	for _, args := range [][]string{
		{"assign", "--seed", "1", data},                                                // no -o
		{"assign", "--seed", "1", data, "-o", "x.txt"},                                 // not parquet or csv
		{"assign", "--seed", "1", data, "-o", "-"},                                     // no stdout
		{"assign", "--time-series", data, "-o", "x.csv"},                               // needs --folds
		{"assign", "--folds", "3", "--val", "0.2", "--seed", "1", data, "-o", "x.csv"}, // split flag
		{"assign", "--folds", "3", "--compat", "torch", data, "-o", "x.csv"},
		{"assign", "--seed", "1", "--test", "0.2", data, "-o", data}, // the input
	} {
		r := runBin(t, dir, args...)
		if r.code != 2 {
			t.Errorf("%v: exit %d, want 2\n%s", args, r.code, r.stderr)
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("files written: %v", ents)
	}
}
