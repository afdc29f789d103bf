package gota

import (
	"fmt"
	"math"
	"slices"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	pdcolumn "github.com/splitter-dev/splitter/column"
	"github.com/splitter-dev/splitter/frame"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/split"
)

// Labels returns gota column col as scikit-learn sees df[col] passed as
// stratify= or y= (np.unique order), for the DataFrame pandas reads from
// the same CSV: Int as int64 (as float64 once it has a missing value),
// Float as float64 (NaN one class, sorted last), Bool as bool, String as
// str; a missing value in a Bool or String column is pandas' NaN in an
// object column, which scikit-learn refuses ("Input contains NaN"), and a
// column of nothing but missing values is float64 NaN, as pd.read_csv
// types it.
//
// Read the CSV with dataframe.NaNValues(NAValues()) so that gota marks
// missing the fields pandas does; see the package documentation for the
// values gota still types differently.
func Labels(df dataframe.DataFrame, col string) (split.Labels, error) {
	c, err := column(df, col)
	if err != nil {
		return split.Labels{}, err
	}
	return pdcolumn.Labels(c)
}

// ClassLabels returns the ClassLabel ids Hugging Face's
// Dataset.from_pandas(df).class_encode_column(col) gives gota column col:
// str(value) of each value, the distinct strings sorted ("10" before "9",
// "False" before "True", floats as Python's repr). A column with a
// missing value is ErrMissingValue.
func ClassLabels(df dataframe.DataFrame, col string) (split.Labels, error) {
	c, err := column(df, col)
	if err != nil {
		return split.Labels{}, err
	}
	return pdcolumn.ClassLabels(c)
}

// column converts gota column name to the pandas dtype pd.read_csv gives
// the same values.
func column(df dataframe.DataFrame, name string) (*rows.Column, error) {
	if df.Err != nil {
		return nil, fmt.Errorf("frame: %w", df.Err)
	}
	if !slices.Contains(df.Names(), name) {
		return nil, fmt.Errorf("frame: label column %q: %w", name, rows.ErrNoColumn)
	}
	s := df.Col(name)
	nan := s.IsNaN()
	c := &rows.Column{Name: name}
	if slices.Contains(nan, true) {
		c.Null = nan
	}
	switch {
	case s.Len() > 0 && !slices.Contains(nan, false), s.Type() == series.Float,
		s.Type() == series.Int && c.Null != nil:
		c.Kind, c.Floats, c.Null = rows.Float64, s.Float(), nil
		for i, m := range nan {
			if m {
				c.Floats[i] = math.NaN()
			}
		}
	case s.Type() == series.Int:
		v, err := s.Int()
		if err != nil {
			return nil, fmt.Errorf("frame: %w", err)
		}
		c.Kind, c.Ints = rows.Int64, make([]int64, len(v))
		for i, x := range v {
			c.Ints[i] = int64(x)
		}
	case s.Type() == series.Bool:
		c.Kind, c.Bools = rows.Bool, make([]bool, s.Len())
		for i := range c.Bools {
			if !nan[i] {
				b, err := s.Elem(i).Bool()
				if err != nil {
					return nil, fmt.Errorf("frame: %w", err)
				}
				c.Bools[i] = b
			}
		}
	case s.Type() == series.String:
		c.Kind, c.Strings = rows.String, s.Records()
		for i, m := range nan {
			if m {
				c.Strings[i] = ""
			}
		}
	default:
		return nil, fmt.Errorf("frame: label column %q of type %s: %w", name, s.Type(), frame.ErrColumnType)
	}
	return c, nil
}
