package audit

import (
	"context"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/rows"
)

// Table is a part read as pandas reads it: its column names, its length
// and its typed columns. *rows.Index and *parquetrows.File are Tables.
type Table interface {
	Names() []string
	Len() int
	Column(name string) (*rows.Column, error)
}

// ErrNoCommonColumns is a set of parts that share no column to compare.
var ErrNoCommonColumns = errors.New("the parts share no column")

// LeakOptions says what makes two rows the same.
type LeakOptions struct {
	On       []string // compare these columns (default: every column all parts have, an "Unnamed: 0" index excluded)
	Key      string   // compare this column only (an id)
	Group    string   // report values of this column found in more than one part
	Examples int      // examples kept per pair (default 3)
}

// LeakPair is what two parts share: the distinct rows (keys, groups) found
// in both and the first few, in A's row order.
type LeakPair struct {
	A, B     string
	Shared   int
	Examples []LeakExample
}

// LeakExample is one shared row: its values (as Python's str() prints
// them, joined by ", ") and its 0-based row in each part.
type LeakExample struct {
	Values     string
	RowA, RowB int
}

// LeakReport lists every pair of parts, and Shared counts the distinct
// rows (keys, groups) found in two or more parts.
type LeakReport struct {
	Columns []string
	Pairs   []LeakPair
	Shared  int
}

// Leaks finds the rows the parts share, comparing values as pandas reads
// them and pd.merge matches them: 1.5 equals 1.50, 2 equals 2.0, NaN
// equals NaN. It is what
//
//	len(pd.merge(a[cols].drop_duplicates(), b[cols].drop_duplicates(), on=cols))
//
// gives for each pair a, b.
func Leaks(ctx context.Context, names []string, parts []Table, opts LeakOptions) (*LeakReport, error) {
	cols, err := leakColumns(parts, opts)
	if err != nil {
		return nil, err
	}
	keys := make([]map[string]int, len(parts)) // key → first row
	order := make([][]string, len(parts))      // distinct keys in row order
	shown := map[string]string{}
	for p, t := range parts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if keys[p], order[p], err = rowKeys(t, cols, shown); err != nil {
			return nil, err
		}
	}
	if opts.Examples == 0 {
		opts.Examples = 3
	}
	rep := &LeakReport{Columns: cols}
	seen := map[string]int{}
	for p := range parts {
		for _, k := range order[p] {
			seen[k]++
		}
	}
	for _, n := range seen {
		if n > 1 {
			rep.Shared++
		}
	}
	for a := range parts {
		for b := a + 1; b < len(parts); b++ {
			pair := LeakPair{A: names[a], B: names[b]}
			for _, k := range order[a] {
				if rb, ok := keys[b][k]; ok {
					pair.Shared++
					if len(pair.Examples) < opts.Examples {
						pair.Examples = append(pair.Examples, LeakExample{Values: shown[k], RowA: keys[a][k], RowB: rb})
					}
				}
			}
			rep.Pairs = append(rep.Pairs, pair)
		}
	}
	return rep, nil
}

// leakColumns picks the columns compared.
func leakColumns(parts []Table, opts LeakOptions) ([]string, error) {
	switch {
	case opts.Key != "":
		return []string{opts.Key}, nil
	case opts.Group != "":
		return []string{opts.Group}, nil
	case len(opts.On) > 0:
		return opts.On, nil
	}
	var cols []string
	for i, t := range parts {
		names := slices.DeleteFunc(slices.Clone(t.Names()), func(n string) bool { return n == "Unnamed: 0" })
		if i == 0 {
			cols = names
			continue
		}
		cols = slices.DeleteFunc(cols, func(n string) bool { return !slices.Contains(names, n) })
	}
	if len(cols) == 0 {
		return nil, ErrNoCommonColumns
	}
	return cols, nil
}

// rowKeys reads cols of t and returns each distinct row key with its first
// row, and the keys in row order; shown gets each key's printed values.
func rowKeys(t Table, cols []string, shown map[string]string) (map[string]int, []string, error) {
	columns := make([]*rows.Column, len(cols))
	for i, name := range cols {
		c, err := t.Column(name)
		if err != nil {
			return nil, nil, err
		}
		columns[i] = c
	}
	first := map[string]int{}
	var order []string
	var kb, sb strings.Builder
	for r := range t.Len() {
		kb.Reset()
		sb.Reset()
		for i, c := range columns {
			v := c.Value(r)
			if i > 0 {
				kb.WriteByte(0)
				sb.WriteString(", ")
			}
			kb.WriteString(canonical(v))
			sb.WriteString(py.Str(v))
		}
		k := kb.String()
		if _, ok := first[k]; ok {
			continue
		}
		first[k] = r
		order = append(order, k)
		if _, ok := shown[k]; !ok {
			shown[k] = sb.String()
		}
	}
	return first, order, nil
}

// canonical is a value as pd.merge compares it: numbers by value (an
// integral float equals the int), NaN equal to NaN, strings and bools by
// type and value.
func canonical(v any) string {
	switch x := v.(type) {
	case int64:
		return "n" + strconv.FormatInt(x, 10)
	case uint64:
		return "n" + strconv.FormatUint(x, 10)
	case float64:
		switch {
		case math.IsNaN(x):
			return "nan"
		case x == math.Trunc(x) && math.Abs(x) < 1<<63:
			return "n" + strconv.FormatInt(int64(x), 10)
		}
		return "f" + py.FloatRepr(x)
	case bool:
		if x {
			return "bTrue"
		}
		return "bFalse"
	case string:
		return "s" + x
	}
	return "?"
}
