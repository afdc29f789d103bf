package audit

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/split"
)

// foldsOf returns each row's test fold, every row being tested once.
func foldsOf(t *testing.T) func([]split.Fold, error) []int {
	return func(folds []split.Fold, err error) []int {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range folds {
			n += len(f.Test)
		}
		return split.TestFolds(folds, n)
	}
}

// TestSKFFilterAgrees: the StratifiedKFold filter passes exactly the
// seeds whose full computation gives the folds, on folds of a seed drawn
// among them.
func TestSKFFilterAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for c := range 30 {
		k, n := 2+r.IntN(4), 20+r.IntN(200)
		codes := classCodes(r, n, 2+r.IntN(4))
		for i := range codes[:k*2] {
			codes[i] = 0 // one class with at least k rows
		}
		y := split.LabelsFromCodes(codes)
		seed := uint32(r.IntN(300))
		want := foldsOf(t)(split.StratifiedKFold{NSplits: k, Shuffle: true, RandomState: split.Seed(seed)}.Split(y))
		cands := stratKFoldCands(want, k, Column{Name: "y", Labels: y}, VersionGroup{})
		if len(cands) != 2 || cands[1].filter == nil {
			t.Fatalf("case %d: %d candidates", c, len(cands))
		}
		pass := cands[1].filter()
		hits := 0
		for s := uint32(0); s < 300; s++ {
			full := cands[1].matches(want, split.Seed(s))
			if got := pass(s); got != full {
				t.Fatalf("case %d (n=%d k=%d) seed %d: filter %v, full %v", c, n, k, s, got, full)
			}
			if full {
				hits++
			}
		}
		if hits == 0 {
			t.Errorf("case %d: seed %d not found", c, seed)
		}
	}
}

// TestSGKFFilterAgrees: the StratifiedGroupKFold filter never rejects a
// seed whose full computation gives the folds, and passes few others, in
// today's release and in 1.8 (the permutation carried to group ids).
func TestSGKFFilterAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	v18, err := split.SklearnVersion("1.8.0")
	if err != nil {
		t.Fatal(err)
	}
	for c := range 20 {
		v := split.Version{}
		if c%2 == 1 {
			v = v18
		}
		k, n := 2+r.IntN(3), 60+r.IntN(200)
		y := split.LabelsFromCodes(classCodes(r, n, 2+r.IntN(3)))
		gc := make([]int, n)
		for i := range gc {
			gc[i] = r.IntN(8 + n/10)
		}
		g := split.LabelsFromCodes(gc)
		seed := uint32(r.IntN(300))
		want := foldsOf(t)(split.StratifiedGroupKFold{NSplits: k, Shuffle: true, RandomState: split.Seed(seed), Version: v}.Split(y, g))
		if !groupColumn(want, k, g) {
			t.Fatalf("case %d: groups not in one fold each", c)
		}
		cands := stratGroupKFoldCands(want, k, Column{Name: "y", Labels: y}, Column{Name: "g", Labels: g}, VersionGroup{Version: v})
		pass := cands[1].filter()
		passed, hits := 0, 0
		for s := uint32(0); s < 300; s++ {
			full := cands[1].matches(want, split.Seed(s))
			got := pass(s)
			if full && !got {
				t.Fatalf("case %d seed %d: the filter rejects a match", c, s)
			}
			if got {
				passed++
			}
			if full {
				hits++
			}
		}
		if hits == 0 || passed > hits+30 {
			t.Errorf("case %d: %d seeds match (seed %d), %d pass the filter", c, hits, seed, passed)
		}
	}
}

// TestExplainFoldsVersions: folds of older releases' variants are found
// with every release tried, pinned to a release of the group that folds
// so and named after the code; with today's release alone, not.
func TestExplainFoldsVersions(t *testing.T) {
	var all []split.Version
	for _, name := range split.SklearnVersions() {
		v, err := split.SklearnVersion(name)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, v)
	}
	r := rand.New(rand.NewPCG(11, 12))
	n := 150
	codes := classCodes(r, n, 3)
	y := split.LabelsFromCodes(codes)
	gc := make([]int, n)
	for i := range gc {
		gc[i] = r.IntN(30)
	}
	g := split.LabelsFromCodes(gc)
	cols := []Column{{Name: "y", Labels: y}, {Name: "g", Labels: g}}
	for _, c := range []struct {
		release string
		call    recipe.Call
		folds   func(v split.Version) ([]split.Fold, error)
	}{
		{"0.19.0", recipe.StratifiedKFold, func(v split.Version) ([]split.Fold, error) {
			return split.StratifiedKFold{NSplits: 4, Shuffle: true, RandomState: split.Seed(321), Version: v}.Split(y)
		}},
		{"0.21.3", recipe.StratifiedKFold, func(v split.Version) ([]split.Fold, error) {
			return split.StratifiedKFold{NSplits: 4, Shuffle: true, RandomState: split.Seed(321), Version: v}.Split(y)
		}},
		{"1.6.1", recipe.GroupKFold, func(v split.Version) ([]split.Fold, error) {
			return split.GroupKFold{NSplits: 4, Shuffle: true, RandomState: split.Seed(321), Version: v}.Split(g)
		}},
	} {
		v, err := split.SklearnVersion(c.release)
		if err != nil {
			t.Fatal(err)
		}
		want := foldsOf(t)(c.folds(v))
		got, err := ExplainFolds(context.Background(), want, ExplainOptions{First: 300, Last: 330, Columns: cols, Versions: all})
		if err != nil || len(got) == 0 {
			t.Fatalf("%s %s: %v, %v", c.call, c.release, got, err)
		}
		m := got[0]
		pinned, _ := split.SklearnVersion(m.Recipe.Sklearn)
		if m.Seed != 321 || m.Recipe.Call != c.call || m.Recipe.Seed != "321" || pinned.Variant(string(c.call[len("sklearn."):])) != v.Variant(string(c.call[len("sklearn."):])) || !strings.Contains(m.Releases, ".") {
			t.Errorf("%s %s: got %+v %+v", c.call, c.release, m, *m.Recipe)
		}
		if today, _ := ExplainFolds(context.Background(), want, ExplainOptions{First: 300, Last: 330, Columns: cols}); len(today) != 0 {
			t.Errorf("%s %s: today's release matches too: %+v", c.call, c.release, *today[0].Recipe)
		}
	}
}

// TestMatchedFolds: fold files must be disjoint and cover the data.
func TestMatchedFolds(t *testing.T) {
	m := MembershipMatched(5, [][]int{{0, 3}, {1, 2, 4}})
	f, err := m.Folds()
	if err != nil || f[0] != 0 || f[3] != 0 || f[1] != 1 || f[4] != 1 {
		t.Errorf("folds %v, %v", f, err)
	}
	for _, parts := range [][][]int{{{0, 3}, {1, 2}}, {{0, 3, 1}, {1, 2, 4}}} {
		if _, err := MembershipMatched(5, parts).Folds(); !errors.Is(err, ErrNotFolds) {
			t.Errorf("%v: %v, want ErrNotFolds", parts, err)
		}
	}
}

// TestExplainFoldsOddColumns: fold numbers no cross-validator writes
// (negative, past the row count, a single fold, no rows) match nothing
// and allocate nothing by their size; one row a fold is KFold(n).
func TestExplainFoldsOddColumns(t *testing.T) {
	for _, folds := range [][]int{nil, {0, 0, 0}, {0, -1, 1}, {0, 1, 1 << 40}} {
		if got, err := ExplainFolds(context.Background(), folds, ExplainOptions{First: 0, Last: 10}); err != nil || len(got) != 0 {
			t.Errorf("%v: %v, %v", folds, got, err)
		}
	}
	got, err := ExplainFolds(context.Background(), []int{0, 1, 2, 3}, ExplainOptions{First: 0, Last: 10})
	if err != nil || len(got) != 1 || got[0].Recipe.SplitPython() != "KFold(n_splits=4).split(df)" {
		t.Errorf("one row a fold: %v, %v", got, err)
	}
}
