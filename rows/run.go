package rows

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
)

// write writes orders[k] to ws[k], each output as plan decides by the
// thresholds lim. A fault reading the mapped file (it shrank) is
// ErrInputChanged.
func (ix *Index) write(ctx context.Context, ws []io.Writer, orders [][]int, lim limits) error {
	if len(ws) != len(orders) {
		return fmt.Errorf("rows: %d writers for %d orders", len(ws), len(orders))
	}
	return ix.guard(func() error {
		for _, order := range orders {
			if err := inRange(order, ix.Len()); err != nil {
				return err
			}
		}
		p := ix.plan(orders, lim)
		defer p.release()
		return ix.run(ctx, ws, orders, p)
	})
}

// run carries out the plan p of orders.
func (ix *Index) run(ctx context.Context, ws []io.Writer, orders [][]int, p plan) error {
	if p.shared != nil {
		return ix.one().runShared(ctx, ws, orders, p)
	}
	write := func(ctx context.Context, k int) error { return ix.runOut(ctx, ws[k], orders[k], p.outs[k]) }
	if p.together {
		return ix.together(ctx, len(orders), write)
	}
	if p.windows {
		if err := ix.runWindows(ctx, ws, orders, p); err != nil {
			return err
		}
	}
	for k := range orders {
		if p.windows && p.outs[k].kind == windowed {
			continue
		}
		if err := write(ctx, k); err != nil {
			return err
		}
	}
	return nil
}

// runWindows writes the windowed outputs of p through one sequence of
// windows.
func (ix *Index) runWindows(ctx context.Context, ws []io.Writer, orders [][]int, p plan) error {
	var wws []io.Writer
	var heads [][]byte
	var wos [][]int
	for k, op := range p.outs {
		if op.kind == windowed {
			wws, heads, wos = append(wws, ws[k]), append(heads, ix.head()), append(wos, orders[k])
		}
	}
	return ix.writeWindowed(ctx, wws, heads, wos)
}

// runOut copies one output as op says.
func (ix *Index) runOut(ctx context.Context, w io.Writer, order []int, op outPlan) error {
	head := ix.head()
	switch op.kind {
	case windowed:
		return ix.writeWindowed(ctx, []io.Writer{w}, [][]byte{head}, [][]int{order})
	case spilled:
		return ix.writeSpilled(ctx, w, head, order, op.stage)
	}
	return ix.writeGathered(ctx, w, head, order, op.workers)
}

// runShared stages every output by one pass over the input (each index
// in turn), then writes them in turn through one set of window buffers:
// each output's copy keeps both cores busy on its own (the read back and
// sort of a window beside the gather of the one before, the hashing and
// writing of chunks beside both), and the buffers of all at once would
// make the copy's peak memory.
func (c concat) runShared(ctx context.Context, ws []io.Writer, orders [][]int, p plan) error {
	ix := c.ixs[0]
	f, done, err := ix.spillFile()
	if err != nil {
		return err
	}
	defer done()
	if err := c.stage(ctx, p.shared.pass, stageDst{f: f}); err != nil {
		return err
	}
	most := 0
	for _, op := range p.outs {
		most = max(most, len(op.stage.wins))
	}
	sets, free := newWinBufs(min(2, most), p.shared.maxSize, p.shared.maxRows)
	defer free()
	head := c.head()
	for k, op := range p.outs {
		if err := c.emitOut(ctx, ws[k], head, orders[k], op.stage.wins, f, sets); err != nil {
			return err
		}
	}
	return nil
}

// emitOut writes head and then the staged windows of order to w.
func (c concat) emitOut(ctx context.Context, w io.Writer, head []byte, order []int, wins []window, f *os.File, sets []winBuf) error {
	out := newChunkWriter(w)
	err := out.write(head)
	if err == nil {
		err = c.emitWindows(ctx, out, order, wins, f, sets)
	}
	if e := out.close(); err == nil {
		err = e
	}
	return err
}

// together runs write(ctx, k) for k in [0, n), each on its own goroutine;
// the first error cancels the others.
func (ix *Index) together(ctx context.Context, n int, write func(context.Context, int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var once sync.Once
	var first error
	var wg sync.WaitGroup
	for k := range n {
		wg.Go(func() {
			if err := ix.guard(func() error { return write(ctx, k) }); err != nil {
				once.Do(func() { first = err; cancel() })
			}
		})
	}
	wg.Wait()
	return first
}
