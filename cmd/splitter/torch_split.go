package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/split"
)

// ErrTorchTest reports a --test that does not translate to the lengths a
// user would write for random_split.
var ErrTorchTest = errors.New("with --compat torch, --test T stands for --lengths 1-T,T only when 1-T is written as plainly as T; give --lengths")

// torchLengths returns the random_split lengths and part names of o: from
// --lengths (parts part0, part1, ... or --names), or from --test T as
// [1-T, T] / [n-T, T] (parts train, test).
func torchLengths(o *splitOpts, n int) ([]split.Length, []string, error) {
	if o.lengths == nil {
		t := o.test
		if !t.isFloat {
			return []split.Length{split.LengthCount(n - t.i), split.LengthCount(t.i)}, []string{"train", "test"}, nil
		}
		rest := 1 - t.f
		if !(t.f > 0 && t.f < 1) || decimals(py.FloatRepr(rest)) > max(decimals(py.FloatRepr(t.f)), 1) {
			return nil, nil, flagErr("--test", py.FloatRepr(t.f), ErrTorchTest)
		}
		return []split.Length{split.LengthFraction(rest), split.LengthFraction(t.f)}, []string{"train", "test"}, nil
	}
	lengths := make([]split.Length, len(o.lengths))
	for i, s := range o.lengths {
		l, err := split.ParseLength(s)
		if err != nil {
			return nil, nil, flagErr("--lengths", strings.Join(o.lengths, ","), err)
		}
		lengths[i] = l
	}
	names := o.names
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

// decimals counts the digits after the point of a plain decimal; an
// exponent form counts as many digits.
func decimals(s string) int {
	if strings.ContainsAny(s, "eE") {
		return 99
	}
	_, frac, _ := strings.Cut(s, ".")
	return len(frac)
}

func torchSplit(cmd *cobra.Command, o *splitOpts, ix table) ([]part, error) {
	n := ix.Len()
	lengths, names, err := torchLengths(o, n)
	if err != nil {
		return nil, err
	}
	if _, warns, err := split.RandomSplitLengths(n, lengths); err != nil {
		if o.lengths == nil {
			return nil, fmt.Errorf("--test: %w", err)
		}
		return nil, flagErr("--lengths", strings.Join(o.lengths, ","), err)
	} else {
		for _, w := range warns {
			fmt.Fprintln(cmd.ErrOrStderr(), "warning: "+w)
		}
	}
	g, err := torchSeed(cmd)
	if err != nil {
		return nil, err
	}
	for _, l := range lengths {
		o.torchLengths = append(o.torchLengths, l.String())
	}
	sets, err := split.RandomSplit(n, lengths, g)
	if err != nil {
		return nil, err
	}
	parts := make([]part, len(sets))
	for i, rows := range sets {
		parts[i] = part{names[i], rows}
	}
	return parts, nil
}
