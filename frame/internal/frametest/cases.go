package frametest

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/splitter-dev/splitter/split"
)

// SampleCase is df.sample or df.groupby(Key).sample on a table's CSV.
type SampleCase struct {
	CSV     string   `json:"csv"`
	Key     string   `json:"key"` // "" = no groupby
	N       *int     `json:"n"`
	Frac    *float64 `json:"frac"`
	Replace bool     `json:"replace"`
	Weights bool     `json:"weights"`
	Seed    uint32   `json:"seed"`
}

// SampleResult is what pandas returned: the pos column of the sample, or
// "Type: message" of the exception.
type SampleResult struct {
	Result []int  `json:"result"`
	Error  string `json:"error"`
}

// SampleScript runs SampleCases with pandas 1.5.
const SampleScript = `
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

// DrawSample returns a sample case on t grouped by one of keys (or none).
func DrawSample(r *rand.Rand, t Table, keys []string) SampleCase {
	c := SampleCase{CSV: t.CSV(), Seed: r.Uint32(), Replace: r.IntN(3) == 0, Weights: r.IntN(3) == 0}
	if k := r.IntN(len(keys) + 1); k < len(keys) {
		c.Key = keys[k]
	}
	if r.IntN(2) == 0 {
		n := r.IntN(4)
		c.N = &n
	} else {
		f := r.Float64()
		c.Frac = &f
	}
	return c
}

// LabelsCase stratifies train_test_split(np.arange(n), test_size=Test,
// stratify=df[Col], random_state=Seed) on a table's CSV, and encodes the
// column with np.unique and with class_encode_column.
type LabelsCase struct {
	CSV  string  `json:"csv"`
	Col  string  `json:"col"`
	Test float64 `json:"test"`
	Seed uint32  `json:"seed"`
}

// LabelsResult is what Python returned for a LabelsCase: the np.unique
// inverse (nil when np.unique raises or the column is an object column
// with NaN, whose order numpy leaves to the sort), the test indices or
// the exception of train_test_split, and the class_encode_column codes
// (nil when the column has missing values).
type LabelsResult struct {
	Codes    []int  `json:"codes"`
	Test     []int  `json:"test"`
	Error    string `json:"error"`
	HF       []int  `json:"hf"`
	NumClass int    `json:"k"`
}

// LabelsScript runs LabelsCases with pandas 1.5 and scikit-learn 1.2.
// class_encode_column is datasets' own algorithm (datasets is not
// installed): class names are sorted(str(v) for the unique values).
const LabelsScript = `
import io, json, sys, warnings
import numpy as np, pandas as pd
from sklearn.model_selection import train_test_split
warnings.simplefilter("ignore")
out = []
for c in json.load(sys.stdin):
    df = pd.read_csv(io.StringIO(c["csv"]))
    y = df[c["col"]]
    o = {}
    if not (y.dtype == object and y.isna().any()):
        u, inv = np.unique(y.to_numpy(), return_inverse=True)
        o["codes"] = [int(v) for v in inv]
        o["k"] = len(u)
    try:
        _, test = train_test_split(np.arange(len(df)), test_size=c["test"], stratify=y, random_state=c["seed"])
        o["test"] = [int(v) for v in test]
    except Exception as e:
        o["error"] = "%s: %s" % (type(e).__name__, e)
    if not y.isna().any():
        names = sorted(set(str(v) for v in y.tolist()))
        idx = {s: i for i, s in enumerate(names)}
        o["hf"] = [idx[str(v)] for v in y.tolist()]
    out.append(o)
json.dump(out, sys.stdout)
`

// DrawLabels returns a labels case on t for column col.
func DrawLabels(r *rand.Rand, t Table, col string) LabelsCase {
	return LabelsCase{CSV: t.CSV(), Col: col, Test: 0.2 + 0.3*r.Float64(), Seed: r.Uint32()}
}

// Check compares labels l (and class labels hf, with hfErr) with what
// Python returned, and returns the differences found, one a line.
func (c LabelsCase) Check(want LabelsResult, l split.Labels, hf split.Labels, hfErr error, missing error) []string {
	var bad []string
	if want.Codes != nil && (!slices.Equal(l.Codes(), want.Codes) || l.NumClasses() != want.NumClass) {
		bad = append(bad, "np.unique codes differ")
	}
	_, test, err := split.TrainTestSplit(l.Len(), split.TrainTestOptions{
		TestSize: split.FloatSize(c.Test), RandomState: split.Seed(c.Seed), Stratify: l})
	switch {
	case want.Error != "":
		msg := want.Error[strings.Index(want.Error, ": ")+2:]
		if err == nil || !strings.Contains(err.Error(), msg) {
			bad = append(bad, "train_test_split: python "+want.Error+"; go "+errString(err))
		}
	case err != nil || !slices.Equal(test, want.Test):
		bad = append(bad, "train_test_split test indices differ; go error "+errString(err))
	}
	switch {
	case want.HF == nil && !errors.Is(hfErr, missing):
		bad = append(bad, "class_encode_column: missing values not refused: "+errString(hfErr))
	case want.HF != nil && (hfErr != nil || !slices.Equal(hf.Codes(), want.HF)):
		bad = append(bad, "class_encode_column codes differ: "+errString(hfErr))
	}
	return bad
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
