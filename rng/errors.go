package rng

import "errors"

// Errors of RandomState and Generator: randint/integers, random_integers,
// choice and the distributions. Each error returned is an npError carrying
// numpy's exact message and wrapping one of these, so callers branch with
// errors.Is.
var (
	// ErrBounds: randint's "low is out of bounds for int8", "high is out of
	// bounds for ...", "low >= high", "high <= 0".
	ErrBounds = errors.New("randint bounds")
	// ErrDType: a dtype randint does not support.
	ErrDType = errors.New("unsupported dtype")
	// ErrSize: "negative dimensions are not allowed" and, for choice
	// without replacement, "Cannot take a larger sample than population
	// when 'replace=False'" and "Fewer non-zero entries in p than size".
	ErrSize = errors.New("invalid size")
	// ErrPopulation: choice's "a must be greater than 0 unless no samples
	// are taken".
	ErrPopulation = errors.New("invalid population")
	// ErrProbabilities: choice's checks of p ("'a' and 'p' must have same
	// size", "probabilities contain NaN", "probabilities are not
	// non-negative", "probabilities do not sum to 1").
	ErrProbabilities = errors.New("invalid probabilities")
	// ErrParameter: a distribution parameter numpy rejects ("scale < 0",
	// "left > mode", "Range exceeds valid bounds", ...).
	ErrParameter = errors.New("invalid distribution parameter")
)

// npError carries numpy's exact message and unwraps to its kind (one of
// the package's sentinel errors). RandomState and Generator share it.
type npError struct {
	msg  string
	kind error
}

func (e *npError) Error() string { return e.msg }
func (e *npError) Unwrap() error { return e.kind }

func npErr(kind error, msg string) error { return &npError{msg: msg, kind: kind} }

// npNegativeSize is numpy's error for size < 0.
func npNegativeSize() error { return npErr(ErrSize, "negative dimensions are not allowed") }
