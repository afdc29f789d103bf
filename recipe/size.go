package recipe

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/split"
)

// ErrBadSize reports a size that is neither an integer nor a float
// (split.ErrSizeSyntax, re-exported).
var ErrBadSize = split.ErrSizeSyntax

// Size is a size argument as typed (test_size=0.2, n=30) or derived from
// others (the --sizes idiom's 0.15 / (0.7 + 0.15)): scikit-learn's typing
// (a float is a fraction, an int a count) plus the Python expression that
// computes it. The zero Size is None.
type Size struct {
	split.Size
	// Expr is the Python expression of a derived size ("" when typed).
	Expr string
}

// IsZero reports whether s is None (for JSON's omitzero).
func (s Size) IsZero() bool { return s.IsNone() }

// String formats s as the Python argument: `0.2`, `30`, `None`, or the
// expression computing it.
func (s Size) String() string {
	if s.Expr != "" {
		return s.Expr
	}
	return s.Size.String()
}

// ParseSize reads text as a size (split.ParseSize); the empty string is
// an error here, since a given argument is never None.
func ParseSize(text string) (Size, error) {
	if strings.TrimSpace(text) == "" {
		return Size{}, ErrBadSize
	}
	s, err := split.ParseSize(text)
	return Size{Size: s}, err
}

// MarshalJSON stores s as its Python text ("0.2", "30", or an expression).
func (s Size) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads what MarshalJSON wrote: a literal, or the
// expression B / (A + B) of a three-way split by fractions, which it
// computes again in float64.
func (s *Size) UnmarshalJSON(b []byte) error {
	var text string
	if err := json.Unmarshal(b, &text); err != nil {
		return err
	}
	if a, b, ok := valExpr(text); ok {
		*s = valSize(a, b)
		return nil
	}
	v, err := ParseSize(text)
	if err != nil {
		return fmt.Errorf("size %q: %w", text, err)
	}
	if text != v.Size.String() {
		v.Expr = text // as typed: "2." stays "2."
	}
	*s = v
	return nil
}

// valSize is the second step's test_size of train/val/test fractions
// a, b, c: b / (a + b), as Python computes it.
func valSize(a, b float64) Size {
	return Size{Size: split.FloatSize(b / (a + b)), Expr: py.FloatRepr(b) + " / (" + py.FloatRepr(a) + " + " + py.FloatRepr(b) + ")"}
}

// valExpr parses "B / (A + B)".
func valExpr(text string) (a, b float64, ok bool) {
	num, den, found := strings.Cut(text, " / (")
	den, closed := strings.CutSuffix(den, ")")
	sa, sb, plus := strings.Cut(den, " + ")
	if !found || !closed || !plus || sb != num {
		return 0, 0, false
	}
	a, okA := py.ParseFloat(sa)
	b, okB := py.ParseFloat(sb)
	return a, b, okA && okB
}
