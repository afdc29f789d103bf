package audit

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/split"
)

// TestExplainVersions finds stratified partitions that scikit-learn 0.24
// and 1.x split differently (_approximate_mode's order of operations) and
// checks that Explain with every release names the right group.
func TestExplainVersions(t *testing.T) {
	var versions []split.Version
	for _, s := range split.SklearnVersions() {
		v, err := split.SklearnVersion(s)
		if err != nil {
			t.Fatal(err)
		}
		versions = append(versions, v)
	}
	groups := VersionGroups(versions)
	if len(groups) < 2 {
		t.Fatalf("groups %v", groups)
	}
	old, _ := split.SklearnVersion("0.24.2")
	r := rand.New(rand.NewPCG(7, 8))
	found := 0
	for tries := 0; tries < 20000 && found < 3; tries++ {
		k := 3 + r.IntN(5)
		n := 2*k + r.IntN(60)
		codes := classCodes(r, n, k)
		test := k + r.IntN(n-2*k+1)
		a := Recipe{Kind: SklearnStratified, N: n, Train: n - test, Test: test, Labels: split.LabelsFromCodes(codes), Column: "y", Version: old}
		b := a
		b.Version = split.Version{}
		seed := uint64(r.IntN(50))
		tra, tea, errA := a.Indices(seed)
		trb, teb, errB := b.Indices(seed)
		if errA != nil || errB != nil || slices.Equal(tra, trb) && slices.Equal(tea, teb) {
			continue
		}
		found++
		data := records(n, 0, codes)
		p := NewPartition(data, pick(data, tra), pick(data, tea))
		ms, err := Explain(context.Background(), p, ExplainOptions{First: seed, Last: seed, Columns: []Column{{Name: "y", Labels: a.Labels}}, Versions: versions, Kinds: []Kind{SklearnStratified}})
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != 1 || !strings.HasPrefix(ms[0].Recipe.Releases, "0.18.2-") || !strings.Contains(ms[0].Recipe.Python("d.csv", seed), "# scikit-learn 0.18.2-0.24.2") {
			t.Errorf("old-release partition: matches %+v", ms)
		}
	}
	if found == 0 {
		t.Fatal("no partition where the releases differ")
	}
}
