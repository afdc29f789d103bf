package recipe

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/split"
)

// ErrTorchTest reports a --test for torch whose complement cannot be
// written as plainly as it.
var ErrTorchTest = errors.New("with --compat torch, --test T stands for --lengths 1-T,T only when 1-T is written as plainly as T; give --lengths")

// torchLengths returns random_split's lengths and the parts' names: the
// recipe's Lengths and Names, or for a TestSize T the lengths [n-T, T]
// (ints) or [1-T, T] (fractions) named train and test.
func (r *Recipe) torchLengths(n int) ([]split.Length, []string, error) {
	if r.Lengths == nil {
		t := r.TestSize
		if !t.IsFloat() {
			return []split.Length{split.LengthCount(n - t.Int()), split.LengthCount(t.Int())}, []string{"train", "test"}, nil
		}
		f := t.Float()
		rest := 1 - f
		// 1 - 0.3 is 0.7, but 1 - 0.1 is 0.9 and 1 - 0.7 is
		// 0.30000000000000004: refuse what would not read as intended.
		if !(f > 0 && f < 1) || decimals(py.FloatRepr(rest)) > max(decimals(py.FloatRepr(f)), 1) {
			return nil, nil, flagErr("--test", py.FloatRepr(f), ErrTorchTest)
		}
		return []split.Length{split.LengthFraction(rest), split.LengthFraction(f)}, []string{"train", "test"}, nil
	}
	lengths := make([]split.Length, len(r.Lengths))
	for i, s := range r.Lengths {
		l, err := split.ParseLength(s)
		if err != nil {
			return nil, nil, flagErr("--lengths", strings.Join(r.Lengths, ","), err)
		}
		lengths[i] = l
	}
	names := r.Names
	if names == nil {
		names = make([]string, len(lengths))
		for i := range names {
			names[i] = "part" + strconv.Itoa(i)
		}
	} else if len(names) != len(lengths) {
		return nil, nil, fmt.Errorf("--names: %d names for %d lengths", len(names), len(lengths))
	}
	return lengths, names, nil
}

// decimals counts the digits after the point of a float's repr (99 for
// exponent notation).
func decimals(s string) int {
	if strings.ContainsAny(s, "eE") {
		return 99
	}
	_, frac, _ := strings.Cut(s, ".")
	return len(frac)
}

// torchSplit is random_split(df, lengths, generator=...manual_seed(S)).
func (r *Recipe) torchSplit(n int) ([]Part, []string, error) {
	lengths, names, err := r.torchLengths(n)
	if err != nil {
		return nil, nil, err
	}
	_, warns, err := split.RandomSplitLengths(n, lengths)
	if err != nil {
		if r.Lengths == nil {
			return nil, nil, fmt.Errorf("--test: %w", err)
		}
		return nil, nil, flagErr("--lengths", strings.Join(r.Lengths, ","), err)
	}
	g, err := r.torchGenerator()
	if err != nil {
		return nil, nil, err
	}
	sets, err := split.RandomSplit(n, lengths, g)
	if err != nil {
		return nil, nil, err
	}
	parts := make([]Part, len(sets))
	for i, rows := range sets {
		parts[i] = Part{names[i], rows}
	}
	return parts, warns, nil
}

// torchLengthsPython are random_split's lengths as Python literals.
func (r *Recipe) torchLengthsPython(n int) []string {
	lengths, _, err := r.torchLengths(n)
	if err != nil {
		return r.Lengths
	}
	out := make([]string, len(lengths))
	for i, l := range lengths {
		out[i] = l.String()
	}
	return out
}
