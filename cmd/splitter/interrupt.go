package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/splitter-dev/splitter/rows"
)

// interruptGrace is how long a signalled run may take to stop by itself
// (contexts are checked between reads and rows) before it is ended: some
// steps (numpy's permutation of 10**8 rows, indexing a file) do not look
// at the context. Ending the process leaves nothing: staged outputs have
// no name, temporary files are unlinked when created.
const interruptGrace = 500 * time.Millisecond

// commitGuard keeps an ended run from leaving a half-committed set: the
// commit of the outputs (a few renames) runs under mu, and the watchdog
// takes mu before it ends the process.
type commitGuard struct {
	mu        sync.Mutex
	committed bool
	ended     bool // the run returned: it reports its own end
}

// end marks the run as returned, before it reports: a watchdog that has
// not yet ended the process will not, and one that is ending it holds mu
// until the process is gone (so the end is reported once).
func (g *commitGuard) end() {
	g.mu.Lock()
	g.ended = true
	g.mu.Unlock()
}

type commitGuardKey struct{}

// watch ends the process with status 130 interruptGrace after ctx is
// cancelled by a signal, unless the run finishes first or has committed
// its outputs (it then returns by itself).
func (g *commitGuard) watch(ctx context.Context, finished <-chan struct{}, stderr io.Writer) {
	select {
	case <-finished:
		return
	case <-ctx.Done():
	}
	select {
	case <-finished:
		return
	case <-time.After(interruptGrace):
	}
	g.mu.Lock()
	if g.committed || g.ended {
		g.mu.Unlock()
		return
	}
	fmt.Fprintln(stderr, "splitter: interrupted; nothing written")
	os.Exit(exitInterrupted)
}

// commitOutputs commits set under the run's commit guard (when ctx has
// one): a signal's watchdog waits for the commit, which then completes.
func commitOutputs(ctx context.Context, set *rows.Outputs) error {
	g, ok := ctx.Value(commitGuardKey{}).(*commitGuard)
	if !ok {
		return set.Commit()
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	err := set.Commit()
	g.committed = err == nil
	return err
}
