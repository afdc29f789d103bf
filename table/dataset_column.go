package table

import (
	"math"
	"runtime"
	"sync"

	"github.com/splitter-dev/splitter/rows"
)

// Column is pd.concat(shards, ignore_index=True)[name]: each shard's
// column as pandas reads it, concatenated with the dtype pandas 1.5's
// concat gives (concatColumns). Shards are read in parallel.
func (d *Dataset) Column(name string) (*rows.Column, error) {
	cols := make([]*rows.Column, len(d.parts))
	errs := make([]error, len(d.parts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(d.parts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				cols[k], errs[k] = d.parts[k].Column(name)
			}
		}()
	}
	for k := range d.parts {
		next <- k
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return concatColumns(name, cols), nil
}

// dtypeKind is a column's numpy dtype kind: 'b', 'i', 'u', 'f' or 'O'.
func dtypeKind(c *rows.Column) byte {
	if c.Len() == 0 {
		return 'O' // read_csv types a header-only file's columns object
	}
	switch c.Dtype() {
	case "bool":
		return 'b'
	case "int64":
		return 'i'
	case "uint64":
		return 'u'
	case "float64":
		return 'f'
	}
	return 'O'
}

// isNA is pandas' JoinUnit.is_na: a column that can hold NaN and holds
// nothing else (an empty one included).
func isNA(c *rows.Column) bool {
	k := dtypeKind(c)
	if k != 'f' && k != 'O' {
		return false
	}
	for i := range c.Len() {
		if v, ok := c.Value(i).(float64); !ok || !math.IsNaN(v) {
			return false
		}
	}
	return true
}

// concatKind is the dtype kind of pd.concat of columns of kinds ks (na[k]
// when column k is all NaN), as pandas 1.5 concatenates blocks: one
// np.concatenate when the blocks are uniform (all numeric, each of the
// first's dtype or bool/int/uint, none all-NaN), else the common type of
// the columns that are not all-NaN (bool with numbers is object), each
// column cast to it only where a missing value must be filled.
func concatKind(ks []byte, na []bool) byte {
	if len(ks) == 1 {
		return ks[0]
	}
	uniform := true
	for k, c := range ks {
		sameClass := (c == 'O') == (ks[0] == 'O')
		if !sameClass || na[k] || (c != ks[0] && c != 'b' && c != 'i' && c != 'u') {
			uniform = false
		}
	}
	if uniform {
		return resultType(ks)
	}
	var live []byte
	for k, c := range ks {
		if !na[k] {
			live = append(live, c)
		}
	}
	if len(live) == 0 {
		live = ks
	}
	target := commonType(live)
	if target != 'f' && target != 'O' { // no missing value to fill
		return resultType(ks)
	}
	cast := make([]byte, len(ks))
	for k, c := range ks {
		switch {
		case na[k]:
			cast[k] = target // filled with NaN of the target type
		case c == 'b':
			cast[k] = 'O'
		default:
			cast[k] = c
		}
	}
	return resultType(cast)
}

// commonType is pandas' find_common_type of kinds: bool with a number is
// object, else numpy's.
func commonType(ks []byte) byte {
	has := map[byte]bool{}
	for _, c := range ks {
		has[c] = true
	}
	if len(has) == 1 {
		return ks[0]
	}
	if has['b'] && (has['i'] || has['u'] || has['f']) {
		return 'O'
	}
	return resultType(ks)
}

// resultType is the kind np.concatenate gives arrays of kinds ks.
func resultType(ks []byte) byte {
	has := map[byte]bool{}
	for _, c := range ks {
		has[c] = true
	}
	switch {
	case has['O']:
		return 'O'
	case has['f'], has['i'] && has['u']:
		return 'f'
	case has['u']:
		return 'u'
	case has['i']:
		return 'i'
	}
	return 'b'
}

// concatColumns concatenates the shards' columns into the column of
// pd.concat: values cast to its kind (ints to floats, bools to 0/1, any
// value as its Python object in an object column).
func concatColumns(name string, cols []*rows.Column) *rows.Column {
	ks := make([]byte, len(cols))
	na := make([]bool, len(cols))
	n := 0
	for k, c := range cols {
		ks[k], na[k] = dtypeKind(c), isNA(c)
		n += c.Len()
	}
	if len(cols) == 1 {
		return cols[0]
	}
	out := &rows.Column{Name: name}
	switch concatKind(ks, na) {
	case 'b':
		out.Kind, out.Bools = rows.Bool, make([]bool, 0, n)
		eachValue(cols, func(v any) { out.Bools = append(out.Bools, v.(bool)) })
	case 'i':
		out.Kind, out.Ints = rows.Int64, make([]int64, 0, n)
		eachValue(cols, func(v any) { out.Ints = append(out.Ints, asInt(v)) })
	case 'u':
		out.Kind, out.Uints = rows.Uint64, make([]uint64, 0, n)
		eachValue(cols, func(v any) { out.Uints = append(out.Uints, uint64(asInt(v))) })
	case 'f':
		out.Kind, out.Floats = rows.Float64, make([]float64, 0, n)
		eachValue(cols, func(v any) { out.Floats = append(out.Floats, asFloat(v)) })
		out.Null = nulls(out.Floats)
	default:
		objectColumn(out, cols, n)
	}
	return out
}

// eachValue calls f with every value of cols in order.
func eachValue(cols []*rows.Column, f func(v any)) {
	for _, c := range cols {
		for i := range c.Len() {
			f(c.Value(i))
		}
	}
}

// asInt is v (an int64, uint64 or bool) as numpy casts it to an integer.
func asInt(v any) int64 {
	switch v := v.(type) {
	case int64:
		return v
	case uint64:
		return int64(v)
	case bool:
		if v {
			return 1
		}
	}
	return 0
}

// asFloat is v as numpy casts it to float64.
func asFloat(v any) float64 {
	switch v := v.(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	case uint64:
		return float64(v)
	case bool:
		if v {
			return 1
		}
		return 0
	}
	return math.NaN()
}

// nulls marks the NaNs of fs (nil when there are none).
func nulls(fs []float64) []bool {
	var null []bool
	for i, f := range fs {
		if math.IsNaN(f) {
			if null == nil {
				null = make([]bool, len(fs))
			}
			null[i] = true
		}
	}
	return null
}

// objectColumn fills out as an object column of the values of cols: a
// String column when they are all str or NaN, a Bool one when all bool or
// NaN with some NaN, else Mixed.
func objectColumn(out *rows.Column, cols []*rows.Column, n int) {
	vals := make([]any, 0, n)
	eachValue(cols, func(v any) { vals = append(vals, v) })
	strs, bools, nan := true, true, false
	for _, v := range vals {
		switch v := v.(type) {
		case string:
			bools = false
		case bool:
			strs = false
		case float64:
			if math.IsNaN(v) {
				nan = true
			} else {
				strs, bools = false, false
			}
		default:
			strs, bools = false, false
		}
	}
	null := make([]bool, n)
	for i, v := range vals {
		_, isStr := v.(string)
		_, isBool := v.(bool)
		null[i] = !isStr && !isBool
	}
	if !nan {
		null = nil
	}
	switch {
	case strs:
		out.Kind, out.Strings, out.Null = rows.String, make([]string, n), null
		for i, v := range vals {
			if s, ok := v.(string); ok {
				out.Strings[i] = s
			}
		}
	case bools && nan:
		out.Kind, out.Bools, out.Null = rows.Bool, make([]bool, n), null
		for i, v := range vals {
			if b, ok := v.(bool); ok {
				out.Bools[i] = b
			}
		}
	default:
		out.Kind, out.Values = rows.Mixed, vals
	}
}
