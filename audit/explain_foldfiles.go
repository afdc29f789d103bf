package audit

import (
	"context"
	"errors"
	"fmt"

	"github.com/splitter-dev/splitter/table"
)

// ErrNotFolds is a set of fold files that are not disjoint test folds
// covering the data.
var ErrNotFolds = errors.New("the files are not disjoint test folds covering the data")

// OpenFolds reads args — DATA, then the test rows of folds 0, 1, ...,
// K-1, one file each (kfold --files' STEM.fold{k}.test.EXT, or
// df.iloc[test].to_csv(...) per fold) — and returns each data row's fold
// for ExplainFolds, and the data (open: the caller closes it, also on
// error, when set). Rows are matched by value as for OpenShape (o.Key,
// o.Read; o.SplitColumn and o.IDs are not used). Files holding rows the
// data does not give an error wrapping ErrUnmatched; a data row in no
// file or in two, ErrNotFolds.
func OpenFolds(ctx context.Context, args []string, o ShapeOptions) (folds []int, data table.Table, err error) {
	if len(args) < 3 {
		return nil, nil, fmt.Errorf("explain: %d fold files: %w", len(args)-1, ErrShapeArgs)
	}
	if data, err = table.Open(ctx, args[0], o.Read); err != nil {
		return nil, nil, named(args[0], err)
	}
	parts := make([]Table, len(args)-1)
	for i, path := range args[1:] {
		t, err := table.Open(ctx, path, PartOptions(o.Read, path))
		if err != nil {
			return nil, data, named(path, err)
		}
		defer t.Close()
		parts[i] = t
	}
	m, err := MatchTables(args, data, parts, MatchOptions{Key: o.Key})
	if err != nil {
		return nil, data, unmatched(err)
	}
	for i := range parts {
		if r := m.Missing(i); r >= 0 {
			return nil, data, unmatchedError{fmt.Errorf("%s: row %d is not a row of %s (compared by value on %s)", args[i+1], r+1, args[0], columnList(m.Columns))}
		}
	}
	folds, err = m.Folds()
	if err != nil {
		return nil, data, fmt.Errorf("%s: %w", args[0], err)
	}
	return folds, data, nil
}

// Folds returns each data row's part when the parts are disjoint and
// cover the data (ErrNotFolds otherwise): the fold column of test folds
// given as files. Rows are placed by the index column when the parts have
// one, else each goes to the first data row with its values that no part
// took yet (equal rows are interchangeable: ambiguous only for duplicated
// rows, m.Duplicates).
func (m *Matched) Folds() ([]int, error) {
	folds := make([]int, len(m.Data))
	for i := range folds {
		folds[i] = -1
	}
	rowsOf := make([][]int, len(m.Count))
	for r, id := range m.Data {
		rowsOf[id] = append(rowsOf[id], r)
	}
	for k, part := range m.Parts {
		for r, id := range part {
			i := -1
			switch {
			case m.ByIndex:
				i = int(id)
			case id >= 0 && len(rowsOf[id]) > 0:
				i, rowsOf[id] = rowsOf[id][0], rowsOf[id][1:]
			}
			if i < 0 || i >= len(folds) || folds[i] >= 0 {
				return nil, fmt.Errorf("row %d of fold %d is in two folds or not in the data: %w", r+1, k, ErrNotFolds)
			}
			folds[i] = k
		}
	}
	for i, f := range folds {
		if f < 0 {
			return nil, fmt.Errorf("data row %d is in no fold: %w", i+1, ErrNotFolds)
		}
	}
	return folds, nil
}
