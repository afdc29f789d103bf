package recipe

import (
	"errors"
	"fmt"
	"strconv"
)

// ErrNoAssignment reports a recipe whose rows cannot be given one part
// each: not a split or a fold recipe, repeated folds, fold files.
var ErrNoAssignment = errors.New("no one part per row")

// Assignment is, for every input row i in input order, the output that
// holds it and its place there: what `splitter assign` writes.
type Assignment struct {
	// Part[i] is the output's name (train, test, val, partK), or for a
	// fold recipe the fold in which row i is a test row; "" for none.
	Part []string
	// Position[i] is row i's 0-based place in that output (among the
	// fold's test indices, as split() yields them); -1 for none.
	Position []int
}

// Assignment returns each row's part and position in res, the Result of
// r: split parts by name, folds by number.
func (r *Recipe) Assignment(res *Result) (*Assignment, error) {
	switch {
	case r.Command() != "split" && r.Command() != "kfold":
		return nil, fmt.Errorf("%s: %w (assign takes a split or a fold recipe)", r.Call, ErrNoAssignment)
	case r.Repeats > 0 || r.FoldFiles:
		return nil, fmt.Errorf("%s with repeats or fold files: %w", r.Call, ErrNoAssignment)
	}
	a := &Assignment{Part: make([]string, res.Rows), Position: make([]int, res.Rows)}
	for i := range a.Position {
		a.Position[i] = -1
	}
	put := func(name string, rows []int) error {
		for pos, i := range rows {
			if a.Position[i] >= 0 {
				return fmt.Errorf("row %d in both %s and %s: %w", i, a.Part[i], name, ErrNoAssignment)
			}
			a.Part[i], a.Position[i] = name, pos
		}
		return nil
	}
	if r.Command() == "kfold" {
		// A fold's test indices ascend: a row's place is the count of
		// the fold's rows before it.
		seen := make([]int, res.nFolds)
		for i, f := range res.TestFolds[0] {
			if f >= 0 {
				a.Part[i], a.Position[i] = strconv.Itoa(f), seen[f]
				seen[f]++
			}
		}
		return a, nil
	}
	for _, p := range res.Parts {
		if err := put(p.Name, p.Rows); err != nil {
			return nil, err
		}
	}
	return a, nil
}
