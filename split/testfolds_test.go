package split

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTestFoldsIsSplit: every splitter's TestFolds is TestFolds of its
// Split's folds, and FoldsOf(TestFolds) is Split, on random cases (sizes,
// fold counts, seeds, shuffle, labels and groups).
func TestTestFoldsIsSplit(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 5))
	for c := range 300 {
		n := 2 + r.IntN(60)
		k := 2 + r.IntN(min(4, n-1))
		seed := Seed(uint32(r.IntN(1000)))
		shuffle := r.IntN(2) == 0
		rs := None
		if shuffle {
			rs = seed
		}
		codes := func(m int) Labels {
			cs := make([]int, n)
			for i := range cs {
				cs[i] = r.IntN(m)
			}
			return LabelsFromCodes(cs)
		}
		y, groups := codes(2+r.IntN(3)), codes(k+r.IntN(8))
		name := fmt.Sprintf("case %d (n=%d k=%d shuffle=%v)", c, n, k, shuffle)
		check := func(what string, tests []int, errT error, folds []Fold, errS error) {
			t.Helper()
			if (errT == nil) != (errS == nil) {
				t.Fatalf("%s %s: TestFolds error %v, Split error %v", name, what, errT, errS)
			}
			if errT != nil {
				return
			}
			if want := TestFolds(folds, n); !slices.Equal(tests, want) {
				t.Fatalf("%s %s: TestFolds %v, of Split %v", name, what, tests, want)
			}
			if got := FoldsOf(tests, len(folds)); !slices.EqualFunc(got, folds, func(a, b Fold) bool {
				return slices.Equal(a.Train, b.Train) && slices.Equal(a.Test, b.Test)
			}) {
				t.Fatalf("%s %s: FoldsOf(TestFolds) is not Split", name, what)
			}
		}
		kf := KFold{NSplits: k, Shuffle: shuffle, RandomState: rs}
		a, errT := kf.TestFolds(n)
		f, errS := kf.Split(n)
		check("KFold", a, errT, f, errS)
		skf := StratifiedKFold{NSplits: k, Shuffle: shuffle, RandomState: rs}
		a, errT = skf.TestFolds(y)
		f, errS = skf.Split(y)
		check("StratifiedKFold", a, errT, f, errS)
		gkf := GroupKFold{NSplits: k}
		a, errT = gkf.TestFolds(groups)
		f, errS = gkf.Split(groups)
		check("GroupKFold", a, errT, f, errS)
		sgkf := StratifiedGroupKFold{NSplits: k, Shuffle: shuffle, RandomState: rs}
		a, errT = sgkf.TestFolds(y, groups)
		f, errS = sgkf.Split(y, groups)
		check("StratifiedGroupKFold", a, errT, f, errS)
		a, errT = LeaveOneGroupOut{}.TestFolds(groups)
		f, errS = LeaveOneGroupOut{}.Split(groups)
		check("LeaveOneGroupOut", a, errT, f, errS)
		reps := 1 + r.IntN(3)
		rkf := RepeatedKFold{NSplits: k, NRepeats: reps, RandomState: seed}
		tests, errT := rkf.TestFolds(n)
		f, errS = rkf.Split(n)
		for rep := range tests {
			check(fmt.Sprintf("RepeatedKFold rep %d", rep), tests[rep], errT, f[rep*k:(rep+1)*k], errS)
		}
		rskf := RepeatedStratifiedKFold{NSplits: k, NRepeats: reps, RandomState: seed}
		tests, errT = rskf.TestFolds(y)
		f, errS = rskf.Split(y)
		if (errT == nil) != (errS == nil) {
			t.Fatalf("%s RepeatedStratifiedKFold: %v, %v", name, errT, errS)
		}
		for rep := range tests {
			check(fmt.Sprintf("RepeatedStratifiedKFold rep %d", rep), tests[rep], errT, f[rep*k:(rep+1)*k], errS)
		}
	}
}
