package arrow15

import (
	"fmt"
	"math"
	"slices"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"

	pdcolumn "github.com/splitter-dev/splitter/column"
	"github.com/splitter-dev/splitter/frame"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/split"
)

// Labels returns an Arrow column as scikit-learn sees it passed as
// stratify= or y= (np.unique order), for the column pandas reads from the
// same values written to CSV (nulls as empty fields): int8..int64 and
// uint8..uint32 as int64, uint64 as uint64 (as float64 once a value is
// null), float32/float64 as float64 (null and NaN one class, sorted
// last), boolean as bool, string/large string as str. A null in a boolean
// or string column is pandas' NaN in an object column, which scikit-learn
// refuses ("Input contains NaN"); a column of nothing but nulls is
// float64 NaN, as pd.read_csv types it.
func Labels(col arrow.Array) (split.Labels, error) {
	c, err := column(col)
	if err != nil {
		return split.Labels{}, err
	}
	return pdcolumn.Labels(c)
}

// ClassLabels returns the ClassLabel ids Hugging Face's
// class_encode_column gives an Arrow column: str(value) of each value
// (float32 widened to the Python float pyarrow makes of it), the distinct
// strings sorted ("10" before "9", "False" before "True"). A column with
// a null or NaN is ErrMissingValue.
func ClassLabels(col arrow.Array) (split.Labels, error) {
	c, err := column(col)
	if err != nil {
		return split.Labels{}, err
	}
	return pdcolumn.ClassLabels(c)
}

// column converts an Arrow array to the pandas dtype pd.read_csv gives
// its values.
func column(col arrow.Array) (*rows.Column, error) {
	n := col.Len()
	c := &rows.Column{}
	if col.NullN() > 0 {
		c.Null = make([]bool, n)
		for i := range c.Null {
			c.Null[i] = col.IsNull(i)
		}
	}
	if n > 0 && col.NullN() == n {
		c.Kind, c.Floats, c.Null = rows.Float64, make([]float64, n), nil
		for i := range c.Floats {
			c.Floats[i] = math.NaN()
		}
		return c, nil
	}
	switch a := col.(type) {
	case *array.Float64, *array.Float32:
		c.Kind, c.Floats = rows.Float64, make([]float64, n)
		for i := range c.Floats {
			c.Floats[i] = math.NaN()
			if a.IsValid(i) {
				c.Floats[i] = floatAt(a, i)
			}
		}
		c.Null = nil
	case *array.Boolean:
		c.Kind, c.Bools = rows.Bool, make([]bool, n)
		for i := range c.Bools {
			c.Bools[i] = a.IsValid(i) && a.Value(i)
		}
	case *array.String:
		c.Kind, c.Strings = rows.String, make([]string, n)
		for i := range c.Strings {
			c.Strings[i] = a.Value(i)
		}
	case *array.LargeString:
		c.Kind, c.Strings = rows.String, make([]string, n)
		for i := range c.Strings {
			c.Strings[i] = a.Value(i)
		}
	case *array.Uint64:
		c.Kind, c.Uints = rows.Uint64, slices.Clone(a.Uint64Values())
	default:
		c.Kind, c.Ints = rows.Int64, make([]int64, n)
		for i := range c.Ints {
			v, ok := intAt(col, i)
			if !ok {
				return nil, fmt.Errorf("frame: label column of type %s: %w", col.DataType(), frame.ErrColumnType)
			}
			c.Ints[i] = v
		}
	}
	if c.Null != nil && (c.Kind == rows.Int64 || c.Kind == rows.Uint64) {
		// pandas reads an integer column with missing values as float64.
		f := make([]float64, n)
		for i := range f {
			switch {
			case c.Null[i]:
				f[i] = math.NaN()
			case c.Kind == rows.Int64:
				f[i] = float64(c.Ints[i])
			default:
				f[i] = float64(c.Uints[i])
			}
		}
		c.Kind, c.Floats, c.Ints, c.Uints, c.Null = rows.Float64, f, nil, nil, nil
	}
	return c, nil
}
