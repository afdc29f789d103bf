package gota

import (
	"github.com/splitter-dev/splitter/frame"
	"github.com/splitter-dev/splitter/rows"
)

// The errors of this package, declared in package frame (and rows) and
// shared by every frame adapter.
var (
	// ErrColumnType is a key, weight or label column of a gota type the
	// function cannot read.
	ErrColumnType = frame.ErrColumnType
	// ErrPosition is a position outside -n..n-1 (pandas' IndexError).
	ErrPosition = frame.ErrPosition
	// ErrMissingValue is a missing value where class_encode_column has no
	// class for it.
	ErrMissingValue = frame.ErrMissingValue
	// ErrNoColumn is a column name the DataFrame does not have.
	ErrNoColumn = rows.ErrNoColumn
)
