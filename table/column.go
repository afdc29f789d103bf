package table

import (
	"errors"
	"fmt"

	"github.com/splitter-dev/splitter/column"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/sample"
	"github.com/splitter-dev/splitter/split"
)

// ErrColumnType reports a group key or weight column of a type pandas
// would refuse (column.ErrColumnType, re-exported).
var ErrColumnType = column.ErrColumnType

// Lookup returns df[name] of t. A name t lacks gives an error wrapping
// rows.ErrNoColumn that names the argument arg reading it and the closest
// columns t has: `--stratify churnd: no such column "churnd" (did you mean
// "churned"? columns: id, churned)`.
func Lookup(t Table, name, arg string) (*rows.Column, error) {
	col, err := t.Column(name)
	if err == nil {
		return col, nil
	}
	hint := ""
	if errors.Is(err, rows.ErrNoColumn) {
		hint = didYouMean(name, t.Names())
	}
	var pe *rows.ParseError
	if errors.As(err, &pe) && pe.Line == 0 {
		return nil, fmt.Errorf("%s: %s %s: %w%s", pe.File, arg, name, pe.Err, hint)
	}
	return nil, fmt.Errorf("%s %s: %w%s", arg, name, err, hint)
}

// LabelsOf is Labels(df[name]) of t: the classes of stratify=df[name] or
// the groups of groups=df[name] as scikit-learn encodes them. Errors name
// arg.
func LabelsOf(t Table, name, arg string) (split.Labels, error) {
	col, err := Lookup(t, name, arg)
	if err != nil {
		return split.Labels{}, err
	}
	l, err := column.Labels(col)
	if err != nil {
		return split.Labels{}, fmt.Errorf("%s %s: %w", arg, name, err)
	}
	return l, nil
}

// ClassLabelsOf is ClassLabels(df[name]) of t: the ids of Hugging Face's
// class_encode_column(name). Errors name arg.
func ClassLabelsOf(t Table, name, arg string) (split.Labels, error) {
	col, err := Lookup(t, name, arg)
	if err != nil {
		return split.Labels{}, err
	}
	l, err := column.ClassLabels(col)
	if err != nil {
		return split.Labels{}, fmt.Errorf("%s %s: %w", arg, name, err)
	}
	return l, nil
}

// WeightsOf is Weights(df[name]) of t: weights=df[name] as pandas'
// sample reads it. Errors name arg.
func WeightsOf(t Table, name, arg string) ([]float64, error) {
	col, err := Lookup(t, name, arg)
	if err != nil {
		return nil, err
	}
	w, err := column.Weights(col)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", arg, name, err)
	}
	return w, nil
}

// GroupsOf is Groups(df[name]) of t: the groups of df.groupby(name).
// Errors name arg.
func GroupsOf(t Table, name, arg string) (sample.Groups, error) {
	col, err := Lookup(t, name, arg)
	if err != nil {
		return sample.Groups{}, err
	}
	g, err := column.Groups(col)
	if err != nil {
		return sample.Groups{}, fmt.Errorf("%s %s: %w", arg, name, err)
	}
	return g, nil
}
