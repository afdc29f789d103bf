package audit

import (
	"context"
	"errors"
)

// ErrAmbiguousThree is a three-way partition whose duplicated data rows
// are found both in test and in train or val: the first step's search
// needs them told apart (an index column, or --key).
var ErrAmbiguousThree = errors.New("rows duplicated in the data appear both in test and in train or val; an index column or --key is needed to tell them apart")

// Match3 is a two-step three-way split that makes train, val and test:
// First splits the data into rest and test, Second the rest into train
// and val, both with Seed.
type Match3 struct {
	First, Second Recipe
	Seed          uint64
}

// Explain3 finds the two-step three-way splits (the idiom of `splitter
// --val`: rest, test = train_test_split(df, test_size=T, random_state=S);
// train, val = train_test_split(rest, test_size=V, random_state=S); the
// same with stratify on each step's rows, shuffle=False, or Hugging Face)
// that make the parts of m, in the order train, val, test. The first step
// is searched as a two-part partition whose rest (train and val) is known
// by membership only; each candidate seed is then checked in full.
func Explain3(ctx context.Context, m *Matched, opts ExplainOptions) ([]Match3, error) {
	a, v, b := len(m.Parts[0]), len(m.Parts[1]), len(m.Parts[2])
	if a == 0 || v == 0 || a+v+b != len(m.Data) {
		return nil, nil
	}
	p1, err := firstStep(m)
	if p1 == nil || err != nil {
		return nil, err
	}
	o := opts
	o.Kinds = nil
	for _, k := range []Kind{Sklearn, SklearnNoShuffle, SklearnStratified, Datasets} {
		if opts.Kinds == nil || hasKind(opts.Kinds, k) {
			o.Kinds = append(o.Kinds, k)
		}
	}
	firsts, err := Explain(ctx, p1, o)
	if err != nil {
		return nil, err
	}
	var out []Match3
	for _, f := range firsts {
		if second, ok := secondStep(m, f.Recipe, f.Seed); ok {
			out = append(out, Match3{First: f.Recipe, Second: second, Seed: f.Seed})
		}
	}
	return out, nil
}

// firstStep is the partition of rest (train and val, one content id R in
// any order) and test (its content ids in order).
func firstStep(m *Matched) (*Partition, error) {
	inTest := make([]bool, len(m.Count))
	for _, id := range m.Parts[2] {
		if id >= 0 {
			inTest[id] = true
		}
	}
	rest := int32(len(m.Count))
	p := &Partition{Data: make([]int32, len(m.Data)), Count: make([]int32, len(m.Count)+1),
		Test: m.Parts[2], Train: make([]int32, len(m.Parts[0])+len(m.Parts[1]))}
	for _, part := range m.Parts[:2] {
		for _, id := range part {
			if id < 0 {
				return nil, nil // not data rows: Recipes finds none
			}
			if inTest[id] {
				return nil, ErrAmbiguousThree
			}
		}
	}
	for i, id := range m.Data {
		if !inTest[id] {
			id = rest
		}
		p.Data[i] = id
		p.Count[id]++
	}
	for i := range p.Train {
		p.Train[i] = rest
	}
	return p, nil
}

// secondStep checks the second split of the rest that r with seed leaves,
// returning its recipe when it makes train and val.
func secondStep(m *Matched, r Recipe, seed uint64) (Recipe, bool) {
	restRows, _, err := r.Indices(seed)
	if err != nil {
		return Recipe{}, false
	}
	r2 := r
	r2.N, r2.Train, r2.Test = len(restRows), len(m.Parts[0]), len(m.Parts[1])
	if r.Kind == SklearnStratified {
		r2.Labels = r.Labels.Subset(restRows)
	}
	train, val, err := r2.Indices(seed)
	if err != nil {
		return Recipe{}, false
	}
	same := func(idx []int, want []int32) bool {
		for i, j := range idx {
			if m.Data[restRows[j]] != want[i] {
				return false
			}
		}
		return true
	}
	return r2, len(train) == r2.Train && len(val) == r2.Test && same(train, m.Parts[0]) && same(val, m.Parts[1])
}
