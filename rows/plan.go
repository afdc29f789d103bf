package rows

// How rows are copied to outputs. Every write follows a plan, which
// (*Index).plan decides from the input and the orders alone (every
// threshold is there) and (*Index).run carries out. A plan copies each
// output one of three ways:
//
//   - gathered (write.go): the input is in memory, or small: the records
//     are appended in output order, block by block, by one goroutine for
//     short orders and two for long ones;
//   - windowed (window.go): a mapped input read with drop-behind, below
//     SpillMin, or an order that names a row twice: the output is built
//     in windows, each filled by one front-to-back pass over the input;
//     the windowed outputs of a plan not written at once share one
//     sequence of windows (a window may hold the end of one output and
//     the start of the next), so that a split reads the input once per
//     window of all its parts, not of each;
//   - spilled (spill.go): a mapped input of SpillMin bytes or more: one
//     front-to-back pass stages the rows in their windows' regions of a
//     temporary file (in memory for one window), then each window is read
//     back and written in output order.
//
// Several outputs of a spilled input (WritePartsContext) are staged
// together by one pass over the input when their rows cut evenly (a
// shared staging), then written in turn through one set of window
// buffers; otherwise each follows its own plan, all at once.
//
// Several indexes read as one (a dataset of shards, concat.go) are planned
// as one input of their bytes: their outputs take the shared staging,
// one pass over each index in turn, where one file would; otherwise the
// caller writes them (WriteConcatPartsContext reports false).

import (
	"runtime"
	"sync"
)

// copyKind is how one output's rows are copied.
type copyKind uint8

const (
	gathered copyKind = iota
	windowed
	spilled
)

// plan is how the rows of a set of orders are written, one output each.
type plan struct {
	outs     []outPlan
	shared   *staging // spilled outputs staged by one pass: outs[k].stage holds output k's windows
	together bool     // the outputs are written at once, one goroutine each
	windows  bool     // the windowed outputs share one sequence of windows (a pass over the input fills rows of each)
	caller   bool     // several indexes not staged together: the caller writes each output
}

// outPlan is how one output is copied.
type outPlan struct {
	kind    copyKind
	workers int     // gathered: goroutines copying blocks (1: the caller only)
	stage   staging // spilled: its windows and how they are staged
}

// release frees the row tables of p's staging passes (stage frees those
// it runs; this frees those of a plan not run to the end).
func (p plan) release() {
	if p.shared != nil {
		p.shared.pass.release()
	}
	for _, o := range p.outs {
		o.stage.pass.release()
	}
}

// limits are the thresholds a plan is decided by (tests force plans with
// others; see export_test.go).
type limits struct {
	spillMin int  // smallest mapped input (bytes) copied spilled
	group    int  // most windows staged by one pass over the input
	exact    bool // windows always cut exactly (layoutWindows), never by row count
}

// The thresholds of stdLimits and of the gathered copy.
const (
	// SpillMin is the smallest mapped input (bytes) copied spilled;
	// smaller ones (still read with drop-behind) are copied windowed,
	// which rereads the input once per window: cheaper while the input
	// sits in the CPU's caches and the page cache, ruinous for a file
	// larger than RAM.
	SpillMin     = 128 << 20
	spillGroup   = 255     // most windows staged by one pass (a window's number is a byte)
	blockRows    = 1 << 14 // gathered: rows per block
	twoWorkerMin = 4       // gathered: fewest blocks copied by two goroutines
)

// stdLimits are the thresholds of every plan outside tests.
func stdLimits() limits { return limits{spillMin: SpillMin, group: spillGroup} }

// plan decides, by the thresholds lim, how the orders (rows all in range)
// are written, one output each.
func (ix *Index) plan(orders [][]int, lim limits) plan { return ix.one().plan(orders, lim) }

// plan decides, by the thresholds lim, how the orders (rows all in range)
// of the concatenation c are written, one output each. Several indexes
// are spilled as one file of their bytes is, staged together when the
// orders cut evenly; otherwise their outputs are the caller's (caller).
func (c concat) plan(orders [][]int, lim limits) plan {
	p := plan{outs: make([]outPlan, len(orders))}
	// Inputs read with drop-behind (large mapped files) of delimited text
	// are copied through windows, never gathered: that would fault their
	// pages in at random.
	mapped := c.mapped()
	spill := mapped && c.size() >= lim.spillMin
	if spill && len(orders) >= 2 && !lim.exact {
		if st, ok := c.layoutByCount(orders, lim.group); ok {
			p.shared = &st
			for k := range orders {
				p.outs[k] = outPlan{kind: spilled, stage: staging{wins: st.parts[k], maxSize: st.maxSize, maxRows: st.maxRows}}
			}
			return p
		}
	}
	if len(c.ixs) > 1 {
		p.caller = true
		return p
	}
	p.together = spill && len(orders) >= 2
	// Outputs written at once are laid out at once too.
	ix, last := c.ixs[0], c.lasts[0]
	var wg sync.WaitGroup
	for k, order := range orders {
		if !p.together {
			p.outs[k] = ix.planOut(order, mapped, spill, last, lim)
			continue
		}
		wg.Go(func() { p.outs[k] = ix.planOut(order, mapped, spill, last, lim) })
	}
	wg.Wait()
	p.windows = !p.together
	return p
}

// mapped reports whether c is copied as a large mapped input: one index
// read with drop-behind, or several of delimited text that share a
// delimiter (each is read front to back, with drop-behind if large).
func (c concat) mapped() bool {
	for _, ix := range c.ixs {
		if ix.jsonl || len(ix.data) >= 1<<40 || ix.sep != c.ixs[0].sep || !ix.drop && len(c.ixs) == 1 {
			return false
		}
	}
	return true
}

// planOut decides how one order is copied.
func (ix *Index) planOut(order []int, mapped, spill bool, last int, lim limits) outPlan {
	switch {
	case mapped && len(order) > 0 && spill && distinct(order, ix.Len()):
		return outPlan{kind: spilled, stage: ix.layout(order, last, lim)}
	case mapped && len(order) > 0:
		return outPlan{kind: windowed}
	}
	blocks := (len(order) + blockRows - 1) / blockRows
	workers := min(2, runtime.GOMAXPROCS(0))
	if blocks < twoWorkerMin {
		workers = 1
	}
	return outPlan{kind: gathered, workers: workers}
}

// layout cuts a spilled order into windows: by row count where that cuts
// evenly (one pass of two halves stages them), else exactly, staged
// lim.group windows per pass.
func (ix *Index) layout(order []int, last int, lim limits) staging {
	if !lim.exact {
		if st, ok := ix.oneWithLast(last).layoutByCount([][]int{order}, lim.group); ok {
			st.wins = st.parts[0]
			return st
		}
	}
	wins, maxSize, maxRows := ix.layoutWindows(order, last)
	return staging{wins: wins, maxSize: maxSize, maxRows: maxRows, group: lim.group}
}
