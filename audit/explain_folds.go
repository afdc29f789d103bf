package audit

import (
	"context"
	"fmt"
	"slices"

	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/split"
)

// FoldMatch is a fold recipe that gives a fold column.
type FoldMatch struct {
	// Recipe is the call with its seed (Seed "" for shuffle=False and
	// GroupKFold, which draw none); Sklearn names the release pinned when
	// only older releases fold so.
	Recipe *recipe.Recipe
	// Seed is the seed, or the range's first for a recipe that draws none.
	Seed uint64
	// Releases names the scikit-learn releases that fold so ("" when
	// today's, 1.2, is the one release tried).
	Releases string
}

// ExplainFolds finds which cross-validator made a fold column: folds[i]
// is the fold whose test part holds row i of t (0..K-1), as `splitter
// kfold` writes it and `for f, (_, test) in enumerate(cv.split(...)):
// fold[test] = f` computes it. It tries, at K = max(folds)+1:
//
//   - KFold(K) and KFold(K, shuffle=True, random_state=S);
//   - StratifiedKFold(K) and StratifiedKFold(K, shuffle=True,
//     random_state=S) with y = each column of opts.Columns;
//   - GroupKFold(K) with groups = each column of opts.Columns whose groups
//     each lie in one fold (and, in releases from 1.6,
//     GroupKFold(K, shuffle=True, random_state=S));
//   - StratifiedGroupKFold(K, shuffle=False) and StratifiedGroupKFold(K,
//     shuffle=True, random_state=S) on each such group column with y each
//     other column;
//
// each once per group of the scikit-learn releases of opts.Versions that
// fold alike (nil: today's, 1.2.1), seeds S in opts' range. Recipes that
// draw no seed match first; otherwise the matches of the lowest seed are
// returned, or every match with opts.All. Columns with a value in every
// row (G == n groups) are not tried as groups.
func ExplainFolds(ctx context.Context, folds []int, opts ExplainOptions) ([]FoldMatch, error) {
	n := len(folds)
	k := slices.Max(append([]int{-1}, folds...)) + 1
	if k < 2 || k > n || slices.Min(folds) < 0 {
		return nil, nil // no cross-validator has more folds than rows
	}
	if opts.First > opts.Last {
		return nil, ErrEmptySeedRange
	}
	cands := foldCandidates(folds, k, opts)
	var found []FoldMatch
	for _, c := range cands {
		if !c.seeded && c.matches(folds, split.RandomState{}) {
			found = append(found, c.match(opts.First, false))
		}
	}
	if len(found) > 0 && !opts.All {
		return found, nil
	}
	kf, err := kfoldSeeds(ctx, folds, k, opts)
	if err != nil {
		return append(found, kf...), err
	}
	eo := opts
	if len(kf) > 0 && !opts.All {
		eo.Last = kf[0].Seed // only a lower seed can beat KFold's
	}
	seeded := slices.DeleteFunc(slices.Clone(cands), func(c *foldCand) bool { return !c.seeded })
	hits, err := scanSeeds(ctx, eo, foldBlock(seeded), func() seedTest { return foldTest(seeded, folds) })
	var more []FoldMatch
	for _, h := range hits {
		more = append(more, seeded[h.Cand].match(h.Seed, true))
	}
	if !opts.All && len(more) > 0 && (len(kf) == 0 || more[0].Seed < kf[0].Seed) {
		kf = nil
	}
	if !opts.All && len(more) > 0 && len(kf) > 0 && more[0].Seed > kf[0].Seed {
		more = nil
	}
	return append(append(found, kf...), more...), err
}

// foldBlock is the scan block: small when a candidate computes every
// seed in full.
func foldBlock(cands []*foldCand) uint64 {
	for _, c := range cands {
		if c.filter == nil {
			return scanBlockSlow
		}
	}
	return scanBlock
}

// foldTest is one worker's test of a seed on every seeded candidate: the
// fast filter where there is one, then the full computation.
func foldTest(cands []*foldCand, want []int) seedTest {
	filters := make([]func(uint32) bool, len(cands))
	for i, c := range cands {
		if c.filter != nil {
			filters[i] = c.filter()
		}
	}
	var out []int
	return func(seed uint32) []int {
		out = out[:0]
		for i, c := range cands {
			if filters[i] != nil && !filters[i](seed) {
				continue
			}
			if c.matches(want, split.Seed(seed)) {
				out = append(out, i)
			}
		}
		return out
	}
}

// kfoldSeeds is KFold(K, shuffle=True, random_state=S): it tests the rows
// permutation[start_k:end_k] in fold k, the permutation being
// RandomState(S).permutation(n) — the one train_test_split draws — so
// fold 0 is train_test_split's test part at test_size = len(fold 0), known
// by membership: Explain's fast seed search finds the candidates, and
// each is checked on every fold.
func kfoldSeeds(ctx context.Context, folds []int, k int, opts ExplainOptions) ([]FoldMatch, error) {
	n := len(folds)
	if !kfoldSizes(folds, k) || blocks(folds) || opts.Kinds != nil && !hasKind(opts.Kinds, Sklearn) {
		return nil, nil
	}
	var first, rest []int
	for i, f := range folds {
		if f == 0 {
			first = append(first, i)
		} else {
			rest = append(rest, i)
		}
	}
	eo := ExplainOptions{First: opts.First, Last: opts.Last, Kinds: []Kind{Sklearn}, Progress: opts.Progress, Workers: opts.Workers}
	var found []FoldMatch
	for {
		ms, err := Explain(ctx, MembershipPartition(n, rest, first), eo)
		if err != nil || len(ms) == 0 {
			return found, err
		}
		seed := ms[0].Seed
		res, err := split.KFold{NSplits: k, Shuffle: true, RandomState: split.Seed(uint32(seed))}.Split(n)
		if err != nil {
			return found, fmt.Errorf("KFold(%d) with seed %d: %w", k, seed, err)
		}
		if sameFolds(res, folds) {
			found = append(found, FoldMatch{Recipe: &recipe.Recipe{Call: recipe.KFold, Folds: k, Seed: uintString(seed)}, Seed: seed})
			if !opts.All {
				return found, nil
			}
		}
		if seed >= opts.Last {
			return found, nil
		}
		eo.First = seed + 1
	}
}

// kfoldSizes reports whether the folds have KFold's sizes: n/k rows each,
// the first n%k one more.
func kfoldSizes(folds []int, k int) bool {
	sizes := make([]int, k)
	for _, f := range folds {
		if f < 0 {
			return false
		}
		sizes[f]++
	}
	n := len(folds)
	for f, s := range sizes {
		want := n / k
		if f < n%k {
			want++
		}
		if s != want {
			return false
		}
	}
	return true
}

// blocks reports whether the folds are consecutive blocks 0, 1, ...
// (KFold without shuffling).
func blocks(folds []int) bool {
	for i := 1; i < len(folds); i++ {
		if folds[i] != folds[i-1] && folds[i] != folds[i-1]+1 {
			return false
		}
	}
	return len(folds) == 0 || folds[0] == 0
}
