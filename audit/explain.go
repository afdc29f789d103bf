package audit

import (
	"context"
	"errors"
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/splitter-dev/splitter/rng"
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
}

// ExplainOptions configure Explain.
type ExplainOptions struct {
	// First and Last bound the seeds tried, inclusive. Seeds above
	// 2**32-1 are skipped for the numpy RandomState recipes.
	First, Last uint64
	// Columns are tried for stratified train_test_split.
	Columns []Column
	// Versions are the scikit-learn releases whose stratified splits are
	// tried (nil: today's, 1.2.1). Releases that split alike are tried once
	// (see VersionGroups).
	Versions []split.Version
	// Kinds restricts the recipe families (nil: all).
	Kinds []Kind
	// Workers is the number of goroutines (0: GOMAXPROCS).
	Workers int
	// Progress, when set, is called from time to time with the number of
	// (recipe, seed) pairs tried so far and the total.
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
// pandas df.sample(frac) with the rest as test (when the parts cover the
// data). None when the files hold rows the data does not.
func Recipes(p *Partition, cols []Column) []Recipe {
	n, a, b := p.N(), len(p.Train), len(p.Test)
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
		r.Kind = PandasSample
		out = append(out, r)
	}
	return out
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
// StratifiedShuffleSplit variant.
func VersionGroups(versions []split.Version) []VersionGroup {
	var out []VersionGroup
	var first, last string
	variant := ""
	for i, v := range versions {
		vr := v.Variant("StratifiedShuffleSplit")
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
// in [First, Last] and returns those that make p, by recipe and seed.
// Each seed stops at its first row that differs: the permutations are
// Fisher-Yates shuffles from the top, so the last position is final after
// the first draw and most seeds end there. Candidates are confirmed with
// the full computation (Recipe.Check).
func Explain(ctx context.Context, p *Partition, opts ExplainOptions) ([]Match, error) {
	if opts.First > opts.Last {
		return nil, ErrEmptySeedRange
	}
	var recipes []Recipe
	for _, r := range recipesFor(p, opts.Columns, opts.Versions) {
		if opts.Kinds == nil || hasKind(opts.Kinds, r.Kind) {
			recipes = append(recipes, r)
		}
	}
	var total uint64
	spans := make([][2]uint64, len(recipes))
	for i, r := range recipes {
		first, last := opts.First, opts.Last
		if r.Kind != Datasets && last > math.MaxUint32 {
			last = math.MaxUint32
		}
		if !r.Seeded() {
			first, last = opts.First, opts.First
		}
		spans[i] = [2]uint64{first, last}
		if first <= last {
			total += last - first + 1
		}
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		mu      sync.Mutex
		matches []Match
		done    atomic.Uint64
	)
	for i, r := range recipes {
		first, last := spans[i][0], spans[i][1]
		if first > last {
			continue
		}
		if !r.Seeded() {
			if r.Check(p, 0) {
				matches = append(matches, Match{Recipe: r, Seed: first})
			}
			done.Add(1)
			continue
		}
		s := newSearch(p, r)
		const block = 1 << 12
		var next atomic.Uint64
		next.Store(first)
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				wk := s.worker()
				for ctx.Err() == nil {
					lo := next.Add(block) - block
					if lo > last || lo < first { // done (or wrapped)
						return
					}
					hi := lo + block - 1
					if hi > last || hi < lo {
						hi = last
					}
					for _, seed := range wk.run(lo, hi) {
						if r.Check(p, seed) {
							mu.Lock()
							matches = append(matches, Match{Recipe: r, Seed: seed})
							mu.Unlock()
						}
					}
					d := done.Add(hi - lo + 1)
					if opts.Progress != nil {
						opts.Progress(d, total)
					}
					if hi == last {
						return
					}
				}
			}()
		}
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	sort.Slice(matches, func(i, j int) bool {
		if matches[i].Recipe.Kind != matches[j].Recipe.Kind {
			return matches[i].Recipe.Kind < matches[j].Recipe.Kind
		}
		if matches[i].Recipe.Column != matches[j].Recipe.Column {
			return matches[i].Recipe.Column < matches[j].Recipe.Column
		}
		return matches[i].Seed < matches[j].Seed
	})
	return matches, nil
}

func hasKind(ks []Kind, k Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// search is one recipe's fast filter: the constraint on each final
// position of the permutation.
type search struct {
	p      *Partition
	r      Recipe
	exact  []int32 // content id required at each position; -1: from the pool
	pool   []int32 // how many rows of each content id the pool positions take
	lazyFY bool    // the filter applies (else every seed is a candidate)
	strat  *stratSearch
}

func newSearch(p *Partition, r Recipe) *search {
	s := &search{p: p, r: r}
	n := p.N()
	switch r.Kind {
	case Sklearn, Datasets:
		// permutation[:b] is test, [b:b+a] train, the rest unused.
		s.exact = make([]int32, n)
		copy(s.exact, p.Test)
		copy(s.exact[len(p.Test):], p.Train)
		for i := len(p.Test) + len(p.Train); i < n; i++ {
			s.exact[i] = -1
		}
		s.pool = make([]int32, len(p.Count))
		copy(s.pool, p.Count)
		for _, part := range [][]int32{p.Train, p.Test} {
			for _, id := range part {
				s.pool[id]--
			}
		}
		s.lazyFY = true
	case SklearnStratified:
		s.strat = newStratSearch(p, r)
	case PandasSample:
		// choice(n, a, replace=False) = permutation(n)[:a]; the other
		// positions hold the test rows (in another order).
		s.exact = make([]int32, n)
		copy(s.exact, p.Train)
		for i := len(p.Train); i < n; i++ {
			s.exact[i] = -1
		}
		s.pool = make([]int32, len(p.Count))
		for _, id := range p.Test {
			s.pool[id]++
		}
		s.lazyFY = true
	}
	return s
}

// worker is one goroutine's scratch space.
type worker struct {
	s     *search
	val   []int32  // lazily materialised permutation
	stamp []uint32 // val[i] is valid when stamp[i] == epoch
	epoch uint32
	pool  []int32
	undo  []int32
	out   []uint64
	sw    *stratWorker
}

func (s *search) worker() *worker {
	w := &worker{s: s}
	if s.strat != nil {
		w.sw = s.strat.worker()
	}
	if s.lazyFY {
		n := s.p.N()
		w.val = make([]int32, n)
		w.stamp = make([]uint32, n)
		w.pool = make([]int32, len(s.pool))
		copy(w.pool, s.pool)
	}
	return w
}

// run returns the seeds in [lo, hi] that pass the filter.
func (w *worker) run(lo, hi uint64) []uint64 {
	w.out = w.out[:0]
	s := w.s
	switch {
	case s.strat != nil:
		for seed := lo; ; seed++ {
			if w.sw.pass(uint32(seed)) {
				w.out = append(w.out, seed)
			}
			if seed == hi {
				break
			}
		}
	case !s.lazyFY:
		for seed := lo; ; seed++ {
			w.out = append(w.out, seed)
			if seed == hi {
				break
			}
		}
	case s.r.Kind == Datasets:
		for seed := lo; ; seed++ {
			g := newPCGFast(seed)
			if w.fisherYates(&g) {
				w.out = append(w.out, seed)
			}
			if seed == hi {
				break
			}
		}
	default:
		seed := lo
		var src mtFast
		for ; seed+3 <= hi && seed+3 >= seed; seed += 4 {
			s32 := uint32(seed)
			words := mtPrefix4([4]uint32{s32, s32 + 1, s32 + 2, s32 + 3})
			for l := uint32(0); l < 4; l++ {
				src = mtFast{words: words[l], seed: s32 + l}
				if w.fisherYates(&src) {
					w.out = append(w.out, seed+uint64(l))
				}
			}
		}
		for ; seed <= hi; seed++ {
			src = mtFast{words: mtPrefix(uint32(seed)), seed: uint32(seed)}
			if w.fisherYates(&src) {
				w.out = append(w.out, seed)
			}
			if seed == hi {
				break
			}
		}
	}
	return w.out
}

// uint32Source is a bit generator's next_uint32.
type uint32Source interface{ Uint32() uint32 }

// mtFast serves the precomputed first words of a seed's MT19937 stream,
// then continues on a full generator.
type mtFast struct {
	words [mtPrefixLen]uint32
	k     int
	seed  uint32
	mt    *rng.MT19937
}

func (m *mtFast) Uint32() uint32 {
	if m.k < mtPrefixLen {
		m.k++
		return m.words[m.k-1]
	}
	if m.mt == nil {
		m.mt = rng.NewMT19937(m.seed)
		for i := 0; i < mtPrefixLen; i++ {
			m.mt.Uint32()
		}
	}
	return m.mt.Uint32()
}

// interval is numpy's random_interval(max) for max < 2**32: masked
// rejection sampling on 32-bit draws.
func interval(src uint32Source, max uint32) uint32 {
	if max == 0 {
		return 0
	}
	mask := max
	mask |= mask >> 1
	mask |= mask >> 2
	mask |= mask >> 4
	mask |= mask >> 8
	mask |= mask >> 16
	for {
		if v := src.Uint32() & mask; v <= max {
			return v
		}
	}
}

// fisherYates runs numpy's shuffle of arange(n) from the top (i = n-1
// down to 1, j = random_interval(i), swap) and checks each position as it
// becomes final; it stops at the first that breaks the constraints.
func (w *worker) fisherYates(src uint32Source) bool {
	s := w.s
	n := len(s.exact)
	w.epoch++
	if w.epoch == 0 { // stamps wrapped: clear them
		clear(w.stamp)
		w.epoch = 1
	}
	get := func(i int) int32 {
		if w.stamp[i] == w.epoch {
			return w.val[i]
		}
		return int32(i)
	}
	ok := true
	for i := n - 1; i >= 1; i-- {
		j := int(interval(src, uint32(i)))
		vi, vj := get(i), get(j)
		w.val[j], w.stamp[j] = vi, w.epoch
		if !w.accept(i, vj) {
			ok = false
			break
		}
	}
	if ok && n > 0 {
		ok = w.accept(0, get(0))
	}
	for _, id := range w.undo {
		w.pool[id]++
	}
	w.undo = w.undo[:0]
	return ok
}

// accept checks data row v at final position i.
func (w *worker) accept(i int, v int32) bool {
	id := w.s.p.Data[v]
	if e := w.s.exact[i]; e >= 0 {
		return e == id
	}
	if w.pool[id] > 0 {
		w.pool[id]--
		w.undo = append(w.undo, id)
		return true
	}
	return false
}
