package audit

import (
	"errors"
	"fmt"
	"slices"

	"github.com/splitter-dev/splitter/rows"
)

// ErrIndexDisagrees is a part whose index column (the one df.to_csv()
// writes) names a data row whose values differ from the part's row.
var ErrIndexDisagrees = errors.New("the index column names a data row with other values")

// ErrKeyColumn is a --key column missing from the data or a part.
var ErrKeyColumn = errors.New("key column missing")

// MatchOptions say how the rows of parts are matched to the data's.
type MatchOptions struct {
	// Key matches rows on this column alone (an id); "" compares every
	// column the data and all parts share.
	Key string
}

// Matched is each row of the data and of its parts reduced to a content
// id: rows equal (as pandas reads them) on the compared columns share an
// id, so duplicated rows are handled as multisets. When every part
// carries the index column df.to_csv() writes, ids are the data rows'
// positions themselves (ByIndex) and no row is ambiguous.
type Matched struct {
	// Data holds the content id of each data row; Parts those of each
	// part's rows, in file order (-1: a row the data does not hold).
	Data  []int32
	Parts [][]int32
	// Count is how many data rows hold each content id.
	Count []int32
	// Columns are the columns compared.
	Columns []string
	// ByIndex reports ids taken from the parts' index columns.
	ByIndex bool
	// Duplicates counts data rows equal to an earlier data row on Columns
	// (rows a part cannot tell apart; a match places them as the recipe
	// does).
	Duplicates int
}

// Partition is the two-part Partition of parts train and test.
func (m *Matched) Partition(train, test int) *Partition {
	return &Partition{Data: m.Data, Train: m.Parts[train], Test: m.Parts[test], Count: m.Count}
}

// Missing returns the first row (0-based) of part i that the data does
// not hold, or -1.
func (m *Matched) Missing(i int) int {
	return slices.Index(m.Parts[i], -1)
}

// MatchTables maps the rows of parts to the rows of data by value, as
// pandas reads both (pd.read_csv, read_json(lines=True), read_parquet):
// numbers by value (14.50 == 14.5, 2 == 2.0), NaN equal to NaN, text as
// read (quoting and line ends do not matter). Columns are those the data
// and every part share, in the data's order (parts may drop or reorder
// columns), or opts.Key alone. A part's index column (names are the
// files' names, data first, for errors) gives its rows' positions and must
// agree with their values.
func MatchTables(names []string, data Table, parts []Table, opts MatchOptions) (*Matched, error) {
	index := make([]*rows.Column, len(parts))
	for i, t := range parts {
		index[i] = indexColumn(data, t)
	}
	cols, err := matchColumns(names, data, parts, index, opts)
	if err != nil {
		return nil, err
	}
	k := newKeyer()
	dk := make([]rowKey, data.Len())
	pk := make([][]rowKey, len(parts))
	for i, t := range parts {
		pk[i] = make([]rowKey, t.Len())
	}
	for _, c := range cols {
		if err := k.addShared(c, data, parts, dk, pk); err != nil {
			return nil, err
		}
	}
	m := &Matched{Columns: cols, Data: make([]int32, len(dk)), Parts: make([][]int32, len(parts))}
	ids := newKeyTable(len(dk))
	for i, key := range dk {
		id, added := ids.add(key)
		if added {
			m.Count = append(m.Count, 0)
		} else {
			m.Duplicates++
		}
		m.Data[i] = id
		m.Count[id]++
	}
	for p, keys := range pk {
		out := make([]int32, len(keys))
		for r, key := range keys {
			out[r] = ids.get(key)
		}
		m.Parts[p] = out
	}
	return m, m.useIndex(names, index)
}

// matchColumns picks the compared columns: opts.Key, or the data's columns
// that every part has (an index column aside).
func matchColumns(names []string, data Table, parts []Table, index []*rows.Column, opts MatchOptions) ([]string, error) {
	dn := data.Names()
	if opts.Key != "" {
		for i, t := range append([]Table{data}, parts...) {
			if !slices.Contains(t.Names(), opts.Key) {
				return nil, fmt.Errorf("%s: %w: %q", names[i], ErrKeyColumn, opts.Key)
			}
		}
		return []string{opts.Key}, nil
	}
	var cols []string
	for _, c := range dn {
		shared := true
		for i, t := range parts {
			if !slices.Contains(t.Names(), c) || (index[i] != nil && index[i].Name == c) {
				shared = false
			}
		}
		if shared {
			cols = append(cols, c)
		}
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("%s: %w with %s", names[0], ErrNoCommonColumns, names[1])
	}
	return cols, nil
}

// addShared folds column name of the data and of every part into their
// keys. Strings are read as numbers where the files type the column apart
// (a part holding a subset of the rows may read as int64 what the data
// reads as object).
func (k *keyer) addShared(name string, data Table, parts []Table, dk []rowKey, pk [][]rowKey) error {
	all := append([]Table{data}, parts...)
	cs := make([]*rows.Column, len(all))
	for i, t := range all {
		c, err := t.Column(name)
		if err != nil {
			return err
		}
		cs[i] = c
	}
	coerce := false
	for _, c := range cs {
		if c.Kind == rows.Mixed || stringish(c.Kind) != stringish(cs[0].Kind) {
			coerce = true
		}
	}
	k.addColumn(dk, cs[0], coerce)
	for i := range parts {
		k.addColumn(pk[i], cs[i+1], coerce)
	}
	return nil
}

// stringish reports whether a column of this kind holds text.
func stringish(kind rows.Kind) bool { return kind == rows.String || kind == rows.Mixed }

// indexColumn returns a part's index column: its first column when it is
// not a data column ("Unnamed: 0" for df.to_csv()'s unnamed index,
// "__index_level_0__" from Hugging Face, or the index's name) and holds
// distinct integers that are data row positions; nil otherwise.
func indexColumn(data Table, part Table) *rows.Column {
	pn := part.Names()
	if len(pn) == 0 {
		return nil
	}
	name := pn[0]
	if slices.Contains(data.Names(), name) || len(pn) < 2 {
		return nil
	}
	c, err := part.Column(name)
	if err != nil || c.Kind != rows.Int64 {
		return nil
	}
	n := int64(data.Len())
	seen := make(map[int64]bool, len(c.Ints))
	for _, v := range c.Ints {
		if v < 0 || v >= n || seen[v] {
			return nil
		}
		seen[v] = true
	}
	c.Name = name
	return c
}

// useIndex checks each part's index column against its values and, when
// every part has one, makes the data rows' positions the ids.
func (m *Matched) useIndex(names []string, index []*rows.Column) error {
	all := len(index) > 0
	for p, c := range index {
		if c == nil {
			all = false
			continue
		}
		for r, pos := range c.Ints {
			if id := m.Parts[p][r]; id != m.Data[pos] {
				return fmt.Errorf("%s: row %d: %w (data row %d)", names[p+1], r+1, ErrIndexDisagrees, pos+1)
			}
		}
	}
	if !all {
		return nil
	}
	for p, c := range index {
		for r, pos := range c.Ints {
			m.Parts[p][r] = int32(pos)
		}
	}
	m.Count = make([]int32, len(m.Data))
	for i := range m.Data {
		m.Data[i] = int32(i)
		m.Count[i] = 1
	}
	m.ByIndex, m.Duplicates = true, 0
	return nil
}
