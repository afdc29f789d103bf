package gota

import (
	"errors"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"

	"github.com/splitter-dev/splitter/frame/internal/frametest"
	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/sample"
	"github.com/splitter-dev/splitter/split"
)

// TestLiveLabels reads random tables with pandas.read_csv and with gota
// (NAValues) and compares Labels with np.unique and a stratified
// train_test_split, and ClassLabels with class_encode_column, on every
// key column gota types as pandas does.
func TestLiveLabels(t *testing.T) {
	t.Parallel()
	oracle.Require(t, "pandas", "sklearn")
	r := oracle.Rand(t)
	var cases []frametest.LabelsCase
	cols := []string{"ik", "nk", "fk", "sk", "bk"}
	for range 200 {
		tb := frametest.Draw(r, 5+r.IntN(80))
		cases = append(cases, frametest.DrawLabels(r, tb, cols[r.IntN(len(cols))]))
	}
	var want []frametest.LabelsResult
	oracle.RunJSON(t, frametest.LabelsScript, cases, &want)
	errs := 0
	for i, c := range cases {
		df := read(t, c.CSV)
		l, err := Labels(df, c.Col)
		if err != nil {
			t.Fatalf("case %d: Labels(%q): %v", i, c.Col, err)
		}
		hf, hfErr := ClassLabels(df, c.Col)
		if want[i].Error != "" {
			errs++
		}
		for _, msg := range c.Check(want[i], l, hf, hfErr, ErrMissingValue) {
			t.Errorf("case %d col %q test %v seed %d: %s\n%s", i, c.Col, c.Test, c.Seed, msg, c.CSV)
		}
	}
	t.Logf("%d gota label columns compared with np.unique, train_test_split(stratify=) and class_encode_column (%d sklearn errors)", len(cases), errs)
}

// TestLiveNAValues: NAValues is pandas' own list of default missing-value
// strings.
func TestLiveNAValues(t *testing.T) {
	oracle.Require(t, "pandas")
	var want []string
	oracle.RunJSON(t, `
import json, sys
from pandas._libs.parsers import STR_NA_VALUES
json.load(sys.stdin)
json.dump(sorted(STR_NA_VALUES), sys.stdout)
`, nil, &want)
	got := NAValues()
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("NAValues() = %q\npandas STR_NA_VALUES = %q", got, want)
	}
}

// TestLiveEmptyField is the gap NAValues closes: on "id,city\n1,\n2,Oslo\n3,Lima"
// gota's defaults read the empty field as the string "" and group it,
// where pandas reads NaN and drops it from df.groupby("city").
func TestLiveEmptyField(t *testing.T) {
	oracle.Require(t, "pandas")
	const csv = "id,city\n1,\n2,Oslo\n3,Lima\n"
	var want []int
	oracle.RunJSON(t, `
import io, json, sys
import pandas as pd
df = pd.read_csv(io.StringIO(json.load(sys.stdin)))
json.dump([int(i) - 1 for i in df.groupby("city").sample(frac=1, random_state=0)["id"]], sys.stdout)
`, csv, &want)
	order := func(df dataframe.DataFrame) []int {
		g, err := Groups(df, "city")
		if err != nil {
			t.Fatal(err)
		}
		rs, _ := sample.Seed(0)
		pos, err := sample.GroupBy(g, sample.Options{Frac: new(1.0), RandomState: rs})
		if err != nil {
			t.Fatal(err)
		}
		return pos
	}
	if got := order(read(t, csv)); !slices.Equal(got, want) {
		t.Errorf("with NAValues: %v, pandas %v", got, want)
	}
	if got := order(dataframe.ReadCSV(strings.NewReader(csv))); slices.Equal(got, want) {
		t.Errorf("gota's defaults now read the empty field as pandas (%v): update the package documentation", got)
	}
}

// TestLabelsColumns: a missing column, an Int column with a missing value
// and a column of nothing but missing values, as pandas types them.
func TestLabelsColumns(t *testing.T) {
	df := read(t, "i,e,s\n3,,a\n,,b\n-1,,a\n")
	if _, err := Labels(df, "zz"); !errors.Is(err, ErrNoColumn) {
		t.Errorf("missing column: %v", err)
	}
	nan := math.NaN()
	for col, want := range map[string]split.Labels{
		"i": split.EncodeFloats([]float64{3, nan, -1}),
		"e": split.EncodeFloats([]float64{nan, nan, nan}),
		"s": split.EncodeStrings([]string{"a", "b", "a"}),
	} {
		l, err := Labels(df, col)
		if err != nil || !slices.Equal(l.Codes(), want.Codes()) {
			t.Errorf("Labels(%q) = %v %v, want %v", col, l.Codes(), err, want.Codes())
		}
		_, err = ClassLabels(df, col)
		if missing := col != "s"; missing != errors.Is(err, ErrMissingValue) {
			t.Errorf("ClassLabels(%q): %v", col, err)
		}
	}
}
