package rows

import (
	"context"
	"fmt"
	"io"
)

// concat is indexes read one after another as one input, rows numbered
// across them as pd.concat([pd.read_csv(f) for f in files],
// ignore_index=True) numbers them. One index is a concat of one. The
// spilled copy reads a concat: a pass over each index in turn is one pass
// over the concatenation, so a dataset of several files is staged as one
// file of their rows is.
type concat struct {
	ixs    []*Index
	starts []int // starts[k] is the first row of ixs[k]; len(ixs)+1 entries
	lasts  []int // each index's lastLen
}

// one is ix as a concat of one index.
func (ix *Index) one() concat { return ix.oneWithLast(ix.lastLen()) }

// oneWithLast is one with ix's lastLen known.
func (ix *Index) oneWithLast(last int) concat {
	return concat{ixs: []*Index{ix}, starts: []int{0, ix.Len()}, lasts: []int{last}}
}

// newConcat is the concatenation of ixs (at least one); it reads the
// end of each (a fault there is ErrInputChanged).
func newConcat(ixs []*Index) (concat, error) {
	c := concat{ixs: ixs, starts: make([]int, len(ixs)+1), lasts: make([]int, len(ixs))}
	for k, ix := range ixs {
		c.starts[k+1] = c.starts[k] + ix.Len()
		if err := ix.guard(func() error { c.lasts[k] = ix.lastLen(); return nil }); err != nil {
			return c, err
		}
	}
	return c, nil
}

// Len is the number of rows of all the indexes.
func (c concat) Len() int { return c.starts[len(c.ixs)] }

// size is the number of input bytes of all the indexes.
func (c concat) size() int {
	n := 0
	for _, ix := range c.ixs {
		n += len(ix.data)
	}
	return n
}

// shardOf is the index holding row i (in range) of the concatenation.
func (c concat) shardOf(i int) int {
	k := 0
	for i >= c.starts[k+1] {
		k++
	}
	return k
}

// slots is the slotter of index k (its rows numbered from 0).
func (c concat) slots(k int) slotter { return c.ixs[k].slots(c.lasts[k]) }

// head is the first index's header as outputs start with it: with its
// line end when the concatenation has rows (the first index may have
// none).
func (c concat) head() []byte {
	ix := c.ixs[0]
	head := append([]byte(nil), ix.header...)
	if c.Len() > 0 && len(ix.header) > 0 && len(lineEnd(ix.header)) == 0 {
		head = append(head, ix.headerEOL...)
	}
	return head
}

// WriteConcatPartsContext writes each orders[k] (rows of ixs read one
// after another, numbered as pd.concat([pd.read_csv(f) for f in files],
// ignore_index=True) numbers them) to ws[k]: the first index's header,
// then the records, each with its own bytes; an index's last row
// without a line end gets its own header's line end (LF when none).
// When the concatenation takes the spilled copy of one file of its size
// (SpillMin bytes or more of delimited text, two or more orders that cut
// evenly: see plan.go), all the parts are staged by one pass over the
// indexes in turn and it returns true (as it does for one index, written
// by its WritePartsContext); otherwise it writes nothing and
// returns false, the parts left to the caller. A fault reading a mapped
// file (it shrank) is ErrInputChanged naming it.
func WriteConcatPartsContext(ctx context.Context, ixs []*Index, ws []io.Writer, orders [][]int) (bool, error) {
	return writeConcat(ctx, ixs, ws, orders, stdLimits())
}

// writeConcat is WriteConcatPartsContext by the thresholds lim.
func writeConcat(ctx context.Context, ixs []*Index, ws []io.Writer, orders [][]int, lim limits) (bool, error) {
	switch len(ixs) {
	case 0:
		return false, nil
	case 1:
		return true, ixs[0].write(ctx, ws, orders, lim)
	}
	if len(ws) != len(orders) {
		return false, fmt.Errorf("rows: %d writers for %d orders", len(ws), len(orders))
	}
	c, err := newConcat(ixs)
	if err != nil {
		return false, err
	}
	for _, order := range orders {
		if err := inRange(order, c.Len()); err != nil {
			return false, err
		}
	}
	p := c.plan(orders, lim)
	defer p.release()
	if p.shared == nil {
		return false, nil
	}
	return true, c.runShared(ctx, ws, orders, p)
}
