package rows

import (
	"context"
	"fmt"
	"io"
	"sync"
)

// WritePartsContext writes each orders[k] to ws[k] as WriteRowsContext
// does (a train/test split's parts, say). The parts of an input of
// SpillMin bytes or more are written at once, staged by one shared pass
// over the input when they cut evenly; the parts of smaller inputs are
// written in turn. A fault reading the mapped file (it shrank) is
// ErrInputChanged.
func (ix *Index) WritePartsContext(ctx context.Context, ws []io.Writer, orders [][]int) error {
	return ix.guard(func() error { return ix.writeParts(ctx, ws, orders) })
}

func (ix *Index) writeParts(ctx context.Context, ws []io.Writer, orders [][]int) error {
	if len(ws) != len(orders) {
		return fmt.Errorf("rows: %d writers for %d orders", len(ws), len(orders))
	}
	write := func(ctx context.Context, k int) error { return ix.WriteRowsContext(ctx, ws[k], orders[k]) }
	if !ix.useWindows() || (len(ix.data) < SpillMin && !ix.forceSpill) || len(orders) < 2 {
		for k := range orders {
			if err := write(ctx, k); err != nil {
				return err
			}
		}
		return nil
	}
	for _, order := range orders {
		if err := inRange(order, ix.Len()); err != nil {
			return err
		}
	}
	last := ix.lastLen()
	// Uneven parts, or a row in two, are written each on its own.
	if pl, ok := ix.layoutByCount(orders, last); ok {
		f, done, err := ix.spillFile()
		if err != nil {
			return err
		}
		defer done()
		if err := ix.spillPlanned(ctx, pl, f, nil, last); err != nil {
			return err
		}
		write = func(ctx context.Context, k int) error {
			sets, free := newWinBufs(min(2, len(pl.wins[k])), pl.maxSize, pl.maxRows)
			defer free()
			out := newChunkWriter(ws[k])
			err := out.write(ix.head())
			if err == nil {
				err = ix.emitWindows(ctx, out, orders[k], pl.wins[k], f, sets, last)
			}
			if e := out.close(); err == nil {
				err = e
			}
			return err
		}
	}
	// Each part on its own goroutine; the first error cancels the others.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var once sync.Once
	var first error
	var wg sync.WaitGroup
	for k := range orders {
		wg.Go(func() {
			if err := ix.guard(func() error { return write(ctx, k) }); err != nil {
				once.Do(func() { first = err; cancel() })
			}
		})
	}
	wg.Wait()
	return first
}
