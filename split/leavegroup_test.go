package split

import (
	"errors"
	"slices"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// TestLeaveOneGroupOutLive compares LeaveOneGroupOut's folds with the live
// scikit-learn on fresh random int and str groups.
func TestLeaveOneGroupOutLive(t *testing.T) {
	oracle.Require(t, "sklearn")
	r := oracle.Rand(t)
	type tc struct {
		Ints []int64  `json:"ints"`
		Strs []string `json:"strs"`
	}
	var cases []tc
	for range 20 {
		n, k := 2+r.IntN(40), 2+r.IntN(6)
		c := tc{}
		for range n {
			if len(cases)%2 == 0 {
				c.Ints = append(c.Ints, int64(r.IntN(k)*7-10))
			} else {
				c.Strs = append(c.Strs, string(rune('a'+r.IntN(k)))+"x")
			}
		}
		cases = append(cases, c)
	}
	var want [][][]int
	oracle.RunJSON(t, `
import json, sys
import numpy as np
from sklearn.model_selection import LeaveOneGroupOut
out = []
for c in json.load(sys.stdin):
    g = np.array(c["ints"]) if c["ints"] else np.array(c["strs"], dtype=object)
    try:
        out.append([t.tolist() for _, t in LeaveOneGroupOut().split(g, groups=g)])
    except ValueError:
        out.append(None)
print(json.dumps(out))
`, cases, &want)
	for i, c := range cases {
		l := EncodeInts(c.Ints)
		if c.Strs != nil {
			l = EncodeStrings(c.Strs)
		}
		folds, err := LeaveOneGroupOut{}.Split(l)
		if want[i] == nil {
			if !errors.Is(err, ErrNoGroups) {
				t.Errorf("case %d: err %v, want ErrNoGroups as sklearn raises", i, err)
			}
			continue
		}
		if err != nil || len(folds) != len(want[i]) {
			t.Fatalf("case %d: %d folds, err %v; sklearn %d folds", i, len(folds), err, len(want[i]))
		}
		for f := range folds {
			if !slices.Equal(folds[f].Test, want[i][f]) {
				t.Errorf("case %d fold %d: test %v, sklearn %v", i, f, folds[f].Test, want[i][f])
			}
		}
	}
}
