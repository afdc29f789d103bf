package audit

import (
	"errors"
	"fmt"
	"strings"

	"github.com/splitter-dev/splitter/rows"
)

// ErrSplitValue is a split column value that names no part.
var ErrSplitValue = errors.New("split column value is not train, test or val (or True/False for is-test)")

// Part names of a split column.
const (
	PartTrain = "train"
	PartTest  = "test"
	PartVal   = "val"
)

// MembershipPartition is the Partition of a file that says which data
// rows went to train and which to test, not in which order (a split
// column, ID lists): every train row has content id 0, every test row 1,
// the others 2, so a recipe matches when it picks the same rows in any
// order. train and test are data row positions.
func MembershipPartition(n int, train, test []int) *Partition {
	return MembershipMatched(n, [][]int{train, test}).Partition(0, 1)
}

// MembershipMatched is the Matched of parts known by membership only
// (data row positions): the rows of part k have content id k, rows in no
// part id len(parts). A row named twice, or in two parts, makes part 0
// hold an id no data row has, so that nothing matches.
func MembershipMatched(n int, parts [][]int) *Matched {
	none := int32(len(parts))
	m := &Matched{Data: make([]int32, n), Count: make([]int32, none+1), Parts: make([][]int32, len(parts))}
	for i := range m.Data {
		m.Data[i] = none
	}
	for k, rows := range parts {
		m.Parts[k] = make([]int32, len(rows))
		for j, i := range rows {
			m.Data[i] = int32(k)
			m.Parts[k][j] = int32(k)
		}
	}
	for _, id := range m.Data {
		m.Count[id]++
	}
	for k, rows := range parts {
		if int(m.Count[k]) != len(rows) {
			m.Parts[0] = append(m.Parts[0], -1)
		}
	}
	return m
}

// Positions returns the data row of each row of part i (-1: a row the
// data does not hold). Rows are placed by the index column when the parts
// have one, by their place when the part holds the data's rows in the
// data's order (a copy of the data with a split column added), else each
// row goes to the first unused data row with its values (ambiguous only
// for duplicated rows; ambiguous reports whether any was placed so).
func (m *Matched) Positions(i int) (pos []int, ambiguous bool) {
	part := m.Parts[i]
	pos = make([]int, len(part))
	if m.ByIndex {
		for r, id := range part {
			pos[r] = int(id)
		}
		return pos, false
	}
	if len(part) == len(m.Data) {
		same := true
		for r, id := range part {
			if id != m.Data[r] {
				same = false
				break
			}
		}
		if same {
			for r := range pos {
				pos[r] = r
			}
			return pos, false
		}
	}
	rowsOf := make([][]int, len(m.Count))
	for r, id := range m.Data {
		rowsOf[id] = append(rowsOf[id], r)
	}
	for r, id := range part {
		if id < 0 || len(rowsOf[id]) == 0 {
			pos[r] = -1
			continue
		}
		ambiguous = ambiguous || m.Count[id] > 1
		pos[r], rowsOf[id] = rowsOf[id][0], rowsOf[id][1:]
	}
	return pos, ambiguous
}

// SplitParts reads a split column: "train", "test", "val" (also
// "valid", "validation", any case) as strings, or a bool is-test column
// (True: test), or 0/1 integers (1: test). It returns the part of each
// row; file names the file for errors.
func SplitParts(file string, c *rows.Column) ([]string, error) {
	out := make([]string, c.Len())
	for i := range out {
		var part string
		switch v := c.Value(i).(type) {
		case bool:
			part = PartTrain
			if v {
				part = PartTest
			}
		case int64:
			switch v {
			case 0:
				part = PartTrain
			case 1:
				part = PartTest
			}
		case string:
			switch strings.ToLower(v) {
			case "train":
				part = PartTrain
			case "test":
				part = PartTest
			case "val", "valid", "validation":
				part = PartVal
			}
		}
		if part == "" {
			return nil, fmt.Errorf("%s: row %d: column %q: %w", file, i+1, c.Name, ErrSplitValue)
		}
		out[i] = part
	}
	return out, nil
}

// partClassCounts counts the train and test rows of each class. A content
// id has one class when its rows are equal on every column; ids that span
// classes (a MembershipPartition's, or rows equal on the compared columns
// only) are counted by their data rows when one part takes all of them.
// ok is false when the counts cannot be known.
func partClassCounts(p *Partition, codes []int, k int) (tr, te []int, ok bool) {
	label := make([]int, len(p.Count))
	for i := range label {
		label[i] = -1
	}
	for i, id := range p.Data {
		switch label[id] {
		case -1:
			label[id] = codes[i]
		case codes[i]:
		default:
			label[id] = -2 // several classes
		}
	}
	tr, te = make([]int, k), make([]int, k)
	counts := [2][]int{tr, te}
	mixed := map[int32]int{} // id → the part taking all its rows
	for j, ids := range [2][]int32{p.Train, p.Test} {
		taken := map[int32]int32{}
		for _, id := range ids {
			if id < 0 {
				return nil, nil, false
			}
			if label[id] >= 0 {
				counts[j][label[id]]++
				continue
			}
			taken[id]++
			mixed[id] = j
		}
		for id, n := range taken {
			if n != p.Count[id] {
				return nil, nil, false
			}
		}
	}
	for i, id := range p.Data {
		if j, ok := mixed[id]; ok {
			counts[j][codes[i]]++
		}
	}
	return tr, te, true
}
