package split

import "math"

// NoneSize is a size passed explicitly as None (test_size=None). It equals
// NoSize everywhere except under a Version pin before 0.21, where an
// omitted test_size meant the old default fraction (0.1; 0.2 for
// GroupShuffleSplit) even when train_size was given, and only an explicit
// None meant "the complement of train_size".
var NoneSize = Size{n: 1}

// explicitNone reports whether s is NoneSize.
func (s Size) explicitNone() bool { return s.kind == sizeNone && s.n == 1 }

// sizes is the _validate_shuffle_split of release v for the ShuffleSplit
// family; an omitted test size takes defaultTest.
func (v Version) sizes(n int, test, train Size, defaultTest float64) (nTrain, nTest int, err error) {
	if !v.behaviour().oldSizes {
		return validateShuffleSplit(n, test, train, defaultTest)
	}
	if test.IsNone() && !test.explicitNone() {
		test = FloatSize(defaultTest) // test_size="default" (0.19–0.20), 0.1 default (0.18)
	}
	if err := oldSizeInit(test, train); err != nil {
		return 0, 0, err
	}
	return oldSizeSplit(n, test, train)
}

// oldSizeInit is _validate_shuffle_split_init of scikit-learn ≤ 0.20:
// floats are only checked against 1, ints not at all.
func oldSizeInit(test, train Size) error {
	if test.IsNone() && train.IsNone() {
		return newErr(ErrTestSize, "test_size and train_size can not both be None")
	}
	if test.IsFloat() && test.f >= 1 {
		return newErr(ErrTestSize, "test_size=%f should be smaller than 1.0 or be an integer", test.f)
	}
	if train.IsFloat() {
		if train.f >= 1 {
			return newErr(ErrTrainSize, "train_size=%f should be smaller than 1.0 or be an integer", train.f)
		}
		if test.IsFloat() && train.f+test.f > 1 {
			return newErr(ErrSizeSum, "The sum of test_size and train_size = %f, should be smaller than 1.0. Reduce test_size and/or train_size.", train.f+test.f)
		}
	}
	return nil
}

// oldSizeSplit is _validate_shuffle_split of scikit-learn ≤ 0.20: sizes of
// 0, negative sizes and an empty train set pass; the counts may then be
// negative, and the callers slice as Python does.
func oldSizeSplit(n int, test, train Size) (nTrain, nTest int, err error) {
	if test.IsInt() && test.n >= n {
		return 0, 0, newErr(ErrTestSize, "test_size=%d should be smaller than the number of samples %d", test.n, n)
	}
	if train.IsInt() && train.n >= n {
		return 0, 0, newErr(ErrTrainSize, "train_size=%d should be smaller than the number of samples %d", train.n, n)
	}
	var fTest, fTrain float64
	switch {
	case test.IsFloat():
		fTest = math.Ceil(test.f * float64(n))
	case test.IsInt():
		fTest = float64(test.n)
	}
	switch {
	case train.IsNone():
		fTrain = float64(n) - fTest
	case train.IsFloat():
		fTrain = math.Floor(train.f * float64(n))
	default:
		fTrain = float64(train.n)
	}
	if test.IsNone() {
		fTest = float64(n) - fTrain
	}
	if math.IsNaN(fTest) || math.IsNaN(fTrain) {
		return 0, 0, newErr(ErrNaNSize, "cannot convert float NaN to integer")
	}
	if fTrain+fTest > float64(n) {
		return 0, 0, newErr(ErrSizeSum, "The sum of train_size and test_size = %d, should be smaller than the number of samples %d. Reduce test_size and/or train_size.", int(fTrain+fTest), n)
	}
	return int(fTrain), int(fTest), nil
}

// pySlice is Python's a[start:stop] for a 1-D array (negative bounds count
// from the end, bounds are clamped).
func pySlice(a []int, start, stop int) []int {
	norm := func(i int) int {
		if i < 0 {
			i += len(a)
		}
		return max(0, min(i, len(a)))
	}
	start, stop = norm(start), norm(stop)
	if stop < start {
		stop = start
	}
	return a[start:stop:stop]
}
