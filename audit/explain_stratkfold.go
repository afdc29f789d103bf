package audit

import (
	"slices"

	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/split"
)

// stratKFoldCands are StratifiedKFold(K) and StratifiedKFold(K,
// shuffle=True, random_state=S) with y = c in the releases of vg. From
// 0.22 (variant C) every class's folds are fixed blocks, shuffled per
// class; folds whose per-class counts differ from those blocks give no
// candidate, and the seeded one gets a fast filter.
func stratKFoldCands(folds []int, k int, c Column, vg VersionGroup) []*foldCand {
	v := vg.Version
	base := recipe.Recipe{Call: recipe.StratifiedKFold, Folds: k, Stratify: c.Name, NoShuffle: true}
	pin(&base, vg)
	plain, err := split.StratifiedKFold{NSplits: k, Version: v}.Split(c.Labels)
	if err != nil {
		return nil
	}
	sh := base
	sh.NoShuffle = false
	cands := []*foldCand{
		{r: base, releases: vg.Releases, folds: func(split.RandomState) ([]split.Fold, error) { return plain, nil }},
		{r: sh, releases: vg.Releases, seeded: true, folds: func(rs split.RandomState) ([]split.Fold, error) {
			return split.StratifiedKFold{NSplits: k, Shuffle: true, RandomState: rs, Version: v}.Split(c.Labels)
		}},
	}
	if v.Variant("StratifiedKFold") != "C" {
		return cands
	}
	f := newSKFFilter(folds, k, c.Labels.Codes(), split.TestFolds(plain, len(folds)))
	if f == nil {
		return nil // the class counts per fold are not StratifiedKFold's
	}
	cands[1].filter = f.worker
	return cands
}

// skfFilter replays StratifiedKFold's draws (≥ 0.22): for each class in
// order of first appearance, rng.shuffle(folds_for_class), folds_for_class
// being the class's fold numbers in blocks (the unshuffled folds of its
// rows). The shuffle runs lazily from the top and each final position is
// checked against the wanted fold of the class's row there, so most seeds
// end after a draw or two.
type skfFilter struct {
	rows   [][]int32 // rows of each class, ascending; classes by first appearance
	blocks [][]int32 // folds_for_class before the shuffle
	want   []int
	most   int
}

// newSKFFilter is the filter for folds want, classes codes, plain the
// unshuffled folds; nil when some class's fold counts differ from its
// blocks (no seed can give want).
func newSKFFilter(want []int, k int, codes []int, plain []int) *skfFilter {
	order := map[int]int{}
	f := &skfFilter{want: want}
	for i, c := range codes {
		e, ok := order[c]
		if !ok {
			e = len(f.rows)
			order[c] = e
			f.rows = append(f.rows, nil)
			f.blocks = append(f.blocks, nil)
		}
		f.rows[e] = append(f.rows[e], int32(i))
		f.blocks[e] = append(f.blocks[e], int32(plain[i]))
	}
	for e, rows := range f.rows {
		got := make([]int32, 0, len(rows))
		for _, i := range rows {
			got = append(got, int32(want[i]))
		}
		slices.Sort(got)
		if !slices.Equal(got, f.blocks[e]) { // blocks are sorted
			return nil
		}
		f.most = max(f.most, len(rows))
	}
	return f
}

// worker returns one goroutine's filter.
func (f *skfFilter) worker() func(seed uint32) bool {
	lazy := newLazyPerm(f.most)
	var mt mtFast
	draw := func(max uint32) uint32 { return interval(&mt, max) }
	return func(seed uint32) bool {
		mt.reset(seed, mtPrefix(seed))
		for e, rows := range f.rows {
			blocks := f.blocks[e]
			if !lazy.run(len(rows), draw, func(pos int, v int32) bool { return int(blocks[v]) == f.want[rows[pos]] }) {
				return false
			}
		}
		return true
	}
}
