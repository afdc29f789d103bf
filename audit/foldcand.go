package audit

import (
	"strconv"

	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/split"
)

// foldCand is one fold recipe (call, columns, release) waiting for a
// seed: its full computation and, when it has one, a fast filter.
type foldCand struct {
	r        recipe.Recipe
	releases string
	seeded   bool
	// folds runs the cross-validator (rs is None when not seeded).
	folds func(rs split.RandomState) ([]split.Fold, error)
	// filter makes one worker's fast rejection of seeds (nil: none): false
	// means the seed cannot give the folds.
	filter func() func(seed uint32) bool
}

// matches reports whether the candidate gives exactly the folds want.
func (c *foldCand) matches(want []int, rs split.RandomState) bool {
	folds, err := c.folds(rs)
	return err == nil && sameFolds(folds, want)
}

// match is the candidate as a FoldMatch with seed.
func (c *foldCand) match(seed uint64, seeded bool) FoldMatch {
	r := c.r
	if seeded {
		r.Seed = uintString(seed)
	}
	return FoldMatch{Recipe: &r, Seed: seed, Releases: c.releases}
}

// sameFolds reports whether fold f's test part holds exactly the rows i
// with want[i] == f, for every f.
func sameFolds(folds []split.Fold, want []int) bool {
	if len(folds) == 0 {
		return false
	}
	total := 0
	for f, fold := range folds {
		for _, i := range fold.Test {
			if i >= len(want) || want[i] != f {
				return false
			}
		}
		total += len(fold.Test)
	}
	return total == len(want)
}

// foldCandidates lists the fold recipes that could give folds (K folds)
// on the columns and releases of opts.
func foldCandidates(folds []int, k int, opts ExplainOptions) []*foldCand {
	n := len(folds)
	var out []*foldCand
	if blocks(folds) && kfoldSizes(folds, k) {
		out = append(out, &foldCand{r: recipe.Recipe{Call: recipe.KFold, Folds: k, NoShuffle: true},
			folds: func(split.RandomState) ([]split.Fold, error) { return split.KFold{NSplits: k}.Split(n) }})
	}
	if opts.Kinds != nil && !hasKind(opts.Kinds, SklearnStratified) {
		return out
	}
	for _, c := range opts.Columns {
		if c.Labels.Len() != n || c.Labels.NumClasses() < 2 {
			continue
		}
		for _, g := range variantGroups(opts.Versions, variantOf("StratifiedKFold")) {
			out = append(out, stratKFoldCands(folds, k, c, g)...)
		}
	}
	for _, g := range opts.Columns {
		if !groupColumn(folds, k, g.Labels) {
			continue
		}
		for _, vg := range variantGroups(opts.Versions, groupKFoldVariant) {
			out = append(out, groupKFoldCands(k, g, vg)...)
		}
		for _, y := range opts.Columns {
			if y.Name == g.Name || y.Labels.Len() != n || y.Labels.NumClasses() < 2 {
				continue
			}
			for _, vg := range variantGroups(opts.Versions, variantOf("StratifiedGroupKFold")) {
				if vg.Version.Variant("StratifiedGroupKFold") != "" {
					out = append(out, stratGroupKFoldCands(folds, k, y, g, vg)...)
				}
			}
		}
	}
	return out
}

// groupColumn reports whether groups can be the groups of a group
// k-fold's folds: k to n-1 distinct groups, each within one fold.
func groupColumn(folds []int, k int, groups split.Labels) bool {
	g := groups.NumClasses()
	if groups.Len() != len(folds) || g < k || g >= len(folds) {
		return false
	}
	fold := make([]int, g)
	for i := range fold {
		fold[i] = -1
	}
	for i, c := range groups.Codes() {
		switch fold[c] {
		case -1:
			fold[c] = folds[i]
		case folds[i]:
		default:
			return false
		}
	}
	return true
}

// variantGroups groups versions (oldest first) into runs of releases
// with the same variant; nil versions are today's release alone.
func variantGroups(versions []split.Version, variant func(split.Version) string) []VersionGroup {
	if len(versions) == 0 {
		return []VersionGroup{{}}
	}
	var out []VersionGroup
	var first, prev string
	for i, v := range versions {
		name := variant(v)
		if i > 0 && name == prev {
			out[len(out)-1].Releases = span(first, v.String())
			continue
		}
		prev, first = name, v.String()
		out = append(out, VersionGroup{Version: v, Releases: first})
	}
	return out
}

// variantOf is the algorithm variant of splitter (Version.Variant).
func variantOf(splitter string) func(split.Version) string {
	return func(v split.Version) string { return v.Variant(splitter) }
}

// groupKFoldVariant is GroupKFold's tie order and whether it shuffles.
func groupKFoldVariant(v split.Version) string {
	return v.Variant("GroupKFold") + "/" + strconv.FormatBool(v.HasGroupKFoldShuffle())
}

// pin sets r's release to g's when g names releases.
func pin(r *recipe.Recipe, g VersionGroup) {
	if g.Version.IsPinned() {
		r.Sklearn = g.Version.String()
	}
}

func uintString(u uint64) string { return strconv.FormatUint(u, 10) }
