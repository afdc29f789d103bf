package sample

import (
	"errors"

	"github.com/splitter-dev/splitter/rng"
)

// Errors raised by pandas' validation, with pandas' (and numpy's) messages,
// typos included. Functions wrap them with %w; compare with errors.Is.
var (
	// ErrNAndFrac: n and frac both given.
	ErrNAndFrac = errors.New("Please enter a value for `frac` OR `n`, not both")
	// ErrNegativeN: n < 0.
	ErrNegativeN = errors.New("A negative number of rows requested. Please provide `n` >= 0.")
	// ErrNotIntegerN: n has a fractional part (n % 1 != 0).
	ErrNotIntegerN = errors.New("Only integers accepted as `n` values")
	// ErrFloatN: n is a float with an integral value (e.g. 2.0); pandas
	// accepts it and numpy then raises TypeError.
	ErrFloatN = errors.New("expected a sequence of integers or a single integer")
	// ErrUpsample: frac > 1 without replace.
	ErrUpsample = errors.New("Replace has to be set to `True` when upsampling the population `frac` > 1.")
	// ErrNegativeFrac: frac < 0.
	ErrNegativeFrac = errors.New("A negative number of rows requested. Please provide `frac` >= 0.")
	// ErrFracNaN: frac is NaN (Python's round(nan) raises).
	ErrFracNaN = errors.New("cannot convert float NaN to integer")
	// ErrFracInf: frac is infinite (Python's round(inf) raises OverflowError).
	ErrFracInf = errors.New("cannot convert float infinity to integer")
	// ErrWeightsColumn: weights name a column the frame does not have
	// (pandas raises KeyError).
	ErrWeightsColumn = errors.New("String passed to weights not a valid column")
	// ErrWeightsType: an object weights column holding a value float()
	// rejects (pandas 1.5 raises TypeError with this message).
	ErrWeightsType = errors.New("No matching signature found")
	// ErrColumnType: a group key or weight column of a type the adapters
	// (package table, frame) cannot read as pandas would.
	ErrColumnType = errors.New("unsupported column type")
	// ErrWeightsLength: weights and rows differ in length.
	ErrWeightsLength = errors.New("Weights and axis to be sampled must be of same length")
	// ErrWeightsInf: a weight is ±inf.
	ErrWeightsInf = errors.New("weight vector may not include `inf` values")
	// ErrWeightsNegative: a weight is negative (pandas' message has the typo "many").
	ErrWeightsNegative = errors.New("weight vector many not include negative values")
	// ErrWeightsZero: the weights (of the frame or of one group) sum to zero.
	ErrWeightsZero = errors.New("Invalid weights: weights sum to zero")
	// ErrSeedRange: an int seed or a seed word outside 0..2**32-1 (rng's
	// sentinel, re-exported: errors.Is matches either name).
	ErrSeedRange = rng.ErrSeedRange
	// ErrSeedEmpty: an empty seed array (rng's sentinel, re-exported).
	ErrSeedEmpty = rng.ErrSeedEmpty
	// ErrNoRandomState: random_state=None (numpy's global state) is not
	// supported; pass a RandomState.
	ErrNoRandomState = errors.New("random_state is nil: numpy's global state (random_state=None) is not reproducible; pass a seed or a generator")
	// ErrNoGroups: groupby().sample on a frame with no (non-NaN) group;
	// numpy's np.concatenate([]) error.
	ErrNoGroups = errors.New("need at least one array to concatenate")
	// ErrGroupsLength: group keys and rows differ in length.
	ErrGroupsLength = errors.New("Grouper and axis must be same length")
	// ErrSizeTooLarge: round(frac*len) does not fit in an int.
	ErrSizeTooLarge = errors.New("sample size too large (numpy: MemoryError)")
)
