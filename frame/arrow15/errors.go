package arrow15

import "github.com/splitter-dev/splitter/frame"

// The errors of this package, declared in package frame and shared by
// every frame adapter.
var (
	// ErrColumnType is a key, weight or label column of an Arrow type the
	// function cannot read.
	ErrColumnType = frame.ErrColumnType
	// ErrPosition is a position outside -n..n-1 (pandas' IndexError).
	ErrPosition = frame.ErrPosition
	// ErrMissingValue is a null or NaN where class_encode_column has no
	// class for it.
	ErrMissingValue = frame.ErrMissingValue
)
