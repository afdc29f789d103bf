package gota

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"

	"github.com/splitter-dev/splitter/frame/internal/frametest"
	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/sample"
)

// read is the DataFrame gota reads from a CSV with pandas' missing values.
func read(t testing.TB, csv string) dataframe.DataFrame {
	t.Helper()
	df := dataframe.ReadCSV(strings.NewReader(csv), dataframe.NaNValues(NAValues()))
	if df.Err != nil {
		t.Fatal(df.Err)
	}
	return df
}

// runSample samples the case on gota and returns the pos column.
func runSample(t *testing.T, c frametest.SampleCase) ([]int, error) {
	df := read(t, c.CSV)
	o := sample.Options{N: c.N, Frac: c.Frac, Replace: c.Replace}
	o.RandomState, _ = sample.Seed(int64(c.Seed))
	var err error
	if c.Weights {
		if o.Weights, err = Weights(df, "w"); err != nil {
			return nil, err
		}
	}
	var pos []int
	if c.Key == "" {
		pos, err = sample.Frame(df.Nrow(), o)
	} else {
		var g sample.Groups
		if g, err = Groups(df, c.Key); err == nil {
			pos, err = sample.GroupBy(g, o)
		}
	}
	if err != nil {
		return nil, err
	}
	out, err := Take(df, pos)
	if err != nil {
		t.Fatal(err)
	}
	got := []int{}
	if out.Nrow() > 0 {
		got, _ = out.Col("pos").Int()
	}
	return got, nil
}

// TestLiveSample reads random tables with pandas.read_csv and with gota
// (NAValues), samples them (whole and grouped by each key dtype gota
// reads as pandas does) and compares the rows.
func TestLiveSample(t *testing.T) {
	t.Parallel()
	oracle.Require(t, "pandas")
	r := oracle.Rand(t)
	var cases []frametest.SampleCase
	for range 120 {
		cases = append(cases, frametest.DrawSample(r, frametest.Draw(r, 1+r.IntN(60)), []string{"ik", "nk", "fk", "sk", "bk"}))
	}
	var want []frametest.SampleResult
	oracle.RunJSON(t, frametest.SampleScript, cases, &want)
	for i, c := range cases {
		got, err := runSample(t, c)
		if w := want[i]; w.Error != "" {
			msg := w.Error[strings.Index(w.Error, ": ")+2:]
			if err == nil || !strings.Contains(err.Error(), msg) {
				t.Errorf("case %d key=%q: pandas %s; gota %v", i, c.Key, w.Error, err)
			}
		} else if err != nil || !slices.Equal(got, w.Result) {
			t.Errorf("case %d key=%q n=%v frac=%v replace=%v weights=%v seed=%d:\npandas %v\n  gota %v %v\n%s",
				i, c.Key, c.N, c.Frac, c.Replace, c.Weights, c.Seed, w.Result, got, err, c.CSV)
		}
	}
	t.Logf("%d gota cases compared with pandas.read_csv + sample", len(cases))
}

func TestTakeEmptyAndRepeats(t *testing.T) {
	df := dataframe.ReadCSV(strings.NewReader("a,b\n1,x\n2,y\n3,z\n"))
	out, err := Take(df, []int{2, 0, 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := out.Col("b").Records(); !slices.Equal(got, []string{"z", "x", "z"}) {
		t.Errorf("got %v", got)
	}
	out, err = Take(df, nil)
	if err != nil || out.Nrow() != 0 || !slices.Equal(out.Names(), []string{"a", "b"}) {
		t.Errorf("empty take: %v rows %d names %v", err, out.Nrow(), out.Names())
	}
	if _, err := Take(df, []int{3}); err == nil {
		t.Error("out of range position accepted")
	}
}

func TestWeights(t *testing.T) {
	df := dataframe.ReadCSV(strings.NewReader("a,w,b,s\n1,2.5,true,x\n2,NaN,false,y\n"))
	if _, err := Weights(df, "zz"); !errors.Is(err, sample.ErrWeightsColumn) {
		t.Errorf("missing column: %v", err)
	}
	if _, err := Weights(df, "s"); !errors.Is(err, ErrColumnType) {
		t.Errorf("string column: %v", err)
	}
	w, err := Weights(df, "w")
	if err != nil || w[0] != 2.5 || !math.IsNaN(w[1]) {
		t.Errorf("w: %v %v", w, err)
	}
	w, err = Weights(df, "b")
	if err != nil || !slices.Equal(w, []float64{1, 0}) {
		t.Errorf("b: %v %v", w, err)
	}
}

// TestTakeNegative: negative positions count from the end, as pandas'
// take; positions outside -n..n-1 are ErrPosition, for gota and Arrow.
func TestTakeNegative(t *testing.T) {
	df := dataframe.LoadRecords([][]string{{"a"}, {"x"}, {"y"}, {"z"}})
	got, err := Take(df, []int{-1, 0, -2})
	if err != nil || strings.Join(got.Col("a").Records(), ",") != "z,x,y" {
		t.Errorf("Take(-1, 0, -2) = %v, %v", got.Col("a").Records(), err)
	}
	for _, p := range []int{-4, 3} {
		if _, err := Take(df, []int{p}); !errors.Is(err, ErrPosition) {
			t.Errorf("Take(%d): %v, want ErrPosition", p, err)
		}
	}
}
