package audit

import (
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/rng"
	"github.com/splitter-dev/splitter/split"
)

// groupKFoldCands are GroupKFold(K) on groups g — deterministic: groups,
// largest first, each to the fold with the fewest rows — and, in releases
// that have it (1.6 on), GroupKFold(K, shuffle=True, random_state=S).
func groupKFoldCands(k int, g Column, vg VersionGroup) []*foldCand {
	v := vg.Version
	base := recipe.Recipe{Call: recipe.GroupKFold, Folds: k, Group: g.Name, NoShuffle: true}
	pin(&base, vg)
	out := []*foldCand{{r: base, releases: vg.Releases,
		folds: func(split.RandomState) ([]split.Fold, error) {
			return split.GroupKFold{NSplits: k, Version: v}.Split(g.Labels)
		}}}
	if v.HasGroupKFoldShuffle() {
		sh := base
		sh.NoShuffle = false
		out = append(out, &foldCand{r: sh, releases: vg.Releases, seeded: true,
			folds: func(rs split.RandomState) ([]split.Fold, error) {
				return split.GroupKFold{NSplits: k, Shuffle: true, RandomState: rs, Version: v}.Split(g.Labels)
			}})
	}
	return out
}

// stratGroupKFoldCands are StratifiedGroupKFold(K, shuffle=False) and
// StratifiedGroupKFold(K, shuffle=True, random_state=S) with y and
// groups g. Seeds are computed in full (the greedy allocation sees every
// group before it places any).
func stratGroupKFoldCands(folds []int, k int, y, g Column, vg VersionGroup) []*foldCand {
	v := vg.Version
	base := recipe.Recipe{Call: recipe.StratifiedGroupKFold, Folds: k, Stratify: y.Name, Group: g.Name, NoShuffle: true}
	pin(&base, vg)
	plain, err := split.StratifiedGroupKFold{NSplits: k, Version: v}.Split(y.Labels, g.Labels)
	if err != nil {
		return nil // shuffling fails alike
	}
	sh := base
	sh.NoShuffle = false
	return []*foldCand{
		{r: base, releases: vg.Releases, folds: func(split.RandomState) ([]split.Fold, error) { return plain, nil }},
		{r: sh, releases: vg.Releases, seeded: true, folds: func(rs split.RandomState) ([]split.Fold, error) {
			return split.StratifiedGroupKFold{NSplits: k, Shuffle: true, RandomState: rs, Version: v}.Split(y.Labels, g.Labels)
		}, filter: sgkfFilter(folds, k, y, g, v)},
	}
}

// sgkfFilter makes workers that replay StratifiedGroupKFold's shuffle and
// greedy allocation for a seed, stopping at the first group placed in
// another fold than the one it has in folds (groups each lie in one fold:
// groupColumn). The first group placed always goes to fold 0, so most
// seeds end after one or two placements.
func sgkfFilter(folds []int, k int, y, g Column, v split.Version) func() func(uint32) bool {
	want := make([]int, g.Labels.NumClasses())
	for i, c := range g.Labels.Codes() {
		want[c] = folds[i]
	}
	return func() func(uint32) bool {
		replay := split.NewSGKFReplay(k, y.Labels, g.Labels, v)
		rs := rng.NewRandomState(0)
		perm := make([]int, len(want))
		swap := func(i, j int) { perm[i], perm[j] = perm[j], perm[i] }
		ok := func(group, fold int) bool { return want[group] == fold }
		return func(seed uint32) bool {
			rs.Seed(seed)
			for i := range perm {
				perm[i] = i
			}
			rs.Shuffle(len(perm), swap)
			return replay.Run(perm, ok)
		}
	}
}
