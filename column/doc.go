// Package column turns a column, held as pandas holds it (a *rows.Column
// of its dtype: what pd.read_csv, read_json or read_parquet make of it),
// into what the splitters and samplers take: the split.Labels that
// scikit-learn sees as stratify= or groups= (Labels) and Hugging Face as
// stratify_by_column= after class_encode_column (ClassLabels), the
// weights of df.sample(weights=) (Weights) and the groups of
// df.groupby(col) (Groups).
//
// It imports neither gota nor Arrow: package table applies it to files,
// the frame adapters (frame/gota, frame/arrow15, frame/arrow18) to their
// columns converted to this pandas view, so that a gota DataFrame, an
// Arrow record and the CLI stratify alike.
package column

import (
	"errors"

	"github.com/splitter-dev/splitter/sample"
)

var (
	// ErrColumnType reports a column of a type pandas would refuse here
	// (sample.ErrColumnType, re-exported).
	ErrColumnType = sample.ErrColumnType
	// ErrMissingValue reports a column with missing values where the
	// Python call refuses them (class_encode_column).
	ErrMissingValue = errors.New("column has missing values, which class_encode_column cannot encode")
	// ErrMixedColumn reports a column whose values pandas holds as Python
	// objects of types that numpy cannot order (np.unique raises
	// TypeError).
	ErrMixedColumn = errors.New("column mixes strings and numbers, which numpy cannot sort")
)
