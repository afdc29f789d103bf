package audit

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/splitter-dev/splitter/rows"
)

// ErrHeader is a file whose header differs from the data's.
var ErrHeader = errors.New("header differs from the data's")

// Partition is a data set and two files said to be its train and test
// parts, with every row reduced to a content id: rows with the same bytes
// (line end aside) share an id, so duplicated rows are handled as
// multisets.
type Partition struct {
	// Data holds the content id of each data row, Train and Test those of
	// the files' rows, in file order. An id of -1 is a row that the data
	// does not hold.
	Data, Train, Test []int32
	// Count is how many data rows hold each content id.
	Count []int32
}

// NewPartition builds a Partition from the records (without line ends) of
// the data, train and test files.
func NewPartition(data, train, test [][]byte) *Partition {
	ids := make(map[string]int32, len(data))
	p := &Partition{Data: make([]int32, len(data))}
	for i, r := range data {
		id, ok := ids[string(r)]
		if !ok {
			id = int32(len(ids))
			ids[string(r)] = id
			p.Count = append(p.Count, 0)
		}
		p.Data[i] = id
		p.Count[id]++
	}
	lookup := func(recs [][]byte) []int32 {
		out := make([]int32, len(recs))
		for i, r := range recs {
			id, ok := ids[string(r)]
			if !ok {
				id = -1
			}
			out[i] = id
		}
		return out
	}
	p.Train, p.Test = lookup(train), lookup(test)
	return p
}

// PartitionOf builds the Partition of three indexed CSV files. The train
// and test headers must equal the data's (ErrHeader).
func PartitionOf(data, train, test *rows.Index, names [3]string) (*Partition, error) {
	dh, dr := Records(data)
	th, tr := Records(train)
	sh, sr := Records(test)
	if !bytes.Equal(dh, th) {
		return nil, fmt.Errorf("%s: %w %s", names[1], ErrHeader, names[0])
	}
	if !bytes.Equal(dh, sh) {
		return nil, fmt.Errorf("%s: %w %s", names[2], ErrHeader, names[0])
	}
	return NewPartition(dr, tr, sr), nil
}

// N is the number of data rows.
func (p *Partition) N() int { return len(p.Data) }

// selectable reports whether train and test together are a sub-multiset of
// the data: rows the data holds, each at most as often as the data does.
// Every recipe picks distinct data rows, so nothing else can match.
func (p *Partition) selectable() bool {
	left := make([]int32, len(p.Count))
	copy(left, p.Count)
	for _, part := range [][]int32{p.Train, p.Test} {
		for _, id := range part {
			if id < 0 || left[id] == 0 {
				return false
			}
			left[id]--
		}
	}
	return true
}

// sameIDs reports whether the data rows idx hold exactly the ids want.
func (p *Partition) sameIDs(idx []int, want []int32) bool {
	if len(idx) != len(want) {
		return false
	}
	for i, j := range idx {
		if p.Data[j] != want[i] {
			return false
		}
	}
	return true
}
