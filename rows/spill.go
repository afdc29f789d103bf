package rows

import (
	"context"
	"fmt"
	"io"
	"math/bits"
	"os"
	"runtime"
	"sync/atomic"
	"unsafe"

	"github.com/splitter-dev/splitter/internal/pages"
)

// The spilled copy, for large mapped inputs: memory stays bounded and the
// input is read front to back once per output, whatever its size.
//
// The output is cut into windows of at most spillWindow bytes (or
// spillRows rows), in output order. Pass 1 reads the input once and appends
// each row of the output to its window's region of a temporary file (within
// a region the rows keep input order). Pass 2 takes the windows in turn:
// it reads a region back into memory, sorts the window's rows by input
// position (which gives each row's place in the region) and writes the rows
// in output order. An output that fits one window skips the file: pass 1
// fills the window in memory.
//
// Memory: one byte per input row (window numbers) and a buffer per window
// during pass 1, both freed when it ends; then two windows, 16 bytes per
// row of each and a few write buffers; the input's pages are released
// behind pass 1. Each row's bytes cross memory three times (to the file,
// back, to the output), in long sequential runs but for the gather within
// a window.
const (
	spillWindow = 4 << 20  // largest window (bytes)
	spillRows   = 1 << 17  // largest window (rows)
	spillBuf    = 64 << 10 // pass 1's buffer per window
	spillChunk  = 1 << 20  // output write size
	entBits     = 26       // ents: row<<entBits | position in the window
	entMask     = 1<<entBits - 1
)

// window is a run of the output: order[r0:r1], whose slots (row bytes up
// to the next record) take size bytes at off in the spill file. A direct
// window is one record larger than a window, copied straight from the
// input.
type window struct {
	r0, r1 int
	off    int64
	size   int
	direct bool
}

// layoutWindows cuts order into windows.
func (ix *Index) layoutWindows(order []int, last int) (wins []window, maxSize, maxRows int) {
	cur := window{}
	end := func(r int) {
		if r > cur.r0 {
			cur.r1 = r
			wins = append(wins, cur)
			maxSize, maxRows = max(maxSize, cur.size), max(maxRows, r-cur.r0)
			cur = window{off: cur.off + int64(cur.size)}
		}
		cur.r0 = r
	}
	// The slots are loaded a batch at a time (independent loads of a
	// random order: their cache misses overlap), then laid out.
	const batch = 32
	var ls [batch]int
	sl := ix.slots(last)
	for r0 := 0; r0 < len(order); r0 += batch {
		ob := order[r0:min(r0+batch, len(order))]
		for t, i := range ob {
			ls[t] = sl.of(i)
		}
		for t, l := range ls[:len(ob)] {
			r := r0 + t
			if l > spillWindow {
				end(r)
				wins = append(wins, window{r0: r, r1: r + 1, off: cur.off, direct: true})
				cur.r0 = r + 1
				continue
			}
			if cur.size+l > spillWindow || r-cur.r0 >= spillRows {
				end(r)
			}
			cur.size += l
		}
	}
	end(len(order))
	return wins, maxSize, maxRows
}

// staging is how a spilled output's windows are laid out and staged (or,
// shared, those of a set of outputs).
type staging struct {
	wins             []window   // the output's windows, in output order
	parts            [][]window // cut by row count: each order's windows
	maxSize, maxRows int
	// Cut by row count, pass is the one pass over the input that stages
	// every window. Cut exactly (pass nil), the windows are staged group at
	// a time.
	pass  *stagePass
	group int
}

// stagePass is one pass over the input that copies the rows of its
// windows to their regions: rows first to mid and mid to end, at once.
type stagePass struct {
	wins            []window // numbered together: their regions follow each other
	ids             []uint8  // 1 + each input row's window in wins (0 for rows of none)
	freeIDs         func()   // frees ids (see release)
	first, mid, end int
	half            []int // bytes each window takes from the rows before mid (nil: none)
}

// newIDs returns a zeroed window number for each of n rows, outside the
// Go heap for a large input (see release), and the function that frees
// it.
func newIDs(n int) ([]uint8, func()) {
	ids, free := bigAlloc(n)
	return ids[:n:n], free
}

// release frees the pass's window numbers, a byte per input row, once
// the pass has run (or will not): they must not outlive the staging into
// the copy's window buffers, which would add them to its peak memory.
// It may be called more than once.
func (p *stagePass) release() {
	if p == nil || p.freeIDs == nil {
		return
	}
	p.freeIDs()
	p.ids, p.freeIDs = nil, nil
}

// layoutByCount cuts each order into windows of equal row counts, sized
// for spillWindow at the input's mean slot, and measures them in one pass
// over the offsets in input order: cheaper than layoutWindows' reads in
// output order, which miss the cache at every row. ok is false, for
// layoutWindows to cut exactly (or for the orders to be written each by
// its own plan), when that makes more than group windows in all, a
// window larger than twice spillWindow (rows of very uneven widths in a
// run of an order), a record larger than a window or a row named twice.
func (c concat) layoutByCount(orders [][]int, group int) (st staging, ok bool) {
	n := c.Len()
	per := min(spillRows, max(1, spillWindow/max(1, c.size()/max(1, n))))
	total := 0
	for _, order := range orders {
		total += (len(order) + per - 1) / per
	}
	if total > group {
		return st, false
	}
	ids, freeIDs := newIDs(n)
	pass := &stagePass{ids: ids, freeIDs: freeIDs, mid: n / 2, end: n}
	defer func() {
		if !ok {
			pass.release()
		}
	}()
	// Written once in each page before the random reads below: a fresh
	// page read first maps the shared zero page, and the write after it
	// then copies it and flushes the other core's TLB, a page at a time.
	for p := 0; p < n; p += pageSize {
		ids[p] = 0
	}
	id := 0
	for _, order := range orders {
		for r0 := 0; r0 < len(order); r0 += per {
			id++
			for _, i := range order[r0:min(r0+per, len(order))] {
				if ids[i] != 0 {
					return st, false
				}
				ids[i] = uint8(id)
			}
		}
	}
	sizes := make([]int, total)
	for k := range c.ixs {
		lo, sl := c.starts[k], c.slots(k)
		for i, id := range ids[lo:c.starts[k+1]] {
			if lo+i == pass.mid {
				pass.half = append([]int(nil), sizes...)
			}
			if id != 0 {
				l := sl.of(i)
				if l > spillWindow {
					return st, false
				}
				sizes[id-1] += l
			}
		}
	}
	if pass.half == nil {
		pass.half = make([]int, total)
	}
	var off int64
	st.parts = make([][]window, len(orders))
	id = 0
	for p, order := range orders {
		for r0 := 0; r0 < len(order); r0 += per {
			size := sizes[id]
			id++
			if size > 2*spillWindow {
				return st, false
			}
			r1 := min(len(order), r0+per)
			win := window{r0: r0, r1: r1, off: off, size: size}
			st.parts[p] = append(st.parts[p], win)
			pass.wins = append(pass.wins, win)
			off += int64(size)
			st.maxSize, st.maxRows = max(st.maxSize, size), max(st.maxRows, r1-r0)
		}
	}
	st.pass = pass
	return st, true
}

// groupPass is the pass that stages wins (windows of order cut exactly).
func (ix *Index) groupPass(order []int, wins []window) *stagePass {
	n := ix.Len()
	ids, freeIDs := newIDs(n)
	p := &stagePass{wins: wins, ids: ids, freeIDs: freeIDs, first: n}
	for k, win := range wins {
		for _, i := range order[win.r0:win.r1] {
			p.ids[i] = uint8(k + 1)
			p.first, p.end = min(p.first, i), max(p.end, i+1)
		}
	}
	p.mid = p.end
	return p
}

// stageDst is where passes stage rows: the spill file f, or for one
// window, mem.
type stageDst struct {
	f    *os.File
	mem  []byte
	regs []region // with f: the buffers of the windows' regions, carried from index to index
	read []byte   // a seqReader's buffer, reused index to index
}

// stage runs the pass p: the rows before and from p.mid are copied to
// their windows' regions by two goroutines at once. Then it releases p.
func (c concat) stage(ctx context.Context, p *stagePass, dst stageDst) error {
	defer p.release()
	if len(p.wins) == 0 {
		return nil
	}
	start := make([]int64, len(p.wins))
	at := make([]int64, len(p.wins))
	for k, w := range p.wins {
		start[k], at[k] = w.off, w.off
		if p.half != nil {
			at[k] += int64(p.half[k])
		}
	}
	if p.mid >= p.end {
		return c.spillRange(ctx, p, p.first, p.end, start, dst)
	}
	errc := make(chan error, 1)
	go func() { errc <- c.spillRange(ctx, p, p.mid, p.end, at, dst) }()
	err := c.spillRange(ctx, p, p.first, p.mid, start, dst)
	if e := <-errc; err == nil {
		err = e
	}
	return err
}

// spillRange runs the pass p over rows first to end-1 of c: over each
// index's share in turn, guarded (a fault must not unwind past the wait
// for the other half of stage, which writes to mem), the windows'
// buffers carried from index to index.
func (c concat) spillRange(ctx context.Context, p *stagePass, first, end int, at []int64, dst stageDst) error {
	if dst.f != nil {
		var free func()
		dst.regs, free = newRegions(at)
		defer free()
	}
	for k, ix := range c.ixs {
		lo, hi := c.starts[k], c.starts[k+1]
		a, b := max(first, lo), min(end, hi)
		if a >= b {
			continue
		}
		sp := *p
		sp.ids = p.ids[lo:hi]
		if err := ix.guard(func() error { return ix.spillPass(ctx, &sp, a-lo, b-lo, at, dst) }); err != nil {
			return err
		}
		if dst.read == nil {
			dst.read = make([]byte, 0, seqReadBuf)
		}
	}
	for k := range dst.regs {
		if len(dst.regs[k].buf) > 0 {
			if err := dst.regs[k].flush(dst.f); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeSpilled writes head and then the records of order (all in range),
// laid out by st.
func (ix *Index) writeSpilled(ctx context.Context, w io.Writer, head []byte, order []int, st staging) (err error) {
	var staged []window
	for _, win := range st.wins {
		if !win.direct {
			staged = append(staged, win)
		}
	}
	sets, freeSets := newWinBufs(min(2, len(staged)), st.maxSize, st.maxRows)
	defer freeSets()
	out := newChunkWriter(w)
	defer func() {
		if e := out.close(); err == nil {
			err = e
		}
	}()
	if err := out.write(head); err != nil {
		return err
	}
	c := ix.one()
	var f *os.File
	if len(staged) > 0 {
		dst := stageDst{mem: sets[0].stage} // one window: in memory
		if len(staged) > 1 {
			var done func()
			if f, done, err = ix.spillFile(); err != nil {
				return err
			}
			defer done()
			dst = stageDst{f: f}
		}
		if st.pass != nil {
			err = c.stage(ctx, st.pass, dst)
		}
		for g := 0; st.pass == nil && g < len(staged) && err == nil; g += st.group {
			err = c.stage(ctx, ix.groupPass(order, staged[g:min(g+st.group, len(staged))]), dst)
		}
		if err != nil {
			return err
		}
	}
	return c.emitWindows(ctx, out, order, st.wins, f, sets)
}

// newWinBufs allocates k window buffers for windows of up to maxSize
// bytes and maxRows rows.
func newWinBufs(k, maxSize, maxRows int) ([]winBuf, func()) {
	sets := make([]winBuf, k)
	var frees []func()
	for j := range sets {
		var free func()
		sets[j].stage, free = bigAlloc(maxSize)
		frees = append(frees, free)
		sets[j].tab, free = bigAlloc(maxRows * 16)
		frees = append(frees, free)
	}
	return sets, func() {
		for _, free := range frees {
			free()
		}
	}
}

// emitWindows writes the windows of order in turn: direct ones from the
// input, spilled ones from f (or, without f, the one window already in
// sets[0]). With two buffer sets a locator goroutine reads back and sorts
// each window while the one before it is gathered.
func (c concat) emitWindows(ctx context.Context, out *chunkWriter, order []int, wins []window, f *os.File, sets []winBuf) error {
	var spilled []window
	for _, win := range wins {
		if !win.direct {
			spilled = append(spilled, win)
		}
	}
	if len(spilled) == 0 {
		for _, win := range wins {
			if err := c.writeDirect(out, order[win.r0]); err != nil {
				return err
			}
		}
		return nil
	}
	free := make(chan *winBuf, len(sets))
	ready := make(chan *winBuf, len(sets))
	for k := range sets {
		free <- &sets[k]
	}
	stop := make(chan struct{})
	located := make(chan struct{})
	go func() {
		defer close(located)
		for _, win := range spilled {
			var b *winBuf
			select {
			case b = <-free:
			case <-stop:
				return
			}
			b.loc, b.err = nil, nil
			if f != nil {
				if _, err := f.ReadAt(b.stage[:win.size], win.off); err != nil {
					b.err = fmt.Errorf("rows: reading the spill file: %w", err)
				}
			}
			if b.err == nil {
				b.loc, b.err = c.locate(order[win.r0:win.r1], win.size, b.tab)
			}
			ready <- b
		}
	}()
	defer func() {
		close(stop)
		<-located
	}()
	for _, win := range wins {
		if err := ctx.Err(); err != nil {
			return err
		}
		if win.direct {
			if err := c.writeDirect(out, order[win.r0]); err != nil {
				return err
			}
			continue
		}
		b := <-ready
		if b.err != nil {
			return b.err
		}
		if err := gatherWindow(ctx, out, b.loc, b.stage, c.ixs[0].sep); err != nil {
			return err
		}
		free <- b
	}
	return nil
}

// winBuf is room for one window: its bytes, its row tables and, once
// located, where its rows are.
type winBuf struct {
	stage, tab []byte
	loc        []uint64
	err        error
}

// spillFile creates the spill file in Options.TempDir, unlinked at once
// where the system allows it (an interrupted run leaves nothing behind),
// and returns it with the function that closes (and removes) it.
func (ix *Index) spillFile() (*os.File, func(), error) {
	f, err := os.CreateTemp(ix.tempDir, "splitter-spill-*")
	if err != nil {
		return nil, nil, fmt.Errorf("rows: spill file: %w", err)
	}
	removed := os.Remove(f.Name()) == nil
	return f, func() {
		f.Close()
		if !removed {
			os.Remove(f.Name())
		}
	}, nil
}

// writeDirect writes row i's record from its index.
func (c concat) writeDirect(out *chunkWriter, i int) error {
	k := c.shardOf(i)
	return c.ixs[k].writeDirect(out, i-c.starts[k])
}

// writeDirect writes row i's record from the input and releases its pages.
func (ix *Index) writeDirect(out *chunkWriter, i int) error {
	s, e := ix.bounds(i)
	rec := ix.data[s:e]
	if err := out.write(rec); err != nil {
		return err
	}
	if ix.drop {
		pages.Drop(ix.data[s&^(pageSize-1) : e])
	}
	if len(lineEnd(rec)) == 0 {
		return out.write(ix.headerEOL)
	}
	return nil
}

// spillPass copies the slot of every row from first to end-1 of the
// pass p's windows to its window's region: through dst.regs to the spill
// file (flushed by the caller), or (one window) in memory from at[0],
// which it leaves where the next row goes.
func (ix *Index) spillPass(ctx context.Context, p *stagePass, first, end int, at []int64, dst stageDst) error {
	n := ix.Len()
	ids, f, mem := p.ids, dst.f, dst.mem
	last := ix.lastLen()
	regs := dst.regs
	data, offs := ix.data, ix.offs
	pos := int(offs.at(first)) // row i's start
	rd := ix.newSeqReader(int(offs.at(end)), dst.read)
	dr := newDropper(data, pos, ix.drop && rd.buf == nil)
	dropAt := pos + dropChunk
	m := 0 // in mem
	if f == nil {
		m = int(at[0] - p.wins[0].off)
	}
	for i := first; i < end; i++ {
		s := pos
		pos += offs.size(i)
		k := ids[i]
		if k == 0 {
			continue
		}
		rec, mapped, err := rd.bytes(s, pos)
		if err != nil {
			return err
		}
		// A record larger than the buffer is read through the mapping and
		// released once copied.
		release := mapped && ix.drop && rd.buf != nil
		var eol []byte
		if i == n-1 { // the last row: its record, with a line end
			_, e := ix.bounds(i)
			rec = rec[:e-s]
			if len(rec) != last {
				eol = ix.headerEOL
			}
		}
		if f == nil {
			m += copy(mem[m:], rec)
			m += copy(mem[m:], eol)
		} else if r := &regs[k-1]; len(r.buf)+len(rec) <= cap(r.buf) && eol == nil {
			r.buf = append(r.buf, rec...)
		} else if err := r.add(f, rec, eol); err != nil {
			return err
		}
		if release {
			pages.Drop(data[s&^(pageSize-1) : pos])
		}
		if s >= dropAt {
			dr.advance(s)
			dropAt = s + dropChunk
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	dr.finish(int(offs.at(end)))
	if f == nil {
		at[0] = p.wins[0].off + int64(m)
	}
	return nil
}

// region is a pass's buffer of rows for one window's region of the
// spill file.
type region struct {
	buf []byte
	off int64 // where buf goes in the file
}

// newRegions returns a buffer of spillBuf bytes for each window's region,
// window k's from at[k], and the function that frees them: outside the
// Go heap when large (a few MiB for a large input), so that they are
// gone, not garbage, once the pass is done and the windows are written.
func newRegions(at []int64) ([]region, func()) {
	pool, free := bigAlloc(len(at) * spillBuf)
	regs := make([]region, len(at))
	for k := range regs {
		regs[k] = region{buf: pool[k*spillBuf : k*spillBuf : (k+1)*spillBuf], off: at[k]}
	}
	return regs, free
}

// add appends rec and eol to r, flushing it to f as it fills.
func (r *region) add(f *os.File, rec, eol []byte) error {
	for _, b := range [][]byte{rec, eol} {
		for len(b) > 0 {
			if len(r.buf) == cap(r.buf) {
				if err := r.flush(f); err != nil {
					return err
				}
			}
			c := copy(r.buf[len(r.buf):cap(r.buf)], b)
			r.buf = r.buf[:len(r.buf)+c]
			b = b[c:]
		}
	}
	return nil
}

// flush writes r's rows to f.
func (r *region) flush(f *os.File) error {
	if _, err := f.WriteAt(r.buf, r.off); err != nil {
		return fmt.Errorf("rows: writing the spill file: %w", err)
	}
	r.off += int64(len(r.buf))
	r.buf = r.buf[:0]
	return nil
}

// locate finds where each row of a window (rows, in output order) sits in
// its region of size bytes, whose slots are in input order: it returns, by
// position in the window, offset<<32 | slot length, with locLast set for
// an index's last row (its slot is its record). tab is room for 16 bytes
// a row.
func (c concat) locate(rows []int, size int, tab []byte) ([]uint64, error) {
	m := len(rows)
	ents := unsafe.Slice((*uint64)(unsafe.Pointer(&tab[0])), 2*m)
	a, b := ents[:m], ents[m:]
	for k, i := range rows {
		a[k] = uint64(i)<<entBits | uint64(k)
	}
	sorted := radixSort(a, b, bits.Len(uint(c.Len()-1)))
	// Each row's place in the region: the slots of the window's rows
	// before it in input order. loc is the other half of the table.
	loc := b
	if &sorted[0] == &b[0] {
		loc = a
	}
	so := 0
	k := c.shardOf(int(sorted[0] >> entBits))
	sl, lo, hi := c.slots(k), c.starts[k], c.starts[k+1]
	for _, e := range sorted {
		i := int(e >> entBits)
		for i >= hi {
			k++
			sl, lo, hi = c.slots(k), c.starts[k], c.starts[k+1]
		}
		l := sl.of(i - lo)
		x := uint64(so)<<32 | uint64(l)
		if i == hi-1 {
			x |= locLast
		}
		loc[e&entMask] = x
		so += l
	}
	if so != size {
		return nil, fmt.Errorf("rows: internal error: window of %d bytes holds %d", size, so)
	}
	return loc[:m], nil
}

// Bits of a row's entry in locate's table, below its offset.
const (
	locLen  = 1<<31 - 1 // slot length (at most a window's size)
	locLast = 1 << 31   // an index's last row: its slot is exactly its record
)

// gatherWindow writes the rows of a window, in output order, from stage,
// where loc (from locate) places them; sep is the delimiter.
func gatherWindow(ctx context.Context, out *chunkWriter, loc []uint64, stage []byte, sep byte) error {
	m := len(loc)
	buf := out.buffer()
	// Batches: first the first and last byte of every record are loaded
	// (independent loads, so the cache misses overlap), then the records
	// are copied from cache.
	const batch = 16
	var sink byte
	for k0 := 0; k0 < m; k0 += batch {
		lb := loc[k0:min(k0+batch, m)]
		for _, x := range lb {
			s := int(x >> 32)
			sink += stage[s] + stage[s+int(x&locLen)-1]
		}
		for _, x := range lb {
			s := int(x >> 32)
			e := s + int(x&locLen)
			if x&locLast == 0 {
				e = recordEnd(stage, s, e, sep)
			}
			if len(buf)+e-s > cap(buf) {
				if err := out.send(buf); err != nil {
					return err
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				buf = out.buffer()
			}
			if e-s > cap(buf) { // a record larger than a chunk
				if err := out.write(stage[s:e]); err != nil {
					return err
				}
				continue
			}
			buf = append(buf, stage[s:e]...)
		}
	}
	runtime.KeepAlive(sink)
	return out.send(buf)
}

// radixSort sorts a by its bits above entBits (keys of keyBits bits),
// using b as scratch, and returns the sorted slice (a or b).
func radixSort(a, b []uint64, keyBits int) []uint64 {
	passes := max(1, (keyBits+11)/12)
	digit := (keyBits + passes - 1) / passes
	var count [1 << 12]int
	shift := uint(entBits)
	mask := uint64(1)<<digit - 1
	for p := 0; p < passes; p++ {
		clear(count[:mask+1])
		for _, e := range a {
			count[(e>>shift)&mask]++
		}
		sum := 0
		for d := range count[:mask+1] {
			c := count[d]
			count[d] = sum
			sum += c
		}
		for _, e := range a {
			d := (e >> shift) & mask
			b[count[d]] = e
			count[d]++
		}
		a, b = b, a
		shift += uint(digit)
	}
	return a
}

// chunkWriter writes chunks of output on its own goroutine (the writer
// hashes and compresses too), so that gathering the next chunk overlaps.
type chunkWriter struct {
	w      io.Writer
	work   chan []byte
	free   chan []byte
	done   chan error
	failed atomic.Bool // a write failed: stop producing
	err    error
}

func newChunkWriter(w io.Writer) *chunkWriter {
	c := &chunkWriter{w: w, work: make(chan []byte, 2), free: make(chan []byte, 3), done: make(chan error, 1)}
	for k := 0; k < 3; k++ {
		c.free <- make([]byte, 0, spillChunk)
	}
	work := c.work
	go func() {
		var err error
		for b := range work {
			if err == nil {
				if _, err = c.w.Write(b); err != nil {
					c.failed.Store(true)
				}
			}
			c.free <- b[:0]
		}
		c.done <- err
	}()
	return c
}

// buffer returns an empty chunk.
func (c *chunkWriter) buffer() []byte { return <-c.free }

// send queues b (from buffer) for writing and reports an earlier write's
// error.
func (c *chunkWriter) send(b []byte) error {
	if c.failed.Load() {
		return c.close()
	}
	c.work <- b
	return nil
}

// write queues a copy of p.
func (c *chunkWriter) write(p []byte) error {
	for len(p) > 0 {
		b := c.buffer()
		k := min(len(p), cap(b))
		if err := c.send(append(b, p[:k]...)); err != nil {
			return err
		}
		p = p[k:]
	}
	return nil
}

// close waits for the queued chunks and returns the first write error.
func (c *chunkWriter) close() error {
	if c.work == nil {
		return c.err
	}
	close(c.work)
	c.work = nil
	c.err = <-c.done
	runtime.KeepAlive(c.w)
	return c.err
}
