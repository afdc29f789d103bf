package frame

import (
	"errors"

	"github.com/splitter-dev/splitter/column"
)

// ErrColumnType reports a key, weight or label column of a type frame
// cannot read.
var ErrColumnType = column.ErrColumnType

// ErrPosition is a position outside -n..n-1 for n rows (pandas' take
// raises IndexError "indices are out-of-bounds").
var ErrPosition = errors.New("indices are out-of-bounds")

// ErrMissingValue reports a label column with missing values where the
// Python call has no class for them: Hugging Face's class_encode_column
// leaves a missing value unencoded (None), and train_test_split's
// stratify_by_column then cannot use the column.
var ErrMissingValue = column.ErrMissingValue
