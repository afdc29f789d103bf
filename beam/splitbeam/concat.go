package splitbeam

import (
	"github.com/splitter-dev/splitter/rows"
)

// concatColumns is pd.concat(cols, ignore_index=True) of one column read
// from each shard: the shards' values in order, typed as pandas 1.5 types
// the result. Empty shards do not take part in the type; one kind stays
// that kind; int64, uint64 and float64 together are float64; any other
// mix is an object column of the Python values.
func concatColumns(name string, cols []*rows.Column) *rows.Column {
	var kinds []rows.Kind
	for _, c := range cols {
		if c.Len() > 0 && !containsKind(kinds, c.Kind) {
			kinds = append(kinds, c.Kind)
		}
	}
	out := &rows.Column{Name: name, Kind: rows.String, Strings: []string{}}
	switch {
	case len(kinds) == 1:
		out.Kind = kinds[0]
	case len(kinds) > 1 && numeric(kinds):
		out.Kind = rows.Float64
	case len(kinds) > 1:
		out.Kind = rows.Mixed
	}
	for _, c := range cols {
		if c.Len() > 0 {
			appendColumn(out, c)
		}
	}
	return out
}

func containsKind(ks []rows.Kind, k rows.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// numeric reports whether every kind is a numpy number type.
func numeric(ks []rows.Kind) bool {
	for _, k := range ks {
		if k != rows.Int64 && k != rows.Uint64 && k != rows.Float64 {
			return false
		}
	}
	return true
}

// appendColumn appends c's values to out, converted to out's kind.
func appendColumn(out, c *rows.Column) {
	n := c.Len()
	if c.Kind == out.Kind && out.Kind != rows.Mixed {
		appendNull(out, c)
		out.Ints = append(out.Ints, c.Ints...)
		out.Uints = append(out.Uints, c.Uints...)
		out.Floats = append(out.Floats, c.Floats...)
		out.Bools = append(out.Bools, c.Bools...)
		out.Strings = append(out.Strings, c.Strings...)
		return
	}
	for i := range n {
		v := c.Value(i)
		if out.Kind == rows.Float64 {
			out.Floats = append(out.Floats, toFloat(v))
		} else {
			out.Values = append(out.Values, v)
		}
	}
}

// appendNull extends out.Null with c's (nil while no value is missing).
func appendNull(out, c *rows.Column) {
	before := out.Len()
	if c.Null == nil && out.Null == nil {
		return
	}
	if out.Null == nil {
		out.Null = make([]bool, before)
	}
	if c.Null == nil {
		out.Null = append(out.Null, make([]bool, c.Len())...)
		return
	}
	out.Null = append(out.Null, c.Null...)
}

// toFloat is float(v) of a numpy int64, uint64 or float64.
func toFloat(v any) float64 {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case uint64:
		return float64(x)
	}
	return v.(float64)
}
