package frame

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/go-gota/gota/dataframe"

	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/sample"
)

// table is a small data set held three ways: CSV text (for pandas and
// gota), and Arrow columns.
type table struct {
	rows int
	ik   []int64   // int key
	fk   []float64 // float key, NaN missing
	sk   []string  // string key, "" missing
	bk   []bool    // bool key
	w    []float64 // weights, NaN missing
}

func drawTable(r *rand.Rand, rows int) table {
	t := table{rows: rows}
	for range rows {
		t.ik = append(t.ik, int64(r.IntN(5))-2)
		fk := []float64{math.NaN(), 0, -1.5, 2.25, 1e10}[r.IntN(5)]
		t.fk = append(t.fk, fk)
		t.sk = append(t.sk, []string{"", "a", "b", "B", "ab", "é"}[r.IntN(6)])
		t.bk = append(t.bk, r.IntN(2) == 0)
		w := float64(r.IntN(10))
		if r.IntN(6) == 0 {
			w = math.NaN()
		}
		t.w = append(t.w, w)
	}
	return t
}

func fmtFloat(x float64) string {
	if math.IsNaN(x) {
		return "NaN"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

func (t table) csv() string {
	var b strings.Builder
	b.WriteString("pos,ik,fk,sk,bk,w\n")
	for i := range t.rows {
		sk := t.sk[i]
		if sk == "" {
			sk = "NaN"
		}
		fmt.Fprintf(&b, "%d,%d,%s,%s,%t,%s\n", i, t.ik[i], fmtFloat(t.fk[i]), sk, t.bk[i], fmtFloat(t.w[i]))
	}
	return b.String()
}

func (t table) record() arrow.Record {
	mem := memory.DefaultAllocator
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "pos", Type: arrow.PrimitiveTypes.Int64},
		{Name: "ik", Type: arrow.PrimitiveTypes.Int64},
		{Name: "fk", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
		{Name: "sk", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "bk", Type: arrow.FixedWidthTypes.Boolean},
		{Name: "w", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	}, nil)
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	for i := range t.rows {
		b.Field(0).(*array.Int64Builder).Append(int64(i))
		b.Field(1).(*array.Int64Builder).Append(t.ik[i])
		if math.IsNaN(t.fk[i]) {
			b.Field(2).(*array.Float64Builder).AppendNull()
		} else {
			b.Field(2).(*array.Float64Builder).Append(t.fk[i])
		}
		if t.sk[i] == "" {
			b.Field(3).(*array.StringBuilder).AppendNull()
		} else {
			b.Field(3).(*array.StringBuilder).Append(t.sk[i])
		}
		b.Field(4).(*array.BooleanBuilder).Append(t.bk[i])
		if math.IsNaN(t.w[i]) {
			b.Field(5).(*array.Float64Builder).AppendNull()
		} else {
			b.Field(5).(*array.Float64Builder).Append(t.w[i])
		}
	}
	return b.NewRecord()
}

type frameCase struct {
	CSV      string   `json:"csv"`
	Key      string   `json:"key"` // "" = no groupby
	N        *int     `json:"n"`
	Frac     *float64 `json:"frac"`
	Replace  bool     `json:"replace"`
	Weights  bool     `json:"weights"`
	Seed     uint32   `json:"seed"`
	pos      []int
	gotaErr  error
	arrowErr error
}

const frameScript = `
import io, json, sys, warnings
import pandas as pd
warnings.simplefilter("ignore")
out = []
for c in json.load(sys.stdin):
    df = pd.read_csv(io.StringIO(c["csv"]))
    kw = dict(n=c["n"], frac=c["frac"], replace=c["replace"], random_state=c["seed"])
    if c["weights"]:
        kw["weights"] = df["w"]
    try:
        res = df.groupby(c["key"]).sample(**kw) if c["key"] else df.sample(**kw)
        out.append({"result": [int(p) for p in res["pos"]]})
    except Exception as e:
        out.append({"error": "%s: %s" % (type(e).__name__, e)})
json.dump(out, sys.stdout)
`

// run samples the case on gota and on Arrow and returns the pos column of
// each result.
func (c *frameCase) run(t *testing.T, tb table) (fromGota, fromArrow []int, errG, errA error) {
	opt := sample.Options{N: c.N, Frac: c.Frac, Replace: c.Replace}
	df := dataframe.ReadCSV(strings.NewReader(c.CSV))
	if df.Err != nil {
		t.Fatal(df.Err)
	}
	rec := tb.record()
	defer rec.Release()
	col := map[string]int{"ik": 1, "fk": 2, "sk": 3, "bk": 4}
	// gota
	o := opt
	o.RandomState, _ = sample.Seed(int64(c.Seed))
	if c.Weights {
		o.Weights, errG = GotaWeights(df, "w")
	}
	var pos []int
	if errG == nil {
		if c.Key == "" {
			pos, errG = sample.Frame(df.Nrow(), o)
		} else {
			var g sample.Groups
			if g, errG = GotaGroups(df, c.Key); errG == nil {
				pos, errG = sample.GroupBy(g, o)
			}
		}
	}
	if errG == nil {
		out, err := TakeGota(df, pos)
		if err != nil {
			t.Fatal(err)
		}
		if out.Nrow() > 0 {
			fromGota, _ = out.Col("pos").Int()
		}
		if fromGota == nil {
			fromGota = []int{}
		}
	}
	// arrow
	o = opt
	o.RandomState, _ = sample.Seed(int64(c.Seed))
	if c.Weights {
		o.Weights, errA = ArrowWeights(rec.Column(5))
	}
	if errA == nil {
		if c.Key == "" {
			pos, errA = sample.Frame(int(rec.NumRows()), o)
		} else {
			var g sample.Groups
			if g, errA = ArrowGroups(rec.Column(col[c.Key])); errA == nil {
				pos, errA = sample.GroupBy(g, o)
			}
		}
	}
	if errA == nil {
		out, err := TakeRecord(context.Background(), rec, pos)
		if err != nil {
			t.Fatal(err)
		}
		fromArrow = []int{}
		for _, v := range out.Column(0).(*array.Int64).Int64Values() {
			fromArrow = append(fromArrow, int(v))
		}
		out.Release()
	}
	return fromGota, fromArrow, errG, errA
}

// TestLiveFrames reads the same random tables with pandas.read_csv and
// with gota / Arrow, samples them (whole and grouped by each key dtype) and
// compares the rows.
func TestLiveFrames(t *testing.T) {
	t.Parallel()
	oracle.Require(t, "pandas")
	r := oracle.Rand(t)
	var cases []frameCase
	var tables []table
	for range 120 {
		tb := drawTable(r, 1+r.IntN(60))
		c := frameCase{CSV: tb.csv(), Key: []string{"", "ik", "fk", "sk", "bk"}[r.IntN(5)], Seed: r.Uint32()}
		c.Replace = r.IntN(3) == 0
		if r.IntN(2) == 0 {
			n := r.IntN(4)
			c.N = &n
		} else {
			f := r.Float64()
			c.Frac = &f
		}
		c.Weights = r.IntN(3) == 0
		cases = append(cases, c)
		tables = append(tables, tb)
	}
	var want []struct {
		Result []int  `json:"result"`
		Error  string `json:"error"`
	}
	oracle.RunJSON(t, frameScript, cases, &want)
	errs := 0
	for i := range cases {
		c := &cases[i]
		g, a, errG, errA := c.run(t, tables[i])
		w := want[i]
		if w.Error != "" {
			errs++
			msg := w.Error[strings.Index(w.Error, ": ")+2:]
			if errG == nil || !strings.Contains(errG.Error(), msg) || errA == nil || !strings.Contains(errA.Error(), msg) {
				t.Errorf("case %d key=%q n=%v frac=%v: pandas %s; gota %v, arrow %v", i, c.Key, c.N, c.Frac, w.Error, errG, errA)
			}
			continue
		}
		if errG != nil || errA != nil || !slices.Equal(g, w.Result) || !slices.Equal(a, w.Result) {
			t.Errorf("case %d key=%q n=%v frac=%v replace=%v weights=%v seed=%d:\npandas %v\n  gota %v %v\n arrow %v %v\n%s",
				i, c.Key, c.N, c.Frac, c.Replace, c.Weights, c.Seed, w.Result, g, errG, a, errA, c.CSV)
		}
	}
	t.Logf("%d frame cases compared with pandas.read_csv + sample (%d pandas errors)", len(cases), errs)
}

func TestTakeGotaEmptyAndRepeats(t *testing.T) {
	df := dataframe.ReadCSV(strings.NewReader("a,b\n1,x\n2,y\n3,z\n"))
	out, err := TakeGota(df, []int{2, 0, 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := out.Col("b").Records(); !slices.Equal(got, []string{"z", "x", "z"}) {
		t.Errorf("got %v", got)
	}
	out, err = TakeGota(df, nil)
	if err != nil || out.Nrow() != 0 || !slices.Equal(out.Names(), []string{"a", "b"}) {
		t.Errorf("empty take: %v rows %d names %v", err, out.Nrow(), out.Names())
	}
	if _, err := TakeGota(df, []int{3}); err == nil {
		t.Error("out of range position accepted")
	}
}

func TestGotaWeights(t *testing.T) {
	df := dataframe.ReadCSV(strings.NewReader("a,w,b,s\n1,2.5,true,x\n2,NaN,false,y\n"))
	if _, err := GotaWeights(df, "zz"); !errors.Is(err, sample.ErrWeightsColumn) {
		t.Errorf("missing column: %v", err)
	}
	if _, err := GotaWeights(df, "s"); !errors.Is(err, ErrColumnType) {
		t.Errorf("string column: %v", err)
	}
	w, err := GotaWeights(df, "w")
	if err != nil || w[0] != 2.5 || !math.IsNaN(w[1]) {
		t.Errorf("w: %v %v", w, err)
	}
	w, err = GotaWeights(df, "b")
	if err != nil || !slices.Equal(w, []float64{1, 0}) {
		t.Errorf("b: %v %v", w, err)
	}
}

// TestTakeNegative: negative positions count from the end, as pandas'
// take; positions outside -n..n-1 are ErrPosition, for gota and Arrow.
func TestTakeNegative(t *testing.T) {
	df := dataframe.LoadRecords([][]string{{"a"}, {"x"}, {"y"}, {"z"}})
	got, err := TakeGota(df, []int{-1, 0, -2})
	if err != nil || strings.Join(got.Col("a").Records(), ",") != "z,x,y" {
		t.Errorf("TakeGota(-1, 0, -2) = %v, %v", got.Col("a").Records(), err)
	}
	for _, p := range []int{-4, 3} {
		if _, err := TakeGota(df, []int{p}); !errors.Is(err, ErrPosition) {
			t.Errorf("TakeGota(%d): %v, want ErrPosition", p, err)
		}
	}
}
