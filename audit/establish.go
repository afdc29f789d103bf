package audit

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/splitter-dev/splitter/split"
)

// Establish says what the files alone show about how TRAIN and TEST were
// made from the data, seed aside: whether their rows come from the data,
// which size arguments give their sizes, whether their order is the
// data's (no shuffle, or a split that sorts its indices such as KFold) and,
// for each column scikit-learn would accept as stratify, whether the class counts are a stratified split's.
// Explain's caller prints it when no seed matched: a "no" still teaches
// the auditor something.
func Establish(p *Partition, cols []Column) []string {
	var out []string
	n, a, b := p.N(), len(p.Train), len(p.Test)
	if b == 0 {
		return establishOne(p)
	}
	if !p.selectable() {
		return append(out, fmt.Sprintf("train and test hold rows the data does not (or more copies of a row than it has): no split of these %d rows makes them", n))
	}
	out = append(out, fmt.Sprintf("every row of train (%d) and test (%d) is a distinct row of the data (%d)", a, b, n))
	out = append(out, establishSizes(n, a, b))
	out = append(out, "train: "+orderOf(p, p.Train), "test: "+orderOf(p, p.Test))
	for _, c := range cols {
		if c.Labels.Len() != n || !stratifyColumn(c.Labels) {
			continue
		}
		if stratifiable(p, c.Labels) {
			out = append(out, fmt.Sprintf("column %q: each class is split in proportion (within one row): consistent with stratify=df[%q]", c.Name, c.Name))
		} else {
			out = append(out, fmt.Sprintf("column %q: class proportions differ from a stratified split's", c.Name))
		}
	}
	return out
}

// establishSizes names the size arguments that give a train and b test
// rows of n.
func establishSizes(n, a, b int) string {
	r := Recipe{N: n, Train: a, Test: b}
	s := fmt.Sprintf("sizes %d + %d of %d: ", a, b, n)
	if f, ok := r.testFraction(); ok {
		s += "train_test_split(test_size=" + f + ") and Dataset.train_test_split give them"
	} else if a+b == n {
		s += "test_size=" + strconv.Itoa(b) + " gives them (no test fraction with up to 6 decimals does)"
	} else {
		s += fmt.Sprintf("test_size=%d, train_size=%d leave %d rows out (df.sample with the rest as test cannot)", b, a, n-a-b)
	}
	if a+b == n && int(math.RoundToEven(r.frac()*float64(n))) == a {
		s += fmt.Sprintf("; df.sample(frac=%s) takes %d rows", strconv.FormatFloat(r.frac(), 'g', -1, 64), a)
	}
	return s
}

// orderOf says whether part's rows are in data order: a prefix of the
// data, a run of it, in increasing data order (indices sorted, as KFold,
// GroupShuffleSplit and shuffle=False give), or shuffled.
func orderOf(p *Partition, part []int32) string {
	if len(part) == 0 {
		return "empty"
	}
	// Earliest matching data row for each part row, in order: a
	// subsequence of the data when every row finds one.
	j := 0
	start := -1
	run := true
	for _, id := range part {
		k := j
		for k < len(p.Data) && p.Data[k] != id {
			k++
		}
		if k == len(p.Data) {
			return "not in data order: consistent with a shuffled split, not with shuffle=False or sorted folds"
		}
		if start < 0 {
			start = k
		} else if k != j {
			run = false
		}
		j = k + 1
	}
	switch {
	case run && start == 0:
		return fmt.Sprintf("the first %d rows of the data, in order (consistent with shuffle=False)", len(part))
	case run:
		return fmt.Sprintf("data rows %d..%d, in order (consistent with shuffle=False or an unshuffled fold)", start, start+len(part)-1)
	}
	return "in data order but not contiguous: consistent with a split that sorts its indices (KFold, GroupShuffleSplit), not with train_test_split's shuffle"
}

// stratifyColumn reports whether scikit-learn accepts l as stratify: more
// than one class, each with two rows or more.
func stratifyColumn(l split.Labels) bool {
	count := make([]int, l.NumClasses())
	for _, c := range l.Codes() {
		count[c]++
	}
	return len(count) > 1 && !slices.ContainsFunc(count, func(c int) bool { return c < 2 })
}
