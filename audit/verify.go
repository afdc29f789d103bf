package audit

import (
	"errors"
	"fmt"

	"github.com/splitter-dev/splitter/rows"
)

// ErrMismatch is returned by VerifyFiles when a file does not hold the
// expected rows; errors.As to *MismatchError for the Diff.
var ErrMismatch = errors.New("files are not the partition")

// MismatchError carries the first file's Diff.
type MismatchError struct{ Diff Diff }

// Error returns the Diff's description (Diff.String).
func (e *MismatchError) Error() string { return e.Diff.String() }

// Unwrap returns ErrMismatch.
func (e *MismatchError) Unwrap() error { return ErrMismatch }

// VerifyFiles checks that the CSV files train and test hold exactly the
// rows that recipe r with seed makes of the CSV file data (in order, unless
// anyOrder), as `splitter verify` does: for example r = Recipe{Kind:
// Sklearn, N: 1000, Train: 800, Test: 200} and seed 42 for
// train_test_split(pd.read_csv(data), test_size=0.2, random_state=42).
// N = 0 takes the data's row count. A mismatch is a *MismatchError
// wrapping ErrMismatch; other errors are read errors or Python's.
func VerifyFiles(data, train, test string, r Recipe, seed uint64, opts rows.Options, anyOrder bool) error {
	dix, err := rows.IndexFile(data, opts)
	if err != nil {
		return err
	}
	defer dix.Close()
	if r.N == 0 {
		r.N = dix.Len()
	}
	if r.N != dix.Len() {
		return fmt.Errorf("%s: %d rows, the recipe expects %d", data, dix.Len(), r.N)
	}
	trIdx, teIdx, err := r.Indices(seed)
	if err != nil {
		return err
	}
	var header []byte
	var recs [][]byte
	if err := Guarded([]*rows.Index{dix}, func() error { header, recs = Records(dix); return nil }); err != nil {
		return err
	}
	for _, f := range []struct {
		path string
		idx  []int
	}{{train, trIdx}, {test, teIdx}} {
		ix, err := rows.IndexFile(f.path, opts)
		if err != nil {
			return err
		}
		var d Diff
		err = Guarded([]*rows.Index{dix, ix}, func() error {
			gh, got := Records(ix)
			want := make([][]byte, len(f.idx))
			for i, j := range f.idx {
				want[i] = recs[j]
			}
			d = CompareRecords(f.path, header, gh, want, got, anyOrder)
			d = d.detach()
			return nil
		})
		ix.Close()
		if err != nil {
			return err
		}
		if !d.Equal() {
			return &MismatchError{Diff: d}
		}
	}
	return nil
}
