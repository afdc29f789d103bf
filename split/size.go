package split

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/splitter-dev/splitter/internal/py"
)

// Size is a test_size or train_size argument typed as scikit-learn types
// it: None (the zero value), an int (a number of samples) or a float (a
// fraction of the samples).
type Size struct {
	kind sizeKind
	n    int
	f    float64
}

type sizeKind uint8

const (
	sizeNone sizeKind = iota
	sizeInt
	sizeFloat
)

// NoSize is test_size=None / train_size=None, the zero Size.
var NoSize = Size{}

// IntSize is an int size: n samples (Python test_size=n).
func IntSize(n int) Size { return Size{kind: sizeInt, n: n} }

// FloatSize is a float size: the fraction f of the samples (Python test_size=f).
func FloatSize(f float64) Size { return Size{kind: sizeFloat, f: f} }

// ParseSize reads a size as the CLI types it, after Python's literals and
// scikit-learn's typing: a value written with a '.', an exponent, or
// inf/nan is a float (overflowing to ±inf as Python's float() does),
// otherwise an int. Surrounding spaces are ignored; the empty string is
// None. Other text fails with an error wrapping ErrSizeSyntax; a
// percentage ("20%") names the fraction it means ("did you mean 0.2?").
func ParseSize(s string) (Size, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return NoSize, nil
	}
	if pct, ok := strings.CutSuffix(t, "%"); ok {
		if p, err := strconv.ParseFloat(strings.TrimSpace(pct), 64); err == nil {
			return NoSize, fmt.Errorf("%w: a percentage; did you mean %s?", ErrSizeSyntax, strconv.FormatFloat(p/100, 'g', -1, 64))
		}
	}
	low := strings.ToLower(strings.TrimLeft(t, "+-"))
	if strings.ContainsAny(t, ".eE") || low == "inf" || low == "infinity" || low == "nan" {
		f, err := strconv.ParseFloat(t, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return NoSize, ErrSizeSyntax
		}
		return FloatSize(f), nil
	}
	n, err := strconv.ParseInt(t, 10, 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return NoSize, fmt.Errorf("integer out of range: %w", ErrSizeSyntax)
	case err != nil:
		return NoSize, ErrSizeSyntax
	}
	return IntSize(int(n)), nil
}

// IsNone reports whether s is None.
func (s Size) IsNone() bool { return s.kind == sizeNone }

// IsInt reports whether s is an int size.
func (s Size) IsInt() bool { return s.kind == sizeInt }

// IsFloat reports whether s is a float size.
func (s Size) IsFloat() bool { return s.kind == sizeFloat }

// Int returns an int size's value.
func (s Size) Int() int { return s.n }

// Float returns a float size's value.
func (s Size) Float() float64 { return s.f }

// String formats s as Python's str() does: None, 3, 0.25.
func (s Size) String() string {
	switch s.kind {
	case sizeInt:
		return strconv.Itoa(s.n)
	case sizeFloat:
		return py.FloatRepr(s.f)
	}
	return "None"
}

// validateShuffleSplit is sklearn.model_selection._split._validate_shuffle_split:
// it checks test and train sizes against n and returns (n_train, n_test).
func validateShuffleSplit(n int, test, train Size, defaultTest float64) (nTrain, nTest int, err error) {
	return sizeRules{}.validate(n, test, train, defaultTest)
}

// sizeRules selects the variant of _validate_shuffle_split; the zero value
// is scikit-learn 1.2's.
type sizeRules struct {
	// hf: Hugging Face datasets' copy, whose "The sum of train_size and
	// test_size" message prints Python's float sum when an int size made
	// a float count.
	hf bool
}

func (rules sizeRules) validate(n int, test, train Size, defaultTest float64) (nTrain, nTest int, err error) {
	if test.IsNone() && train.IsNone() {
		test = FloatSize(defaultTest)
	}
	if test.kind == sizeInt && (test.n >= n || test.n <= 0) || test.kind == sizeFloat && (test.f <= 0 || test.f >= 1) {
		return 0, 0, newErr(ErrTestSize, "test_size=%s should be either positive and smaller than the number of samples %d or a float in the (0, 1) range", test, n)
	}
	if train.kind == sizeInt && (train.n >= n || train.n <= 0) || train.kind == sizeFloat && (train.f <= 0 || train.f >= 1) {
		return 0, 0, newErr(ErrTrainSize, "train_size=%s should be either positive and smaller than the number of samples %d or a float in the (0, 1) range", train, n)
	}
	if train.kind == sizeFloat && test.kind == sizeFloat && train.f+test.f > 1 {
		return 0, 0, newErr(ErrSizeSum, "The sum of test_size and train_size = %s, should be in the (0, 1) range. Reduce test_size and/or train_size.", py.FloatRepr(train.f+test.f))
	}
	// Python keeps n_train and n_test as floats until the last step.
	var fTest, fTrain float64
	switch test.kind {
	case sizeFloat:
		p := test.f * float64(n)
		if math.IsNaN(p) {
			return 0, 0, newErr(ErrNaNSize, "cannot convert float NaN to integer")
		}
		fTest = math.Ceil(p)
	case sizeInt:
		fTest = float64(test.n)
	}
	switch train.kind {
	case sizeFloat:
		p := train.f * float64(n)
		if math.IsNaN(p) {
			return 0, 0, newErr(ErrNaNSize, "cannot convert float NaN to integer")
		}
		fTrain = math.Floor(p)
	case sizeInt:
		fTrain = float64(train.n)
	}
	if train.IsNone() {
		fTrain = float64(n) - fTest
	} else if test.IsNone() {
		fTest = float64(n) - fTrain
	}
	if fTrain+fTest > float64(n) {
		sum := strconv.Itoa(int(fTrain + fTest))
		if rules.hf && (test.IsInt() || train.IsInt()) {
			sum = py.FloatRepr(fTrain + fTest)
		}
		return 0, 0, newErr(ErrSizeSum, "The sum of train_size and test_size = %s, should be smaller than the number of samples %d. Reduce test_size and/or train_size.", sum, n)
	}
	nTrain, nTest = int(fTrain), int(fTest)
	if nTrain == 0 {
		return 0, 0, newErr(ErrEmptyTrain, "With n_samples=%d, test_size=%s and train_size=%s, the resulting train set will be empty. Adjust any of the aforementioned parameters.", n, test, train)
	}
	return nTrain, nTest, nil
}
