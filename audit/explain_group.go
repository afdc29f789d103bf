package audit

import (
	"github.com/splitter-dev/splitter/split"
)

// groupIndices are the train and test rows of GroupShuffleSplit(
// n_splits=1, test_size=Test, train_size=Train, random_state=seed) on
// groups r.Labels (full computation).
func (r Recipe) groupIndices(seed uint64) (train, test []int, err error) {
	opts := split.GroupShuffleSplit{NSplits: 1, TestSize: split.IntSize(r.Test), RandomState: split.Seed(uint32(seed)), Version: r.Version}
	if r.Train+r.Test < r.N {
		opts.TrainSize = split.IntSize(r.Train)
	}
	folds, err := opts.Split(r.Labels)
	if err != nil {
		return nil, nil, err
	}
	return folds[0].Train, folds[0].Test, nil
}

// groupShuffleRecipes are the GroupShuffleSplit recipes that could make
// p: one per column whose groups each lie wholly in train, wholly in test
// or in neither, the parts holding every row of their groups.
func groupShuffleRecipes(p *Partition, cols []Column) []Recipe {
	var out []Recipe
	for _, c := range cols {
		if train, test, ok := groupSides(p, c.Labels); ok {
			out = append(out, Recipe{Kind: GroupShuffle, N: c.Labels.NumClasses(), Train: len(train), Test: len(test), Column: c.Name, Labels: c.Labels})
		}
	}
	return out
}

// Sides of a row or group in a partition.
const (
	sideNone int8 = iota
	sideTrain
	sideTest
	sideMixed
)

// groupSides returns the groups whose rows are all in train and all in
// test; ok is false when a group has rows on two sides, when some rows'
// side cannot be known (equal rows on both sides), or when the column has
// a group per row or a single group (nothing to shuffle).
func groupSides(p *Partition, groups split.Labels) (train, test []int, ok bool) {
	g := groups.NumClasses()
	if groups.Len() != p.N() || g < 2 || g == p.N() {
		return nil, nil, false
	}
	idSide := make([]int8, len(p.Count))
	taken := make([]int32, len(p.Count))
	for j, part := range [][]int32{p.Train, p.Test} {
		for _, id := range part {
			if id < 0 {
				return nil, nil, false
			}
			taken[id]++
			if s := int8(j + 1); idSide[id] == sideNone || idSide[id] == s {
				idSide[id] = s
			} else {
				idSide[id] = sideMixed
			}
		}
	}
	side := make([]int8, g)
	seen := make([]bool, g)
	for i, id := range p.Data {
		s := idSide[id]
		if s != sideNone && taken[id] != p.Count[id] || s == sideMixed {
			return nil, nil, false // rows equal to this one on several sides
		}
		c := groups.Codes()[i]
		if seen[c] && side[c] != s {
			return nil, nil, false
		}
		side[c], seen[c] = s, true
	}
	for c, s := range side {
		switch s {
		case sideTrain:
			train = append(train, c)
		case sideTest:
			test = append(test, c)
		}
	}
	return train, test, len(train) > 0 && len(test) > 0
}

// newGroupSearch is the fast filter of a GroupShuffle recipe: the
// train_test_split filter on the partition of the groups (known by
// membership), since GroupShuffleSplit permutes the groups as
// train_test_split permutes rows.
func newGroupSearch(p *Partition, r Recipe) *search {
	train, test, _ := groupSides(p, r.Labels)
	gp := MembershipPartition(r.N, train, test)
	return newSearch(gp, Recipe{Kind: Sklearn, N: r.N, Train: r.Train, Test: r.Test})
}

// datasetsStratifiedRecipes are Dataset.train_test_split(...,
// stratify_by_column=c) for each column c with ClassLabels whose class
// counts in the parts fit the stratified allocation.
func datasetsStratifiedRecipes(p *Partition, base Recipe, cols []Column) []Recipe {
	var out []Recipe
	for _, c := range cols {
		if c.ClassLabels.Len() == p.N() && stratifiable(p, c.ClassLabels) {
			r := base
			r.Kind, r.Column, r.Labels = DatasetsStratified, c.Name, c.ClassLabels
			out = append(out, r)
		}
	}
	return out
}
