package split

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/splitter-dev/splitter/internal/py"
)

// Length is one entry of the lengths argument of
// torch.utils.data.random_split: a Python int (a row count) or a Python
// float (a fraction of the dataset), kept as the user typed it, because
// torch treats 3 and 3.0 differently.
type Length struct {
	count    int
	frac     float64
	fraction bool
}

// LengthCount returns the Python int n as a random_split length.
func LengthCount(n int) Length { return Length{count: n} }

// LengthFraction returns the Python float f as a random_split length.
func LengthFraction(f float64) Length { return Length{frac: f, fraction: true} }

// IsFraction reports whether l was given as a float (LengthFraction).
func (l Length) IsFraction() bool { return l.fraction }

// Count returns the int of a LengthCount (0 for a fraction).
func (l Length) Count() int { return l.count }

// Fraction returns the float of a LengthFraction (0 for a count).
func (l Length) Fraction() float64 { return l.frac }

// String formats l as Python's repr would: "3" for a count, "3.0" or
// "0.1" for a fraction.
func (l Length) String() string {
	if !l.fraction {
		return strconv.Itoa(l.count)
	}
	switch {
	case math.IsNaN(l.frac):
		return "nan"
	case math.IsInf(l.frac, 1):
		return "inf"
	case math.IsInf(l.frac, -1):
		return "-inf"
	}
	return py.FloatRepr(l.frac)
}

// ErrTorchLengthSyntax is returned by ParseLength for text that is neither
// a Python int literal nor a Python float literal.
var ErrTorchLengthSyntax = errors.New("length is neither an integer nor a float")

// ParseLength reads one length the way Python reads the literal: decimal
// digits with an optional sign make an int ("3", "-2"), anything float()
// accepts makes a float ("3.0", "0.8", ".5", "1e-1", "nan", "inf").
// Underscores and hexadecimal are refused.
func ParseLength(s string) (Length, error) {
	t := strings.TrimSpace(s)
	if t == "" || strings.ContainsAny(t, "_xXpP") {
		return Length{}, fmt.Errorf("length %q: %w", s, ErrTorchLengthSyntax)
	}
	if n, err := strconv.Atoi(t); err == nil {
		return LengthCount(n), nil
	} else if isTorchDigits(t) {
		return Length{}, fmt.Errorf("length %q: %w", s, err)
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return Length{}, fmt.Errorf("length %q: %w", s, ErrTorchLengthSyntax)
	}
	return LengthFraction(f), nil
}

func isTorchDigits(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
