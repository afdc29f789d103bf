package split

// Fold is one train/test pair of sample indices, as a splitter's split()
// yields it: (train, test) in Python, Train and Test here.
type Fold struct {
	Train []int
	Test  []int
}

// FoldsOf builds the k folds of a cross-validator whose test sets come
// from masks (every splitter with a TestFolds method): fold f's test set
// holds the samples with assign[i] == f, train the rest, both ascending
// (numpy's indices[mask]). Samples with assign[i] outside 0..k-1 are in
// no test set.
func FoldsOf(assign []int, k int) []Fold {
	sizes := make([]int, k)
	for _, f := range assign {
		if f >= 0 && f < k {
			sizes[f]++
		}
	}
	folds := make([]Fold, k)
	for f := range folds {
		// branch-free partition: write i to both, advance one (one spare slot each)
		test := make([]int, sizes[f]+1)
		train := make([]int, len(assign)-sizes[f]+1)
		ti, ri := 0, 0
		for i, a := range assign {
			in := 0
			if a == f {
				in = 1
			}
			test[ti] = i
			train[ri] = i
			ti += in
			ri += 1 - in
		}
		folds[f] = Fold{Train: train[:ri:ri], Test: test[:ti:ti]}
	}
	return folds
}

// TestFolds returns, for each of the n samples, the number of the fold
// whose test set holds it (-1 when none does; the last such fold when
// several do). For a k-fold splitter this is the `fold` column of
// `splitter kfold`.
func TestFolds(folds []Fold, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	for f, fold := range folds {
		for _, i := range fold.Test {
			out[i] = f
		}
	}
	return out
}
