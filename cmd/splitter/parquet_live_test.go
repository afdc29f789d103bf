package main

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"

	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/internal/pqtest"
)

// pqTable is a random table written both as data.csv and data.parquet.
type pqTable struct {
	n      int
	labels []string
	grps   []int64
	ws     []float64
	xs     []float64
}

func randomPQTable(r *rand.Rand, n int) pqTable {
	t := pqTable{n: n}
	k := 2 + r.IntN(4)
	for i := 0; i < n; i++ {
		t.labels = append(t.labels, fmt.Sprintf("c%d", min(r.IntN(k), r.IntN(k))))
		t.grps = append(t.grps, int64(r.IntN(max(2, n/4))))
		t.ws = append(t.ws, math.Round(r.Float64()*1e4)/100)
		t.xs = append(t.xs, r.NormFloat64())
	}
	// Every class twice or more: a stratified split of a one-member class
	// is an error in scikit-learn (the case wants rows, not that error).
	count, top := map[string]int{}, ""
	for _, l := range t.labels {
		count[l]++
		if count[l] > count[top] {
			top = l
		}
	}
	for i, l := range t.labels {
		if count[l] == 1 {
			t.labels[i] = top
		}
	}
	return t
}

func (t pqTable) writeCSV(tb testing.TB, path string) {
	var b bytes.Buffer
	b.WriteString("id,label,grp,w,x\n")
	for i := 0; i < t.n; i++ {
		fmt.Fprintf(&b, "%d,%s,%d,%s,%s\n", i, t.labels[i], t.grps[i],
			strconv.FormatFloat(t.ws[i], 'g', -1, 64), strconv.FormatFloat(t.xs[i], 'g', -1, 64))
	}
	if err := os.WriteFile(path, b.Bytes(), 0o666); err != nil {
		tb.Fatal(err)
	}
}

func (t pqTable) writeParquet(tb testing.TB, path string, rowGroup int) {
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.PrimitiveTypes.Int64},
		{Name: "label", Type: arrow.BinaryTypes.String},
		{Name: "grp", Type: arrow.PrimitiveTypes.Int64},
		{Name: "w", Type: arrow.PrimitiveTypes.Float64},
		{Name: "x", Type: arrow.PrimitiveTypes.Float64},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	defer b.Release()
	for i := 0; i < t.n; i++ {
		b.Field(0).(*array.Int64Builder).Append(int64(i))
	}
	b.Field(1).(*array.StringBuilder).AppendValues(t.labels, nil)
	b.Field(2).(*array.Int64Builder).AppendValues(t.grps, nil)
	b.Field(3).(*array.Float64Builder).AppendValues(t.ws, nil)
	b.Field(4).(*array.Float64Builder).AppendValues(t.xs, nil)
	rec := b.NewRecord()
	defer rec.Release()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	pqtest.MustWrite(tb, f, rec, parquet.WithMaxRowGroupLength(int64(rowGroup)))
}

// csvIDs returns the first field of every data line of a CSV output.
func csvIDs(tb testing.TB, path string) []int64 {
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var out []int64
	for _, l := range lines[1:] {
		v, err := strconv.ParseInt(strings.SplitN(l, ",", 2)[0], 10, 64)
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		out = append(out, v)
	}
	return out
}

// parquetColumn returns column name of a Parquet output as strings.
func parquetColumn(tb testing.TB, path, name string) []string {
	pr, err := file.OpenParquetFile(path, false)
	if err != nil {
		tb.Fatal(err)
	}
	defer pr.Close()
	fr, err := pqarrow.NewFileReader(pr, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		tb.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	defer tbl.Release()
	for c := 0; c < int(tbl.NumCols()); c++ {
		if tbl.Schema().Field(c).Name != name {
			continue
		}
		var out []string
		for _, ch := range tbl.Column(c).Data().Chunks() {
			for j := 0; j < ch.Len(); j++ {
				out = append(out, ch.ValueStr(j))
			}
		}
		return out
	}
	tb.Fatalf("%s: no column %s", path, name)
	return nil
}

func parquetIDs(tb testing.TB, path string) []int64 {
	var out []int64
	for _, s := range parquetColumn(tb, path, "id") {
		v, _ := strconv.ParseInt(s, 10, 64)
		out = append(out, v)
	}
	return out
}

// pqCase is one command run on both inputs.
type pqCase struct {
	args    []string // with INPUT for the input path
	outputs []string // output part names (STEM.NAME.EXT) or "-o" outputs
	py      string   // Python expression of the id lists (df, S in scope), "" for none
}

// TestParquetMatchesCSV is the Parquet differential test: a random table
// written as CSV and as Parquet (row groups of random length) is split,
// shuffled, sampled and folded by the binary from each; the Parquet
// outputs must hold the rows (ids) of the CSV outputs, in order, and for
// the scikit-learn and pandas recipes the ids pandas returns for the CSV.
func TestParquetMatchesCSV(t *testing.T) {
	oracle.Require(t, "numpy", "pandas", "sklearn")
	r := oracle.Rand(t)
	type run struct {
		csvDir, pqDir string
		c             pqCase
		seed          int
	}
	var runs []run
	var pyIn []map[string]any
	for k := 0; k < 12; k++ {
		n := 10 + r.IntN(400)
		if k == 0 {
			n = 70_000 // more than one output chunk
		}
		tt := randomPQTable(r, n)
		base := t.TempDir()
		csvDir, pqDir := filepath.Join(base, "csv"), filepath.Join(base, "pq")
		os.Mkdir(csvDir, 0o777)
		os.Mkdir(pqDir, 0o777)
		tt.writeCSV(t, filepath.Join(csvDir, "data.csv"))
		tt.writeParquet(t, filepath.Join(pqDir, "data.parquet"), 1+r.IntN(n))
		seed := r.IntN(1 << 31)
		s := strconv.Itoa(seed)
		test := []string{"0.2", "0.3", "7", "0.5"}[r.IntN(4)]
		cases := []pqCase{
			{[]string{"split", "--seed", s, "--test", test, "INPUT"}, []string{"train", "test"},
				fmt.Sprintf("[list(p['id']) for p in train_test_split(df, test_size=%s, random_state=S)]", test)},
			{[]string{"split", "--seed", s, "--test", "0.5", "--stratify", "label", "INPUT"}, []string{"train", "test"},
				"[list(p['id']) for p in train_test_split(df, test_size=0.5, random_state=S, stratify=df['label'])]"},
			{[]string{"split", "--seed", s, "--test", "0.3", "--group", "grp", "INPUT"}, []string{"train", "test"},
				"[list(df['id'].iloc[p]) for p in next(GroupShuffleSplit(n_splits=1, test_size=0.3, random_state=S).split(df, groups=df['grp']))]"},
			{[]string{"split", "--seed", s, "--test", "0.2", "--val", "0.25", "INPUT"}, []string{"train", "val", "test"}, ""},
			{[]string{"split", "--compat", "datasets", "--seed", s, "--test", "0.2", "INPUT"}, []string{"train", "test"}, ""},
			{[]string{"split", "--compat", "torch", "--seed", s, "--lengths", "0.7,0.3", "INPUT"}, []string{"part0", "part1"}, ""},
			{[]string{"shuffle", "--seed", s, "INPUT", "-o", "OUT"}, []string{"OUT"},
				"[list(df.sample(frac=1, random_state=S)['id'])]"},
			{[]string{"sample", "--seed", s, "--frac", "0.5", "--weights", "w", "INPUT", "-o", "OUT"}, []string{"OUT"},
				"[list(df.sample(frac=0.5, weights=df['w'], random_state=S)['id'])]"},
			{[]string{"sample", "--seed", s, "--n", "1", "--group", "label", "INPUT", "-o", "OUT"}, []string{"OUT"},
				"[list(df.groupby('label').sample(n=1, random_state=S)['id'])]"},
			{[]string{"kfold", "--folds", "3", "--seed", s, "--stratify", "label", "INPUT"}, []string{"folds"}, ""},
		}
		c := cases[k%len(cases)]
		if k == 0 {
			c = cases[0]
		}
		runs = append(runs, run{csvDir, pqDir, c, seed})
		pyIn = append(pyIn, map[string]any{"path": filepath.Join(csvDir, "data.csv"), "expr": c.py, "seed": seed})
	}
	var want [][][]int64
	oracle.RunJSON(t, `
import json, sys
import pandas as pd
from sklearn.model_selection import train_test_split, GroupShuffleSplit
out = []
for c in json.load(sys.stdin):
    if not c["expr"]:
        out.append(None)
        continue
    df = pd.read_csv(c["path"])
    S = c["seed"]
    out.append([[int(v) for v in p] for p in eval(c["expr"])])
json.dump(out, sys.stdout)
`, pyIn, &want)
	compared := 0
	for k, rn := range runs {
		var ids [2][][]int64
		for f, dir := range []string{rn.csvDir, rn.pqDir} {
			ext := []string{".csv", ".parquet"}[f]
			args := append([]string(nil), rn.c.args...)
			for i, a := range args {
				switch a {
				case "INPUT":
					args[i] = filepath.Join(dir, "data"+ext)
				case "OUT":
					args[i] = filepath.Join(dir, "out"+ext)
				}
			}
			mustRun(t, "", append(args, "--no-manifest")...)
			for _, o := range rn.c.outputs {
				path := filepath.Join(dir, "data."+o+ext)
				if o == "OUT" {
					path = filepath.Join(dir, "out"+ext)
				}
				if f == 0 {
					ids[f] = append(ids[f], csvIDs(t, path))
				} else {
					ids[f] = append(ids[f], parquetIDs(t, path))
				}
				if o == "folds" {
					if f == 0 {
						ids[f] = append(ids[f], csvFolds(t, path))
					} else {
						ids[f] = append(ids[f], toInts(parquetColumn(t, path, "fold")))
					}
				}
			}
		}
		name := strings.Join(rn.c.args, " ")
		if fmt.Sprint(ids[0]) != fmt.Sprint(ids[1]) {
			t.Errorf("case %d %s: Parquet rows differ from CSV rows", k, name)
			continue
		}
		if want[k] != nil && fmt.Sprint(want[k]) != fmt.Sprint(ids[1]) {
			t.Errorf("case %d %s: Parquet rows differ from pandas' rows", k, name)
			continue
		}
		compared++
	}
	t.Logf("%d Parquet runs equal to the CSV runs (and pandas where given)", compared)
}

// csvFolds returns the last field of every data line (kfold's fold).
func csvFolds(tb testing.TB, path string) []int64 {
	data, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var out []int64
	for _, l := range lines[1:] {
		v, err := strconv.ParseInt(l[strings.LastIndexByte(l, ',')+1:], 10, 64)
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		out = append(out, v)
	}
	return out
}

func toInts(s []string) []int64 {
	out := make([]int64, len(s))
	for i, v := range s {
		out[i], _ = strconv.ParseInt(v, 10, 64)
	}
	return out
}
