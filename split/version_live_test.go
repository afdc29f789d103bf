package split

import (
	"fmt"
	"slices"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// versionLiveScript rebuilds the old variants from the installed
// scikit-learn 1.2.1's own pieces: StratifiedKFold A/B as 0.18–0.21's
// _make_test_folds did (per-class KFold on max(count, n_splits) rows,
// one RandomState for A, the int seed for every class for B), the
// pre-1.0 _approximate_mode (1.2.1's with its first line as before
// #20904) patched into StratifiedShuffleSplit, and GroupKFold as is
// (its numpy 1.24 argsort order is what releases before 1.9 used).
// It runs after oracleImportPath, which puts split_oracle on sys.path.
const versionLiveScript = `
import sys, json
import numpy as np
import sklearn.model_selection._split as sp
from sklearn.model_selection import KFold, StratifiedShuffleSplit, GroupKFold
# the pre-1.0 _approximate_mode, which Hugging Face datasets still copies
from split_oracle import hf_approximate_mode as approx_old

def skf_old(y, k, shuffle, seed, reseed):
    y = np.asarray(y)
    unique_y, inv = np.unique(y, return_inverse=True)
    counts = np.bincount(inv)
    if np.all(k > counts):
        return None
    rs = None
    if shuffle:
        rs = seed if reseed else np.random.RandomState(seed)
    per = [KFold(k, shuffle=shuffle, random_state=rs).split(np.zeros(max(c, k))) for c in counts]
    test_folds = np.zeros(len(y), dtype=int)
    for f, splits in enumerate(zip(*per)):
        for cls, (_, ts) in zip(unique_y, splits):
            ctf = test_folds[y == cls]
            ctf[ts[ts < len(ctf)]] = f
            test_folds[y == cls] = ctf
    return test_folds.tolist()

def run(c):
    if c["kind"] == "skf":
        return {"assign": skf_old(c["y"], c["k"], c["shuffle"], c["seed"], c["reseed"])}
    elif c["kind"] == "sss":
        sp._approximate_mode = approx_old
        cv = StratifiedShuffleSplit(n_splits=c["k"], test_size=c["test"], random_state=c["seed"])
        return {"folds": [[tr.tolist(), te.tolist()] for tr, te in cv.split(np.zeros(len(c["y"])), c["y"])]}
    return {"folds": [[tr.tolist(), te.tolist()] for tr, te in GroupKFold(c["k"]).split(np.zeros(len(c["y"])), groups=c["y"])]}

out = []
for c in json.load(sys.stdin):
    try:
        out.append(run(c))
    except ValueError:
        out.append({})
json.dump(out, sys.stdout)
`

type vliveCase struct {
	Kind    string  `json:"kind"`
	Y       []int   `json:"y"`
	K       int     `json:"k"`
	Shuffle bool    `json:"shuffle"`
	Seed    uint32  `json:"seed"`
	Reseed  bool    `json:"reseed"`
	Test    float64 `json:"test"`
}

type vliveResult struct {
	Assign []int      `json:"assign"`
	Folds  [][2][]int `json:"folds"`
}

// TestVersionVariantsLive compares the old StratifiedKFold variants A and
// B, the pre-1.0 stratified shuffle and pinned GroupKFold with many tied
// groups against Python on fresh random cases, larger than the corpus'.
func TestVersionVariantsLive(t *testing.T) {
	oracle.Require(t, "numpy", "sklearn")
	t.Parallel()
	r := oracle.Rand(t)
	var cases []vliveCase
	for i := range 360 {
		n := 2 + r.IntN(400)
		if i%40 == 0 {
			n = 2000 + r.IntN(8000)
		}
		classes := 2 + r.IntN(7)
		y := make([]int, n)
		for j := range y {
			// skewed classes, some tiny
			y[j] = min(r.IntN(classes), r.IntN(classes)) * (1 + r.IntN(2))
		}
		c := vliveCase{Y: y, K: 2 + r.IntN(6), Seed: r.Uint32(), Shuffle: r.IntN(4) != 0}
		switch i % 3 {
		case 0:
			c.Kind, c.Reseed = "skf", r.IntN(2) == 0
		case 1:
			c.Kind, c.Test = "sss", 0.05+0.9*r.Float64()
			if r.IntN(3) == 0 {
				c.Test = float64(1+r.IntN(9)) / 10
			}
		case 2:
			c.Kind = "gkf"
			groups := 17 + r.IntN(60)
			for j := range c.Y {
				c.Y[j] = r.IntN(groups) % (groups - r.IntN(3))
			}
		}
		cases = append(cases, c)
	}
	var res []vliveResult
	oracle.RunJSON(t, oracleImportPath(t)+versionLiveScript, cases, &res)
	if len(res) != len(cases) {
		t.Fatalf("%d results for %d cases", len(res), len(cases))
	}
	v021, _ := SklearnVersion("0.21.3")
	v020, _ := SklearnVersion("0.20.3")
	v024, _ := SklearnVersion("0.24.2")
	v18, _ := SklearnVersion("1.8.0")
	bad := 0
	for i, c := range cases {
		y := LabelsFromCodes(c.Y)
		var got []Fold
		var err error
		name := fmt.Sprintf("case %d %s n=%d k=%d seed=%d shuffle=%v reseed=%v test=%v", i, c.Kind, len(c.Y), c.K, c.Seed, c.Shuffle, c.Reseed, c.Test)
		switch c.Kind {
		case "skf":
			v := v021
			if c.Reseed {
				v = v020
			}
			rs := None
			if c.Shuffle {
				rs = Seed(c.Seed)
			}
			got, err = StratifiedKFold{NSplits: c.K, Shuffle: c.Shuffle, RandomState: rs, Version: v}.Split(y)
			if res[i].Assign == nil {
				if err == nil {
					bad++
					t.Errorf("%s: no error, Python refused", name)
				}
				continue
			}
			if err != nil {
				bad++
				t.Errorf("%s: %v", name, err)
				continue
			}
			if a := TestFolds(got, len(c.Y)); !slices.Equal(a, res[i].Assign) {
				bad++
				t.Errorf("%s: folds %v, want %v", name, short(a), short(res[i].Assign))
			}
			continue
		case "sss":
			got, err = StratifiedShuffleSplit{NSplits: c.K, TestSize: FloatSize(c.Test), RandomState: Seed(c.Seed), Version: v024}.Split(y)
		case "gkf":
			got, err = GroupKFold{NSplits: c.K, Version: v18}.Split(y)
		}
		if res[i].Folds == nil {
			if err == nil {
				bad++
				t.Errorf("%s: no error, Python raised", name)
			}
			continue
		}
		if err != nil {
			bad++
			t.Errorf("%s: %v", name, err)
			continue
		}
		if msg := vCompare(got, res[i].Folds); msg != "" {
			bad++
			t.Errorf("%s: %s", name, msg)
		}
	}
	t.Logf("%d live cases (StratifiedKFold A/B, stratified shuffle A, GroupKFold >16 groups), %d differ", len(cases), bad)
}
