package split

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error a splitter returns is an *Error whose
// message is the text of the exception Python raises for the same input,
// and which wraps one of these, so callers can branch with errors.Is.
var (
	// ErrTestSize: test_size out of range ("test_size=... should be either positive ...").
	ErrTestSize = errors.New("invalid test_size")
	// ErrTrainSize: train_size out of range.
	ErrTrainSize = errors.New("invalid train_size")
	// ErrSizeSum: test_size and train_size together exceed the data.
	ErrSizeSum = errors.New("test_size and train_size too large together")
	// ErrEmptyTrain: the sizes leave the train set empty.
	ErrEmptyTrain = errors.New("empty train set")
	// ErrNaNSize: a NaN size (Python: "cannot convert float NaN to integer").
	ErrNaNSize = errors.New("NaN size")
	// ErrStratifyNoShuffle: stratify given with shuffle=False.
	ErrStratifyNoShuffle = errors.New("stratified split without shuffle")
	// ErrLengthMismatch: labels or groups of another length than the data.
	ErrLengthMismatch = errors.New("inconsistent numbers of samples")
	// ErrNotFinite: NaN or infinity where scikit-learn's check_array refuses it.
	ErrNotFinite = errors.New("labels contain NaN or infinity")
	// ErrClassTooSmall: a class with too few members for the splitter.
	ErrClassTooSmall = errors.New("class too small")
	// ErrTooFewForClasses: a train or test size below the number of classes.
	ErrTooFewForClasses = errors.New("size smaller than the number of classes")
	// ErrNSplits: n_splits below 2 (k-fold) or otherwise invalid.
	ErrNSplits = errors.New("invalid n_splits")
	// ErrRandomStateWithoutShuffle: a random_state given with shuffle=False.
	ErrRandomStateWithoutShuffle = errors.New("random_state without shuffle")
	// ErrTooManySplits: more splits than samples, groups or class members.
	ErrTooManySplits = errors.New("too many splits")
	// ErrTargetType: y is neither binary nor multiclass.
	ErrTargetType = errors.New("unsupported target type")
	// ErrNoGroups: a group splitter called without groups.
	ErrNoGroups = errors.New("groups required")
	// ErrNRepeats: n_repeats below 1.
	ErrNRepeats = errors.New("invalid n_repeats")
	// ErrTooFewSamples: LeaveOneOut / LeavePOut on too few samples.
	ErrTooFewSamples = errors.New("too few samples")
	// ErrSeed: a seed numpy's RandomState refuses.
	ErrSeed = errors.New("invalid seed")
	// ErrSizeSyntax: ParseSize got text that is not a number (the one
	// error here that is not an *Error with Python's message).
	ErrSizeSyntax = errors.New("want an integer row count or a float fraction")
)

// Error is a splitter error: Msg is the Python exception's message, Err
// the sentinel it wraps.
type Error struct {
	Err error
	Msg string
}

// Error returns the Python message.
func (e *Error) Error() string { return e.Msg }

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

func newErr(sentinel error, format string, args ...any) error {
	return &Error{Err: sentinel, Msg: fmt.Sprintf(format, args...)}
}
