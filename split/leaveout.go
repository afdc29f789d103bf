package split

// LeaveOneOut is sklearn.model_selection.LeaveOneOut().
type LeaveOneOut struct{}

// Split is LeaveOneOut.split(X) for n samples: test [i], train the rest.
func (LeaveOneOut) Split(n int) ([]Fold, error) {
	if n <= 1 {
		return nil, newErr(ErrTooFewSamples, "Cannot perform LeaveOneOut with n_samples=%d.", n)
	}
	folds := make([]Fold, n)
	for i := range n {
		train := make([]int, 0, n-1)
		for j := range n {
			if j != i {
				train = append(train, j)
			}
		}
		folds[i] = Fold{Train: train, Test: []int{i}}
	}
	return folds, nil
}

// LeavePOut is sklearn.model_selection.LeavePOut(p).
type LeavePOut struct {
	P int
}

// Split is LeavePOut.split(X) for n samples: every p-subset as the test
// set, in itertools.combinations order. There are C(n, p) folds.
func (l LeavePOut) Split(n int) ([]Fold, error) {
	if n <= l.P {
		return nil, newErr(ErrTooFewSamples, "p=%d must be strictly less than the number of samples=%d", l.P, n)
	}
	if l.P < 0 {
		return nil, newErr(ErrTooFewSamples, "r must be non-negative")
	}
	if l.P == 0 {
		return nil, newErr(ErrTooFewSamples, "arrays used as indices must be of integer (or boolean) type")
	}
	var folds []Fold
	comb := make([]int, l.P)
	for i := range comb {
		comb[i] = i
	}
	inTest := make([]bool, n)
	for {
		test := append([]int(nil), comb...)
		for _, t := range test {
			inTest[t] = true
		}
		train := make([]int, 0, n-l.P)
		for j := range n {
			if !inTest[j] {
				train = append(train, j)
			}
		}
		for _, t := range test {
			inTest[t] = false
		}
		folds = append(folds, Fold{Train: train, Test: test})
		// next combination
		i := l.P - 1
		for i >= 0 && comb[i] == n-l.P+i {
			i--
		}
		if i < 0 {
			break
		}
		comb[i]++
		for j := i + 1; j < l.P; j++ {
			comb[j] = comb[j-1] + 1
		}
	}
	return folds, nil
}

// TimeSeriesSplit is sklearn.model_selection.TimeSeriesSplit(n_splits,
// max_train_size, test_size, gap). MaxTrainSize 0 and TestSize 0 are
// None (for max_train_size, 0 behaves as None in Python too). Negative
// values, which scikit-learn 1.2 does not validate, are refused.
type TimeSeriesSplit struct {
	NSplits      int
	MaxTrainSize int
	TestSize     int
	Gap          int
}

// Split is TimeSeriesSplit.split(X) for n samples.
func (t TimeSeriesSplit) Split(n int) ([]Fold, error) {
	if err := checkKFoldArgs(t.NSplits, false, None); err != nil {
		return nil, err
	}
	if t.MaxTrainSize < 0 || t.TestSize < 0 || t.Gap < 0 {
		return nil, newErr(ErrNSplits, "negative max_train_size, test_size or gap: not supported")
	}
	nFolds := t.NSplits + 1
	testSize := t.TestSize
	if testSize == 0 {
		testSize = n / nFolds
	}
	if nFolds > n {
		return nil, newErr(ErrTooManySplits, "Cannot have number of folds=%d greater than the number of samples=%d.", nFolds, n)
	}
	if n-t.Gap-testSize*t.NSplits <= 0 {
		return nil, newErr(ErrTooManySplits, "Too many splits=%d for number of samples=%d with test_size=%d and gap=%d.", t.NSplits, n, testSize, t.Gap)
	}
	var folds []Fold
	for start := n - t.NSplits*testSize; start < n; start += testSize {
		end := start - t.Gap
		lo := 0
		if t.MaxTrainSize > 0 && t.MaxTrainSize < end {
			lo = end - t.MaxTrainSize
		}
		folds = append(folds, Fold{Train: arange(lo, end), Test: arange(start, start+testSize)})
	}
	return folds, nil
}

// arange is np.arange(lo, hi): lo, lo+1, ..., hi-1 (empty when hi <= lo).
func arange(lo, hi int) []int {
	if hi < lo {
		hi = lo
	}
	a := make([]int, hi-lo)
	for i := range a {
		a[i] = lo + i
	}
	return a
}

// PredefinedSplit is sklearn.model_selection.PredefinedSplit(test_fold):
// sample i is in the test set of fold TestFold[i]; -1 puts it in no test
// set.
type PredefinedSplit struct {
	TestFold []int
}

// Split is PredefinedSplit.split(): one fold per distinct value of
// TestFold other than -1, in ascending order of that value.
func (p PredefinedSplit) Split() ([]Fold, error) {
	l := LabelsFromCodes(p.TestFold)
	// distinct values in ascending order are l's codes; find -1's code
	minusOne := -1
	for i, v := range p.TestFold {
		if v == -1 {
			minusOne = l.codes[i]
			break
		}
	}
	assign := make([]int, len(p.TestFold))
	k := l.k
	for i, c := range l.codes {
		switch {
		case minusOne >= 0 && c == minusOne:
			assign[i] = -1
		case minusOne >= 0 && c > minusOne:
			assign[i] = c - 1
		default:
			assign[i] = c
		}
	}
	if minusOne >= 0 {
		k--
	}
	return FoldsOf(assign, k), nil
}
