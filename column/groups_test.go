package column

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/sample"
)

func drawCSV(r *rand.Rand) string {
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	var b strings.Builder
	b.WriteString("pos,ik,fk,sk,bk,w1,w2,w3,w4\n")
	rowsN := 1 + r.IntN(80)
	odd := r.IntN(4) == 0 // sometimes put rare values in
	for i := range rowsN {
		w3 := pick("1", "2.5", " 3", "1_0", "0", "7e-3", "nan", "")
		if odd && r.IntN(20) == 0 {
			w3 = pick("x", "1e400", "0x10", "-inf", "Infinity", "-1")
		}
		fk := pick("", "0", "-0.0", "1.5", "-2", "1e5", "NaN")
		w2 := pick("0.5", "1", "", "3.25", "0")
		if odd && r.IntN(30) == 0 {
			w2 = pick("inf", "-1")
		}
		fmt.Fprintf(&b, "%d,%d,%s,%s,%s,%s,%s,%s,%s\n", i, r.IntN(4)-1, fk,
			pick("a", "b", "", "B", "é", "a b"), pick("True", "False", "true", "FALSE"),
			pick("1", "2", "", "0", "9"), w2, w3, pick("True", "False"))
	}
	return b.String()
}

type rowsCase struct {
	CSV     string   `json:"csv"`
	Key     string   `json:"key"`
	Weights string   `json:"weights"`
	N       *int     `json:"n"`
	Frac    *float64 `json:"frac"`
	Replace bool     `json:"replace"`
	Seed    uint32   `json:"seed"`
}

const rowsScript = `
import io, json, sys, warnings
import pandas as pd
warnings.simplefilter("ignore")
out = []
for c in json.load(sys.stdin):
    df = pd.read_csv(io.StringIO(c["csv"]))
    kw = dict(n=c["n"], frac=c["frac"], replace=c["replace"], random_state=c["seed"])
    if c["weights"]:
        kw["weights"] = c["weights"] if not c["key"] else df[c["weights"]]
    try:
        res = df.groupby(c["key"]).sample(**kw) if c["key"] else df.sample(**kw)
        out.append({"result": [int(p) for p in res["pos"]]})
    except Exception as e:
        out.append({"error": "%s: %s" % (type(e).__name__, e)})
json.dump(out, sys.stdout)
`

func runRowsCase(c rowsCase) ([]int, error) {
	ix, err := rows.IndexBytes("case.csv", []byte(c.CSV), rows.Options{})
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	rs, _ := sample.Seed(int64(c.Seed))
	opt := sample.Options{N: c.N, Frac: c.Frac, Replace: c.Replace, RandomState: rs}
	nrows := 0
	if col, err := ix.Column("pos"); err == nil {
		nrows = col.Len()
	} else {
		return nil, err
	}
	var g sample.Groups
	if c.Key != "" {
		// GroupBy.sample validates n/frac before reading weights
		if _, err := sample.Size(0, opt); err != nil {
			return nil, err
		}
		col, err := ix.Column(c.Key)
		if err != nil {
			return nil, err
		}
		if g, err = Groups(col); err != nil {
			return nil, err
		}
	} else if _, err := sample.Size(nrows, opt); err != nil {
		return nil, err
	}
	if c.Weights != "" {
		col, err := ix.Column(c.Weights)
		if err != nil {
			return nil, err
		}
		if opt.Weights, err = Weights(col); err != nil {
			return nil, err
		}
	}
	if c.Key != "" {
		return sample.GroupBy(g, opt)
	}
	return sample.Frame(nrows, opt)
}

// TestLiveRowsColumns reads random CSVs with package rows and with
// pandas.read_csv, and samples them with each key and weight column.
func TestLiveRowsColumns(t *testing.T) {
	t.Parallel()
	oracle.Require(t, "pandas")
	r := oracle.Rand(t)
	var cases []rowsCase
	for range 200 {
		c := rowsCase{CSV: drawCSV(r), Seed: r.Uint32(), Replace: r.IntN(2) == 0}
		c.Key = []string{"", "ik", "fk", "sk", "bk"}[r.IntN(5)]
		c.Weights = []string{"", "w1", "w2", "w3", "w4"}[r.IntN(5)]
		if r.IntN(2) == 0 {
			n := r.IntN(3)
			c.N = &n
		} else {
			f := math.Round(r.Float64()*100) / 100
			c.Frac = &f
		}
		cases = append(cases, c)
	}
	var want []struct {
		Result []int  `json:"result"`
		Error  string `json:"error"`
	}
	oracle.RunJSON(t, rowsScript, cases, &want)
	errs := 0
	for i, c := range cases {
		got, err := runRowsCase(c)
		w := want[i]
		if w.Error != "" {
			errs++
			msg := w.Error[strings.Index(w.Error, ": ")+2:]
			if err == nil || !strings.Contains(err.Error(), msg) {
				t.Errorf("case %d key=%q weights=%q: pandas %s; got %v %v\n%s", i, c.Key, c.Weights, w.Error, got, err, c.CSV)
			}
			continue
		}
		if err != nil || !slices.Equal(got, w.Result) && len(got)+len(w.Result) > 0 {
			t.Errorf("case %d key=%q weights=%q n=%v frac=%v replace=%v seed=%d: pandas %v; got %v %v\n%s",
				i, c.Key, c.Weights, c.N, c.Frac, c.Replace, c.Seed, w.Result, got, err, c.CSV)
		}
	}
	t.Logf("%d read_csv cases compared (%d pandas errors)", len(cases), errs)
}

// TestLiveMixedColumns compares groups and weights of mixed object columns
// (numbers, bools and strs together, as read_csv's low_memory chunks can
// make) with pandas on a Series of those objects.
func TestLiveMixedColumns(t *testing.T) {
	t.Parallel()
	oracle.Require(t, "pandas")
	r := oracle.Rand(t)
	type mcase struct {
		Values []any  `json:"values"`
		Seed   uint32 `json:"seed"`
	}
	var cases []mcase
	pool := []any{int64(1), int64(0), int64(-3), 2.5, 1.0, 0.0, nil, true, false, "a", "b", "1", "B", "2.5", ""}
	for range 150 {
		c := mcase{Seed: r.Uint32()}
		m := 2 + r.IntN(len(pool)-1)
		for range 1 + r.IntN(30) {
			c.Values = append(c.Values, pool[r.IntN(m)])
		}
		cases = append(cases, c)
	}
	var want []struct {
		Groups  []int  `json:"groups"`
		GErr    string `json:"gerr"`
		Weights []int  `json:"weights"`
		WErr    string `json:"werr"`
	}
	oracle.RunJSON(t, `
import json, sys, warnings
import numpy as np, pandas as pd
warnings.simplefilter("ignore")
out = []
for c in json.load(sys.stdin):
    vals = [np.nan if v is None else v for v in c["values"]]
    df = pd.DataFrame({"k": pd.Series(vals, dtype=object), "pos": range(len(vals))})
    o = {}
    try:
        o["groups"] = [int(p) for p in df.groupby("k").sample(n=1, random_state=c["seed"])["pos"]]
    except Exception as e:
        o["gerr"] = "%s: %s" % (type(e).__name__, e)
    try:
        o["weights"] = [int(p) for p in df.sample(n=1, weights="k", replace=True, random_state=c["seed"])["pos"]]
    except Exception as e:
        o["werr"] = "%s: %s" % (type(e).__name__, e)
    out.append(o)
json.dump(out, sys.stdout)
`, cases, &want)
	for i, c := range cases {
		col := &rows.Column{Name: "k", Kind: rows.Mixed}
		for _, v := range c.Values {
			if n, ok := v.(json.Number); ok {
				if x, err := n.Int64(); err == nil && !strings.ContainsAny(n.String(), ".eE") {
					v = x
				} else {
					v, _ = n.Float64()
				}
			}
			if v == nil {
				v = math.NaN()
			}
			col.Values = append(col.Values, v)
		}
		rs, _ := sample.Seed(int64(c.Seed))
		g, err := Groups(col)
		var got []int
		if err == nil {
			got, err = sample.GroupBy(g, sample.Options{N: new(1), RandomState: rs})
		}
		check(t, i, "groupby", c.Values, got, err, want[i].Groups, want[i].GErr)
		rs, _ = sample.Seed(int64(c.Seed))
		w, err := Weights(col)
		got = nil
		if err == nil {
			got, err = sample.Frame(len(w), sample.Options{N: new(1), Replace: true, Weights: w, RandomState: rs})
		}
		check(t, i, "weights", c.Values, got, err, want[i].Weights, want[i].WErr)
	}
	t.Logf("%d mixed object columns compared (groupby and weights)", len(cases))
}

func check(t *testing.T, i int, what string, vals []any, got []int, err error, want []int, werr string) {
	t.Helper()
	if werr != "" {
		msg := werr[strings.Index(werr, ": ")+2:]
		if err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("case %d %s %v: pandas %s; got %v %v", i, what, vals, werr, got, err)
		}
		return
	}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("case %d %s %v: pandas %v; got %v %v", i, what, vals, want, got, err)
	}
}
