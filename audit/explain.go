package audit

import (
	"context"
	"errors"
	"math"
	"slices"
	"sort"

	"github.com/splitter-dev/splitter/split"
)

// ErrEmptySeedRange is a seed range with First > Last. (It is not
// rng.ErrSeedRange, numpy's "seed out of range".)
var ErrEmptySeedRange = errors.New("empty seed range")

// DefaultLastSeed is the last seed Explain tries by default (2**20).
const DefaultLastSeed = 1 << 20

// Column is a data column Explain may try as stratify=df[Name]; Labels are
// its values as scikit-learn encodes them.
type Column struct {
	Name   string
	Labels split.Labels
	// ClassLabels are its Hugging Face ClassLabel ids (class_encode_column:
	// str values sorted), for stratify_by_column; unset: not tried there.
	ClassLabels split.Labels
}

// ExplainOptions configure Explain.
type ExplainOptions struct {
	// First and Last bound the seeds tried, inclusive. Seeds above
	// 2**32-1 are skipped for the numpy RandomState and torch recipes.
	First, Last uint64
	// Columns are tried for stratified train_test_split.
	Columns []Column
	// Versions are the scikit-learn releases whose stratified splits are
	// tried (nil: today's, 1.2.1). Releases that split alike are tried once
	// (see VersionGroups).
	Versions []split.Version
	// Kinds restricts the recipe families (nil: all).
	Kinds []Kind
	// All asks for every match; by default the search stops at the lowest
	// seed that matches.
	All bool
	// Workers is the number of goroutines (0: GOMAXPROCS).
	Workers int
	// Progress, when set, is called after each block of seeds (one call at
	// a time, done increasing) with the number of seeds tried with every
	// recipe, First..First+done-1, and the number in the range.
	Progress func(done, total uint64)
}

// Match is a recipe and a seed that make the partition.
type Match struct {
	Recipe Recipe
	// Seed is the seed; for a recipe that draws none (SklearnNoShuffle)
	// every seed matches and Seed is First.
	Seed uint64
}

// Recipes lists the recipes that could make p at its sizes: train_test_split
// (shuffled; shuffle=False; stratified on each column whose class counts in
// the two files fit scikit-learn's allocation), Hugging Face datasets, and
// pandas df.sample(frac) with the rest as test, torch random_split and
// Python's random.shuffle / random.sample (when the parts cover the data);
// for one part holding every row (Test empty), the shuffles of pandas,
// torch, Python and Hugging Face datasets. None when the files hold rows the data does not.
func Recipes(p *Partition, cols []Column) []Recipe {
	n, a, b := p.N(), len(p.Train), len(p.Test)
	if b == 0 && a == n && n > 0 && p.selectable() {
		return shuffleRecipes(n) // one part: all rows, shuffled
	}
	if a == 0 || b == 0 || a+b > n || !p.selectable() {
		return nil
	}
	base := Recipe{N: n, Train: a, Test: b}
	var out []Recipe
	for _, k := range []Kind{Sklearn, SklearnNoShuffle} {
		r := base
		r.Kind = k
		out = append(out, r)
	}
	for _, c := range cols {
		if stratifiable(p, c.Labels) {
			r := base
			r.Kind, r.Column, r.Labels = SklearnStratified, c.Name, c.Labels
			out = append(out, r)
		}
	}
	r := base
	r.Kind = Datasets
	out = append(out, r)
	if a+b == n {
		for _, k := range []Kind{PandasSample, TorchRandomSplit, PythonShuffleSplit, PythonSampleSplit} {
			r.Kind = k
			out = append(out, r)
		}
	}
	out = append(out, groupShuffleRecipes(p, cols)...)
	return append(out, datasetsStratifiedRecipes(p, base, cols)...)
}

// recipesFor is Recipes with the stratified recipes repeated for each
// group of releases that stratify alike.
func recipesFor(p *Partition, cols []Column, versions []split.Version) []Recipe {
	base := Recipes(p, cols)
	if len(versions) == 0 {
		return base
	}
	var out []Recipe
	for _, r := range base {
		if r.Kind != SklearnStratified {
			out = append(out, r)
			continue
		}
		for _, g := range VersionGroups(versions) {
			v := r
			v.Version, v.Releases = g.Version, g.Releases
			out = append(out, v)
		}
	}
	return out
}

// VersionGroup is a run of scikit-learn releases whose train_test_split
// (stratified) gives the same rows: Version is one of them, Releases
// names them ("0.18.2-0.24.2").
type VersionGroup struct {
	Version  split.Version
	Releases string
}

// VersionGroups groups versions (oldest first) by their
// StratifiedShuffleSplit variant: their _approximate_mode
// (Version.ApproxModeMultiplyFirst).
func VersionGroups(versions []split.Version) []VersionGroup {
	var out []VersionGroup
	var first, last string
	variant := false
	for i, v := range versions {
		vr := v.ApproxModeMultiplyFirst()
		if i > 0 && vr == variant {
			last = v.String()
			out[len(out)-1].Releases = span(first, last)
			continue
		}
		variant, first, last = vr, v.String(), v.String()
		out = append(out, VersionGroup{Version: v, Releases: first})
	}
	return out
}

func span(a, b string) string {
	if a == b {
		return a
	}
	return a + "-" + b
}

// stratifiable reports whether the files' class counts are those
// StratifiedShuffleSplit allocates (within one of the proportional share
// per class, as _approximate_mode rounds), and every class has two rows.
func stratifiable(p *Partition, l split.Labels) bool {
	if l.Len() != p.N() {
		return false
	}
	codes := l.Codes()
	k := l.NumClasses()
	total := make([]int, k)
	for _, c := range codes {
		total[c]++
	}
	tr, te, ok := partClassCounts(p, codes, k)
	if !ok {
		return true // the search decides
	}
	n, a, b := float64(p.N()), float64(len(p.Train)), float64(len(p.Test))
	for c := 0; c < k; c++ {
		if total[c] < 2 {
			return false
		}
		if math.Abs(float64(tr[c])-a*float64(total[c])/n) >= 1+1e-9 {
			return false
		}
		rest := float64(total[c] - tr[c])
		if n-a > 0 && math.Abs(float64(te[c])-b*rest/(n-a)) >= 1+1e-9 {
			return false
		}
	}
	return true
}

// Explain tries every recipe of Recipes(p, opts.Columns) with every seed
// in [First, Last] and returns those that make p, by recipe and seed: all
// of them with opts.All, else those of the lowest seed that matches (the
// search stops there). Each seed stops at its first row that differs: the
// permutations are Fisher-Yates shuffles from the top, so the last
// position is final after the first draw and most seeds end there.
// Candidates are confirmed with the full computation (Recipe.Check).
//
// When ctx ends first, Explain returns the matches found so far and an
// *InterruptedError (wrapping ctx.Err()) naming the seeds searched.
func Explain(ctx context.Context, p *Partition, opts ExplainOptions) ([]Match, error) {
	if opts.First > opts.Last {
		return nil, ErrEmptySeedRange
	}
	var seeded []Recipe
	var matches []Match
	for _, r := range recipesFor(p, opts.Columns, opts.Versions) {
		switch {
		case opts.Kinds != nil && !hasKind(opts.Kinds, r.Kind):
		case r.Seeded():
			seeded = append(seeded, r)
		case r.Check(p, 0):
			matches = append(matches, Match{Recipe: r, Seed: opts.First})
		}
	}
	if len(matches) > 0 && !opts.All || len(seeded) == 0 {
		return matches, nil
	}
	found, err := newScan(p, seeded, opts).run(ctx)
	matches = append(matches, found...)
	sortMatches(matches)
	if !opts.All && len(matches) > 0 && err == nil {
		low := matches[0].Seed
		for _, m := range matches {
			low = min(low, m.Seed)
		}
		matches = slices.DeleteFunc(matches, func(m Match) bool { return m.Seed != low })
	}
	return matches, err
}

func sortMatches(ms []Match) {
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].Recipe.Kind != ms[j].Recipe.Kind {
			return ms[i].Recipe.Kind < ms[j].Recipe.Kind
		}
		if ms[i].Recipe.Column != ms[j].Recipe.Column {
			return ms[i].Recipe.Column < ms[j].Recipe.Column
		}
		return ms[i].Seed < ms[j].Seed
	})
}

func hasKind(ks []Kind, k Kind) bool {
	return slices.Contains(ks, k)
}
