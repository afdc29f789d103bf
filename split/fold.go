package split

// Fold is one train/test pair of sample indices, as a splitter's split()
// yields it: (train, test) in Python, Train and Test here.
type Fold struct {
	Train []int
	Test  []int
}

// foldsFromAssignment builds the folds of a cross-validator whose test
// sets come from masks: fold f's test set holds the samples with
// assign[i] == f, train the rest, both ascending (numpy's indices[mask]).
// Samples with assign[i] outside 0..k-1 are in no test set.
func foldsFromAssignment(assign []int, k int) []Fold {
	sizes := make([]int, k)
	for _, f := range assign {
		if f >= 0 && f < k {
			sizes[f]++
		}
	}
	folds := make([]Fold, k)
	for f := range folds {
		folds[f].Test = make([]int, 0, sizes[f])
		folds[f].Train = make([]int, 0, len(assign)-sizes[f])
	}
	for i, a := range assign {
		for f := range folds {
			if f == a {
				folds[f].Test = append(folds[f].Test, i)
			} else {
				folds[f].Train = append(folds[f].Train, i)
			}
		}
	}
	return folds
}
