package audit

import (
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/split"
)

func TestEstablish(t *testing.T) {
	codes := make([]int, 200)
	for i := range codes {
		codes[i] = i % 4
	}
	cols := []Column{{Name: "y", Labels: split.LabelsFromCodes(codes)}}
	has := func(t *testing.T, got []string, want ...string) {
		t.Helper()
		all := strings.Join(got, "\n")
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("%q missing from:\n%s", w, all)
			}
		}
	}
	p, data := partitionOf(t, Recipe{Kind: SklearnStratified, N: 200, Train: 150, Test: 50, Labels: cols[0].Labels}, 5, 0)
	has(t, Establish(p, cols), "sizes 150 + 50 of 200", "test_size=0.25", "train: not in data order", `consistent with stratify=df["y"]`)
	p, _ = partitionOf(t, Recipe{Kind: SklearnNoShuffle, N: 200, Train: 120, Test: 80}, 0, 0)
	half := make([]int, 200)
	for i := 100; i < 200; i++ {
		half[i] = 1
	}
	has(t, Establish(p, []Column{{Name: "h", Labels: split.LabelsFromCodes(half)}}), "train: the first 120 rows", "test: data rows 120..199", `"h": class proportions differ`)
	// KFold's parts: indices sorted, not contiguous.
	var train, test [][]byte
	for i, r := range data {
		if i%5 == 2 {
			test = append(test, r)
		} else {
			train = append(train, r)
		}
	}
	has(t, Establish(NewPartition(data, train, test), nil), "train: in data order but not contiguous", "test: in data order but not contiguous")
	has(t, Establish(NewPartition(data, train[:10], test[:7]), nil), "test_size=7, train_size=10 leave 183 rows out")
	has(t, Establish(NewPartition(data, [][]byte{[]byte("x")}, test), nil), "rows the data does not")
}
