package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/splitter-dev/splitter/internal/py"
)

// ErrBadSize reports a size flag that is neither an integer nor a float.
var ErrBadSize = errors.New("want an integer row count or a float fraction")

// size is a size flag typed as scikit-learn types it: written with a `.`
// or an exponent it is a float (a fraction), otherwise an int (a count).
type size struct {
	set     bool
	isFloat bool
	f       float64 // when isFloat
	i       int     // when !isFloat
	expr    string  // the Python expression that computes f, when derived (--sizes)
}

// String formats s as Python would print the argument (`0.2`, `30`,
// `None`).
func (s size) String() string {
	switch {
	case !s.set:
		return "None"
	case s.expr != "":
		return s.expr
	case s.isFloat:
		return py.FloatRepr(s.f)
	default:
		return strconv.Itoa(s.i)
	}
}

// parseSize types and parses the value of flag.
func parseSize(flag, v string) (size, error) {
	t := strings.TrimSpace(v)
	if t == "" {
		return size{}, flagErr(flag, v, ErrBadSize)
	}
	if pct, ok := strings.CutSuffix(t, "%"); ok {
		if p, err := strconv.ParseFloat(strings.TrimSpace(pct), 64); err == nil {
			return size{}, flagErr(flag, v, fmt.Errorf("%w: a percentage; did you mean %s?", ErrBadSize, strconv.FormatFloat(p/100, 'g', -1, 64)))
		}
	}
	low := strings.ToLower(t)
	switch strings.TrimLeft(low, "+-") {
	case "inf", "infinity", "nan":
		f, err := strconv.ParseFloat(low, 64)
		if err != nil {
			return size{}, flagErr(flag, v, ErrBadSize)
		}
		return size{set: true, isFloat: true, f: f}, nil
	}
	if strings.ContainsAny(t, ".eE") {
		f, err := strconv.ParseFloat(t, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return size{}, flagErr(flag, v, ErrBadSize)
		}
		return size{set: true, isFloat: true, f: f}, nil
	}
	i, err := strconv.ParseInt(t, 10, 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return size{}, flagErr(flag, v, fmt.Errorf("integer out of range: %w", ErrBadSize))
		}
		return size{}, flagErr(flag, v, ErrBadSize)
	}
	return size{set: true, i: int(i)}, nil
}
