package column

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/split"
)

// Labels returns the column as scikit-learn sees np.unique(df[col]) when
// it is passed as stratify= or y=: classes in np.unique order for the
// column's dtype; NaN one class sorted last in a float column; missing
// values of an object column (str or bool with NaN) as EncodeNullableStrings
// marks them, which scikit-learn refuses as pandas' NaN.
func Labels(c *rows.Column) (split.Labels, error) {
	switch c.Kind {
	case rows.Int64:
		return split.EncodeInts(c.Ints), nil
	case rows.Uint64:
		return split.LabelsFromCodes(uintRanks(c.Uints)), nil
	case rows.Float64:
		return split.EncodeFloats(c.Floats), nil
	case rows.Bool:
		if !c.HasNull() {
			return split.EncodeBools(c.Bools), nil
		}
		s := make([]string, len(c.Bools))
		for i, b := range c.Bools {
			s[i] = pyBool(b)
		}
		return split.EncodeNullableStrings(s, c.Null), nil
	case rows.String:
		if !c.HasNull() {
			return split.EncodeStrings(c.Strings), nil
		}
		return split.EncodeNullableStrings(c.Strings, c.Null), nil
	case rows.Mixed:
		f, ok := numericValues(c.Values)
		if !ok {
			return split.Labels{}, fmt.Errorf("label column%s: %w", name(c), ErrMixedColumn)
		}
		return split.EncodeObjectNumbers(f), nil
	}
	return split.Labels{}, fmt.Errorf("label column%s of kind %s: %w", name(c), c.Kind, ErrColumnType)
}

// numericValues converts an object column of Python ints, floats and bools
// to float64 (numpy compares them numerically); ok is false when a string
// is among them.
func numericValues(vals []any) ([]float64, bool) {
	f := make([]float64, len(vals))
	for i, v := range vals {
		switch x := v.(type) {
		case int64:
			f[i] = float64(x)
		case uint64:
			f[i] = float64(x)
		case float64:
			f[i] = x
		case bool:
			if x {
				f[i] = 1
			}
		default:
			return nil, false
		}
	}
	return f, true
}

// ClassLabels returns the ClassLabel ids Hugging Face's
// Dataset.class_encode_column(col) gives: each value as str(value), the
// distinct strings sorted (so 10 before 9, "False" before "True"). A
// column with a missing value is ErrMissingValue.
func ClassLabels(c *rows.Column) (split.Labels, error) {
	if c.HasNull() || c.Kind == rows.Float64 && slices.ContainsFunc(c.Floats, func(f float64) bool { return f != f }) {
		return split.Labels{}, fmt.Errorf("label column%s: %w", name(c), ErrMissingValue)
	}
	switch c.Kind {
	case rows.Int64:
		return split.ClassEncodeInts(c.Ints), nil
	case rows.Uint64:
		s := make([]string, len(c.Uints))
		for i, v := range c.Uints {
			s[i] = strconv.FormatUint(v, 10)
		}
		return split.ClassEncodeStrings(s), nil
	case rows.Float64:
		return split.ClassEncodeFloats(c.Floats), nil
	case rows.Bool:
		return split.ClassEncodeBools(c.Bools), nil
	case rows.String:
		return split.ClassEncodeStrings(c.Strings), nil
	}
	return split.Labels{}, fmt.Errorf("label column%s of kind %s: %w", name(c), c.Kind, ErrColumnType)
}

// uintRanks maps uint64 values to their ranks among the distinct values,
// the codes np.unique gives a uint64 column.
func uintRanks(v []uint64) []int {
	u := slices.Clone(v)
	slices.Sort(u)
	u = slices.Compact(u)
	out := make([]int, len(v))
	for i, x := range v {
		out[i], _ = slices.BinarySearch(u, x)
	}
	return out
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// name is the column's name for an error message, quoted after a space,
// or nothing for a column without one (an Arrow array).
func name(c *rows.Column) string {
	if c.Name == "" {
		return ""
	}
	return " " + strconv.Quote(c.Name)
}
