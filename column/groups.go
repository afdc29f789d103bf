package column

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/sample"
)

// Weights returns a column read by package rows (pd.read_csv(path)[col])
// as the float64 weights pandas' sample makes of it: numbers as they are,
// bools as 1/0, missing values as NaN (counted as zero later), and in an
// object column each str converted with Python's float(); a str float()
// rejects fails the whole column with sample.ErrWeightsType (pandas 1.5's
// TypeError "No matching signature found").
func Weights(c *rows.Column) ([]float64, error) {
	n := c.Len()
	w := make([]float64, n)
	for i := range w {
		if c.Null != nil && c.Null[i] {
			w[i] = math.NaN()
			continue
		}
		var v any
		switch c.Kind {
		case rows.Int64:
			w[i] = float64(c.Ints[i])
			continue
		case rows.Uint64:
			w[i] = float64(c.Uints[i])
			continue
		case rows.Float64:
			w[i] = c.Floats[i]
			continue
		default:
			v = c.Value(i)
		}
		x, ok := pyObjectFloat(v)
		if !ok {
			return nil, fmt.Errorf("weights column %q row %d (%v): %w", c.Name, i, v, sample.ErrWeightsType)
		}
		w[i] = x
	}
	return w, nil
}

// pyObjectFloat is float(x) for the Python objects of an object column.
func pyObjectFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case uint64:
		return float64(x), true
	case float64:
		return x, true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case string:
		return py.ParseFloat(x)
	}
	return 0, false
}

// Groups returns the groups of pd.read_csv(path).groupby(col).sample
// for a column read by package rows: int64, uint64, float64 (NaN dropped),
// bool and str keys as sample's Groups* functions order them, missing
// values dropped. In a mixed object column numbers and bools are one kind
// of key (True equals 1, as Python hashes them) sorted before the strings,
// as pandas' safe_sort orders mixed values.
func Groups(c *rows.Column) (sample.Groups, error) {
	n := c.Len()
	null := func(i int) bool { return c.Null != nil && c.Null[i] }
	switch c.Kind {
	case rows.Int64:
		return sample.GroupsInt64(c.Ints), nil
	case rows.Float64:
		k := slices.Clone(c.Floats)
		for i := range k {
			if null(i) {
				k[i] = math.NaN()
			}
		}
		return sample.GroupsFloat64(k), nil
	case rows.Bool:
		valid := make([]bool, n)
		for i := range valid {
			valid[i] = !null(i)
		}
		return sample.GroupsBool(c.Bools, valid), nil
	case rows.String:
		valid := make([]bool, n)
		for i := range valid {
			valid[i] = !null(i)
		}
		return sample.GroupsString(c.Strings, valid), nil
	case rows.Uint64:
		return rankGroups(n, func(i int) (mixedKey, bool) {
			return mixedKey{u: c.Uints[i], isU: true}, !null(i)
		}), nil
	case rows.Mixed:
		var bad error
		g := rankGroups(n, func(i int) (mixedKey, bool) {
			if null(i) {
				return mixedKey{}, false
			}
			switch x := c.Values[i].(type) {
			case string:
				return mixedKey{s: x, isStr: true}, true
			case float64:
				if math.IsNaN(x) {
					return mixedKey{}, false
				}
				if x == 0 {
					x = 0
				}
				return mixedKey{f: x}, true
			case int64:
				return mixedKey{f: float64(x)}, true
			case uint64:
				return mixedKey{f: float64(x)}, true
			case bool:
				if x {
					return mixedKey{f: 1}, true
				}
				return mixedKey{f: 0}, true
			}
			bad = fmt.Errorf("group key %v of type %T: %w", c.Values[i], c.Values[i], ErrColumnType)
			return mixedKey{}, false
		})
		return g, bad
	}
	return sample.Groups{}, fmt.Errorf("group key column %q of kind %s: %w", c.Name, c.Kind, ErrColumnType)
}

// mixedKey is a key of an object column: a number (f), a uint64 (u) or a
// string (s).
type mixedKey struct {
	f     float64
	u     uint64
	s     string
	isStr bool
	isU   bool
}

func compareMixed(a, b mixedKey) int {
	if a.isStr != b.isStr {
		if a.isStr {
			return 1 // numbers first, then strings
		}
		return -1
	}
	if a.isStr {
		return strings.Compare(a.s, b.s)
	}
	if a.isU {
		return cmp.Compare(a.u, b.u)
	}
	return cmp.Compare(a.f, b.f)
}

// rankGroups numbers the distinct keys in sorted order and groups the rows
// by that number.
func rankGroups(n int, key func(i int) (mixedKey, bool)) sample.Groups {
	keys := make([]mixedKey, n)
	present := make([]bool, n)
	for i := range keys {
		keys[i], present[i] = key(i)
	}
	return sample.GroupsByKey(keys, func(i int) bool { return present[i] }, compareMixed)
}
