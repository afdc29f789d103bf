package arrow15

import (
	"fmt"
	"math"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"

	"github.com/splitter-dev/splitter/frame"
	"github.com/splitter-dev/splitter/sample"
)

// Groups returns the groups of df.groupby(col).sample for an Arrow
// column: int8..int64 and uint8..uint32 as int64, float32/float64 as
// float64, boolean and string/large string; nulls (and NaN) belong to no
// group, as with pandas' dropna=True.
func Groups(col arrow.Array) (sample.Groups, error) {
	n := col.Len()
	valid := make([]bool, n)
	for i := range valid {
		valid[i] = col.IsValid(i)
	}
	switch a := col.(type) {
	case *array.Float64, *array.Float32:
		k := make([]float64, n)
		for i := range k {
			k[i] = math.NaN()
			if valid[i] {
				k[i] = floatAt(a, i)
			}
		}
		return sample.GroupsFloat64(k), nil
	case *array.Boolean:
		k := make([]bool, n)
		for i := range k {
			k[i] = valid[i] && a.Value(i)
		}
		return sample.GroupsBool(k, valid), nil
	case *array.String:
		k := make([]string, n)
		for i := range k {
			if valid[i] {
				k[i] = a.Value(i)
			}
		}
		return sample.GroupsString(k, valid), nil
	case *array.LargeString:
		k := make([]string, n)
		for i := range k {
			if valid[i] {
				k[i] = a.Value(i)
			}
		}
		return sample.GroupsString(k, valid), nil
	}
	k := make([]int64, n)
	for i := range k {
		v, ok := intAt(col, i)
		if !ok {
			return sample.Groups{}, fmt.Errorf("frame: group key of type %s: %w", col.DataType(), frame.ErrColumnType)
		}
		k[i] = v
	}
	for _, ok := range valid {
		if !ok {
			// pandas reads an int column with missing values as float64.
			f := make([]float64, n)
			for j := range f {
				f[j] = float64(k[j])
				if !valid[j] {
					f[j] = math.NaN()
				}
			}
			return sample.GroupsFloat64(f), nil
		}
	}
	return sample.GroupsInt64(k), nil
}

// Weights returns a numeric (or boolean: 1/0) Arrow column as float64 weights for
// sample.Options.Weights, nulls as NaN (pandas counts them as zero).
func Weights(col arrow.Array) ([]float64, error) {
	w := make([]float64, col.Len())
	for i := range w {
		if col.IsNull(i) {
			w[i] = math.NaN()
			continue
		}
		switch a := col.(type) {
		case *array.Float64, *array.Float32:
			w[i] = floatAt(a, i)
		case *array.Boolean:
			if a.Value(i) {
				w[i] = 1
			}
		default:
			v, ok := intAt(col, i)
			if !ok {
				return nil, fmt.Errorf("frame: weights of type %s: %w", col.DataType(), frame.ErrColumnType)
			}
			w[i] = float64(v)
		}
	}
	return w, nil
}

func floatAt(a arrow.Array, i int) float64 {
	switch a := a.(type) {
	case *array.Float64:
		return a.Value(i)
	case *array.Float32:
		return float64(a.Value(i))
	}
	return math.NaN()
}

func intAt(a arrow.Array, i int) (int64, bool) {
	switch a := a.(type) {
	case *array.Int64:
		return a.Value(i), true
	case *array.Int32:
		return int64(a.Value(i)), true
	case *array.Int16:
		return int64(a.Value(i)), true
	case *array.Int8:
		return int64(a.Value(i)), true
	case *array.Uint32:
		return int64(a.Value(i)), true
	case *array.Uint16:
		return int64(a.Value(i)), true
	case *array.Uint8:
		return int64(a.Value(i)), true
	}
	return 0, false
}
