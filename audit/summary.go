package audit

import (
	"github.com/splitter-dev/splitter/internal/py"
)

// PartSummary describes one part of a partition as its rows map to the
// data: how many rows it has, how many of them the data does not hold,
// and, when asked for, its class counts and distinct groups.
type PartSummary struct {
	Name      string         `json:"name"`
	Path      string         `json:"path"`
	Rows      int            `json:"rows"`
	Unmatched int            `json:"unmatched,omitempty"` // rows the data does not hold
	Classes   map[string]int `json:"classes,omitempty"`   // label as Python's str() prints it: count
	Groups    *int           `json:"groups,omitempty"`    // distinct values of the group column
}

// SummaryOptions names the columns of the data whose values a summary
// counts per part ("" for none).
type SummaryOptions struct {
	Label string // class counts: df.loc[part_rows, Label].value_counts()
	Group string // distinct groups: df.loc[part_rows, Group].nunique(dropna=False)
}

// Summarize describes p's train and test parts (paths as given) from the
// data rows they match: rows per part, and the counts opts asks for, read
// from data's columns as pandas types them (a row of a part is counted
// with the first data row holding the same content).
func Summarize(p *Partition, data Table, paths [2]string, opts SummaryOptions) ([]PartSummary, error) {
	first := make([]int32, len(p.Count))
	for i := range first {
		first[i] = -1
	}
	for i, id := range p.Data {
		if first[id] < 0 {
			first[id] = int32(i)
		}
	}
	parts := []PartSummary{{Name: "train", Path: paths[0]}, {Name: "test", Path: paths[1]}}
	for k, ids := range [][]int32{p.Train, p.Test} {
		var rowsOf []int
		for _, id := range ids {
			if id < 0 {
				parts[k].Unmatched++
				continue
			}
			rowsOf = append(rowsOf, int(first[id]))
		}
		parts[k].Rows = len(ids)
		if err := countColumns(&parts[k], data, rowsOf, opts); err != nil {
			return nil, err
		}
	}
	return parts, nil
}

// countColumns fills the class counts and group count of one part whose
// matched data rows are rowsOf.
func countColumns(s *PartSummary, data Table, rowsOf []int, opts SummaryOptions) error {
	if opts.Label != "" {
		col, err := data.Column(opts.Label)
		if err != nil {
			return err
		}
		s.Classes = map[string]int{}
		for _, i := range rowsOf {
			s.Classes[py.Str(col.Value(i))]++
		}
	}
	if opts.Group != "" {
		col, err := data.Column(opts.Group)
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, i := range rowsOf {
			seen[py.Str(col.Value(i))] = true
		}
		n := len(seen)
		s.Groups = &n
	}
	return nil
}
