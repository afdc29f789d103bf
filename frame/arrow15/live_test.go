package arrow15

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"

	"github.com/splitter-dev/splitter/frame/internal/frametest"
	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/sample"
)

// columnIndex numbers the columns of record's schema.
var columnIndex = map[string]int{"pos": 0, "ik": 1, "nk": 2, "fk": 3, "sk": 4, "bk": 5, "uk": 6, "w": 7}

// record holds a frametest.Table as Arrow columns, missing values as
// nulls (pandas reads them from the empty fields of the table's CSV).
func record(t frametest.Table) arrow.Record {
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "pos", Type: arrow.PrimitiveTypes.Int64},
		{Name: "ik", Type: arrow.PrimitiveTypes.Int64},
		{Name: "nk", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "fk", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
		{Name: "sk", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "bk", Type: arrow.FixedWidthTypes.Boolean, Nullable: true},
		{Name: "uk", Type: arrow.PrimitiveTypes.Uint64},
		{Name: "w", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	floats := func(f *array.Float64Builder, x float64) {
		if math.IsNaN(x) {
			f.AppendNull()
		} else {
			f.Append(x)
		}
	}
	for i := range t.Rows {
		b.Field(0).(*array.Int64Builder).Append(int64(i))
		b.Field(1).(*array.Int64Builder).Append(t.IK[i])
		b.Field(2).(*array.Int64Builder).AppendValues([]int64{t.NK[i]}, []bool{!t.NKMissing[i]})
		floats(b.Field(3).(*array.Float64Builder), t.FK[i])
		b.Field(4).(*array.StringBuilder).AppendValues([]string{t.SK[i]}, []bool{t.SK[i] != ""})
		b.Field(5).(*array.BooleanBuilder).AppendValues([]bool{t.BK[i]}, []bool{!t.BKMissing[i]})
		b.Field(6).(*array.Uint64Builder).Append(t.UK[i])
		floats(b.Field(7).(*array.Float64Builder), t.W[i])
	}
	return b.NewRecord()
}

// runSample samples the case on the Arrow record and returns the pos
// column of the result.
func runSample(t *testing.T, c frametest.SampleCase, rec arrow.Record) ([]int, error) {
	o := sample.Options{N: c.N, Frac: c.Frac, Replace: c.Replace}
	o.RandomState, _ = sample.Seed(int64(c.Seed))
	var err error
	if c.Weights {
		if o.Weights, err = Weights(rec.Column(columnIndex["w"])); err != nil {
			return nil, err
		}
	}
	var pos []int
	if c.Key == "" {
		pos, err = sample.Frame(int(rec.NumRows()), o)
	} else {
		var g sample.Groups
		if g, err = Groups(rec.Column(columnIndex[c.Key])); err == nil {
			pos, err = sample.GroupBy(g, o)
		}
	}
	if err != nil {
		return nil, err
	}
	out, err := Take(context.Background(), rec, pos)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Release()
	got := []int{}
	for _, v := range out.Column(0).(*array.Int64).Int64Values() {
		got = append(got, int(v))
	}
	return got, nil
}

// TestLiveSample samples random tables held as Arrow records, whole and
// grouped by each key type, and compares the rows with pandas.read_csv of
// the same table + sample.
func TestLiveSample(t *testing.T) {
	t.Parallel()
	oracle.Require(t, "pandas")
	r := oracle.Rand(t)
	var cases []frametest.SampleCase
	var recs []arrow.Record
	for range 120 {
		tb := frametest.Draw(r, 1+r.IntN(60))
		cases = append(cases, frametest.DrawSample(r, tb, []string{"ik", "nk", "fk", "sk", "bk"}))
		recs = append(recs, record(tb))
	}
	var want []frametest.SampleResult
	oracle.RunJSON(t, frametest.SampleScript, cases, &want)
	for i, c := range cases {
		got, err := runSample(t, c, recs[i])
		recs[i].Release()
		if w := want[i]; w.Error != "" {
			msg := w.Error[strings.Index(w.Error, ": ")+2:]
			if err == nil || !strings.Contains(err.Error(), msg) {
				t.Errorf("case %d key=%q: pandas %s; arrow %v", i, c.Key, w.Error, err)
			}
		} else if err != nil || !slices.Equal(got, w.Result) {
			t.Errorf("case %d key=%q n=%v frac=%v replace=%v weights=%v seed=%d:\npandas %v\n arrow %v %v\n%s",
				i, c.Key, c.N, c.Frac, c.Replace, c.Weights, c.Seed, w.Result, got, err, c.CSV)
		}
	}
	t.Logf("%d Arrow cases compared with pandas.read_csv + sample", len(cases))
}

// TestLiveLabels compares Labels with np.unique and a stratified
// train_test_split, and ClassLabels with class_encode_column, on every
// key column of random tables (pandas reads the table's CSV).
func TestLiveLabels(t *testing.T) {
	t.Parallel()
	oracle.Require(t, "pandas", "sklearn")
	r := oracle.Rand(t)
	var cases []frametest.LabelsCase
	var recs []arrow.Record
	for range 200 {
		tb := frametest.Draw(r, 5+r.IntN(80))
		cases = append(cases, frametest.DrawLabels(r, tb, frametest.Columns[r.IntN(len(frametest.Columns))]))
		recs = append(recs, record(tb))
	}
	var want []frametest.LabelsResult
	oracle.RunJSON(t, frametest.LabelsScript, cases, &want)
	errs := 0
	for i, c := range cases {
		col := recs[i].Column(columnIndex[c.Col])
		l, err := Labels(col)
		if err != nil {
			t.Fatalf("case %d: Labels(%q): %v", i, c.Col, err)
		}
		hf, hfErr := ClassLabels(col)
		recs[i].Release()
		if want[i].Error != "" {
			errs++
		}
		for _, msg := range c.Check(want[i], l, hf, hfErr, ErrMissingValue) {
			t.Errorf("case %d col %q test %v seed %d: %s\n%s", i, c.Col, c.Test, c.Seed, msg, c.CSV)
		}
	}
	t.Logf("%d Arrow label columns compared with np.unique, train_test_split(stratify=) and class_encode_column (%d sklearn errors)", len(cases), errs)
}
