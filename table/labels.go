package table

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/split"
)

// ErrMixedColumn reports a label column whose values pandas holds as
// Python objects of types that numpy cannot order (Python raises
// TypeError in np.unique).
var ErrMixedColumn = errors.New("column mixes strings and numbers, which numpy cannot sort")

// Labels returns the values of col as scikit-learn sees
// np.unique(df[col]): classes ordered by the column's pandas dtype, NaN
// and None as pandas holds them. It is what stratify=df[col] and
// groups=df[col] pass to scikit-learn.
func Labels(col *rows.Column) (split.Labels, error) {
	switch col.Kind {
	case rows.Int64:
		return split.EncodeInts(col.Ints), nil
	case rows.Uint64:
		return split.LabelsFromCodes(uintRanks(col.Uints)), nil
	case rows.Float64:
		return split.EncodeFloats(col.Floats), nil
	case rows.Bool:
		if col.Null == nil {
			return split.EncodeBools(col.Bools), nil
		}
		s := make([]string, len(col.Bools))
		for i, b := range col.Bools {
			s[i] = pyBool(b)
		}
		return split.EncodeNullableStrings(s, col.Null), nil
	case rows.String:
		if col.Null == nil {
			return split.EncodeStrings(col.Strings), nil
		}
		return split.EncodeNullableStrings(col.Strings, col.Null), nil
	case rows.Mixed:
		f, ok := numericValues(col.Values)
		if !ok {
			return split.Labels{}, fmt.Errorf("column %q: %w", col.Name, ErrMixedColumn)
		}
		return split.EncodeFloats(f), nil
	}
	return split.Labels{}, fmt.Errorf("column %q: unsupported kind %v", col.Name, col.Kind)
}

// ClassLabels returns the ClassLabel ids that Hugging Face's
// Dataset.class_encode_column(col) gives: the values as strings, sorted
// (so 10 sorts before 9). It is what stratify_by_column=col uses.
func ClassLabels(col *rows.Column) (split.Labels, error) {
	if col.Null != nil && slices.Contains(col.Null, true) {
		return split.Labels{}, fmt.Errorf("column %q has missing values, which class_encode_column cannot encode", col.Name)
	}
	switch col.Kind {
	case rows.Int64:
		return split.ClassEncodeInts(col.Ints), nil
	case rows.Uint64:
		s := make([]string, len(col.Uints))
		for i, v := range col.Uints {
			s[i] = strconv.FormatUint(v, 10)
		}
		return split.ClassEncodeStrings(s), nil
	case rows.Float64:
		return split.ClassEncodeFloats(col.Floats), nil
	case rows.Bool:
		return split.ClassEncodeBools(col.Bools), nil
	case rows.String:
		return split.ClassEncodeStrings(col.Strings), nil
	}
	return split.Labels{}, fmt.Errorf("column %q: %w", col.Name, ErrMixedColumn)
}

// uintRanks maps uint64 values to their ranks among the distinct values.
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

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}
