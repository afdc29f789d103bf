package rows

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"runtime"
	"unsafe"

	"github.com/splitter-dev/splitter/internal/pages"
)

// The windowed copy: the outputs are built in windows of windowSize
// bytes, laid out one after another (each output's head, then its
// records), so that one pass over the input fills the rows of several
// outputs. For each window, the rows it holds are bucketed by input
// position (a counting sort on row number into buckets of 1<<sortShift
// rows), then copied read bucket by read bucket (about bucketBytes of
// input each) to their places in the window, so the input is read front
// to back, each bucket from cache, nearly in order. Memory: the window
// (in huge pages: a fault per 2 MiB, not per 4 KiB) and three uint32 per
// row of the window, whatever the file's size.
const (
	windowMin   = 4 << 20  // smallest window (two huge pages)
	windowMax   = 32 << 20 // largest window (entShift bits of offset)
	hugePage    = 2 << 20
	bucketBytes = 128 << 10
	maxBuckets  = 1 << 16
	sortShift   = 6 // rows per sort bucket: 1<<sortShift, a few cache lines of input
)

// windowSize is the window for outputs of about total bytes: an eighth of
// them within [windowMin, windowMax], in whole huge pages, so that large
// outputs take few passes over the input and memory stays bounded; no
// larger than total rounded up to a huge page. (A 1M-row split, 31 MB:
// 8 windows of 4 MiB; in small pages its 3 MiB windows faulted 1,500
// pages, a fifth of the run's faults, and a fault costs 6-30 us on the
// virtual machines it was measured on.)
func windowSize(total int) int {
	w := min(windowMax, max(windowMin, total/8))
	w = min(w, total+1)
	return (w + hugePage - 1) &^ (hugePage - 1)
}

// slot is the room row i takes in a window: its bytes up to the next
// record (blank lines after it included); last is the exact length of the
// last row's output (a line end added when it has none).
func (ix *Index) slot(i, last int) int { return ix.slots(last).of(i) }

// slots returns ix.slot in a value for hot loops (the offsets in locals).
func (ix *Index) slots(last int) slotter {
	return slotter{low: ix.offs.low, lastRow: ix.offs.len() - 2, last: last}
}

type slotter struct {
	low           []uint32
	lastRow, last int
}

func (s slotter) of(i int) int {
	if i == s.lastRow {
		return s.last
	}
	return int(s.low[i+1] - s.low[i])
}

// lastLen is the length of the last row's record as written (0 when
// there are no rows).
func (ix *Index) lastLen() int {
	if ix.Len() == 0 {
		return 0
	}
	s, e := ix.bounds(ix.Len() - 1)
	if len(lineEnd(ix.data[s:e])) == 0 {
		return e - s + len(ix.headerEOL)
	}
	return e - s
}

// segment is the part of a window that goes to one output: its head
// first when head is set, then window rows t0..t1-1, which are rows
// j0.. of the output's order.
type segment struct {
	k, j0, t0, t1 int
	start         int // byte offset of the segment in the window
	head          bool
}

// writeWindowed writes to each ws[k] heads[k] and then the records of
// orders[k] (all in range), the outputs laid out in one sequence of
// windows: a window's bytes are written to their outputs in turn, on a
// goroutine of their own while the next window is laid out.
func (ix *Index) writeWindowed(ctx context.Context, ws []io.Writer, heads [][]byte, orders [][]int) error {
	data := ix.data
	n := ix.Len()
	rowsPer := max(1, bucketBytes/max(1, len(data)/max(1, n)))
	shift := bits.Len(uint(rowsPer)) - 1
	fine := min(shift, sortShift)
	for n>>fine >= maxBuckets {
		fine++
	}
	shift = max(shift, fine)
	nb := n>>fine + 1
	total := 0
	for k, o := range orders {
		total += len(heads[k]) + len(o)*(len(data)/max(1, n)+1)
	}
	windowBytes := windowSize(total)
	windowRows := windowBytes / 16
	buf, free := bigAlloc(windowBytes)
	defer free()
	// The row tables in small pages: only the rows of the largest window
	// count.
	tabs, freeTabs := anonAlloc(windowRows * 12)
	defer freeTabs()
	ents := unsafe.Slice((*uint64)(unsafe.Pointer(&tabs[0])), windowRows)
	offs := unsafe.Slice((*uint32)(unsafe.Pointer(&tabs[windowRows*8])), windowRows)
	// The rows a window of average rows takes, mapped at once.
	if est := min(windowRows, windowBytes/max(1, len(data)/max(1, n))*9/8); est > 0 {
		pages.Populate(ents[:est])
		pages.Populate(offs[:est])
	}
	counts := make([]int32, nb+1)
	var rds [2][]byte // each half's read buffer (fillWindow)
	if ix.src != nil && pages.CanDrop {
		rds = [2][]byte{make([]byte, bucketRead), make([]byte, bucketRead)}
		pages.Populate(rds[0])
		pages.Populate(rds[1])
	}
	sl := ix.slots(ix.lastLen())
	// A window is written on its own goroutine while the next one is
	// laid out (its row tables are free then, its bytes are not).
	var pending chan error
	wait := func() error {
		if pending == nil {
			return nil
		}
		err := <-pending
		pending = nil
		return err
	}
	defer wait()
	var segs []segment
	var c cursor
	for c.k < len(orders) {
		if err := ctx.Err(); err != nil {
			return err
		}
		var size, m int
		segs, size, m = c.layout(segs[:0], offs, heads, orders, sl, windowBytes)
		if size == 0 && c.k == len(orders) {
			break
		}
		if size == 0 { // a head or one record larger than a window
			if err := wait(); err != nil {
				return err
			}
			if err := ix.writeAlone(ws[c.k], heads[c.k], orders[c.k], &c); err != nil {
				return err
			}
			continue
		}
		ix.bucket(ents, offs[:m], segs, orders, counts, fine)
		// Two halves of the window's input range at once: the copies go to
		// disjoint places of the window.
		if err := wait(); err != nil {
			return err
		}
		for _, s := range segs {
			if s.head {
				copy(buf[s.start:], heads[s.k])
			}
		}
		gaps, err := ix.fillHalves(buf, ents[:m], shift, rds)
		if err != nil {
			return err
		}
		parts := cutSegments(buf, size, offs[:m], segs, gaps)
		to := make([]io.Writer, len(segs)) // segs is laid out anew meanwhile
		for t, s := range segs {
			to[t] = ws[s.k]
		}
		done := make(chan error, 1)
		go func() {
			for t, p := range parts {
				if _, err := to[t].Write(p); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
		pending = done
	}
	return wait()
}

// cursor is where the layout of windows is: at row j of output k's
// order, after its head when headDone.
type cursor struct {
	k, j     int
	headDone bool
}

// layout lays out the next window, of at most windowBytes bytes and
// len(offs) rows, from c on: it appends the window's segments to segs,
// sets offs[t] to the offset of its row t, and returns them with the
// window's bytes and rows; c moves past them.
func (c *cursor) layout(segs []segment, offs []uint32, heads [][]byte, orders [][]int, sl slotter, windowBytes int) (_ []segment, size, m int) {
	var ls [64]int // slots of a batch of rows
	for c.k < len(orders) {
		order := orders[c.k]
		if !c.headDone {
			if size+len(heads[c.k]) > windowBytes {
				break
			}
			segs = append(segs, segment{k: c.k, j0: c.j, t0: m, t1: m, start: size, head: true})
			size += len(heads[c.k])
			c.headDone = true
		} else if len(segs) == 0 || segs[len(segs)-1].k != c.k {
			segs = append(segs, segment{k: c.k, j0: c.j, t0: m, t1: m, start: size})
		}
		s := &segs[len(segs)-1]
		for c.j < len(order) {
			// The slots of a batch of rows first: independent loads, so
			// that their cache misses overlap.
			bt := min(len(ls), len(order)-c.j)
			for t, i := range order[c.j : c.j+bt] {
				ls[t] = sl.of(i)
			}
			for _, l := range ls[:bt] {
				if size+l > windowBytes || m == len(offs) {
					s.t1 = m
					return segs, size, m
				}
				offs[m] = uint32(size)
				size += l
				m++
				c.j++
			}
		}
		s.t1 = m
		c.k, c.j, c.headDone = c.k+1, 0, false
	}
	return segs, size, m
}

// writeAlone writes what does not fit in a window at c, which it moves
// past it: output c.k's head, or its record order[c.j], from the input
// directly to w.
func (ix *Index) writeAlone(w io.Writer, head []byte, order []int, c *cursor) error {
	if !c.headDone {
		c.headDone = true
		_, err := w.Write(head)
		return err
	}
	_, err := w.Write(ix.appendRows(nil, order[c.j:c.j+1]))
	if ix.drop {
		pages.Drop(ix.data)
	}
	c.j++
	return err
}

// bucket fills ents with the window's rows (row << entShift | offset in
// the window, offset offs[t] for window row t of segs), sorted by buckets
// of 1<<fine rows of the input.
func (ix *Index) bucket(ents []uint64, offs []uint32, segs []segment, orders [][]int, counts []int32, fine int) {
	clear(counts)
	nb := len(counts) - 1
	for _, s := range segs {
		for _, i := range orders[s.k][s.j0 : s.j0+s.t1-s.t0] {
			counts[i>>fine+1]++
		}
	}
	for b := 1; b <= nb; b++ {
		counts[b] += counts[b-1]
	}
	for _, s := range segs {
		for t, i := range orders[s.k][s.j0 : s.j0+s.t1-s.t0] {
			b := i >> fine
			ents[counts[b]] = uint64(i)<<entShift | uint64(offs[s.t0+t])
			counts[b]++
		}
	}
}

// fillHalves fills the window buf with the rows of ents, the two halves
// at once (they copy to disjoint places), and returns the records shorter
// than their slots (fillWindow).
func (ix *Index) fillHalves(buf []byte, ents []uint64, shift int, rds [2][]byte) (map[uint64]int, error) {
	half := len(ents) / 2
	type filled struct {
		gaps map[uint64]int
		err  error
	}
	gapc := make(chan filled, 1)
	go func() {
		var r filled
		r.err = ix.guard(func() (err error) { r.gaps, err = ix.fillWindow(buf, ents[:half], shift, rds[0]); return err })
		gapc <- r
	}()
	var gaps map[uint64]int
	// Guarded here too: a fault must not unwind past the wait for the
	// other half, which writes to the window.
	err := ix.guard(func() (err error) { gaps, err = ix.fillWindow(buf, ents[half:], shift, rds[1]); return err })
	other := <-gapc
	if err == nil {
		err = other.err
	}
	if err != nil {
		return nil, err
	}
	for o, l := range other.gaps {
		if gaps == nil {
			gaps = map[uint64]int{}
		}
		gaps[o] = l
	}
	return gaps, nil
}

// cutSegments returns the bytes of each segment of a filled window of
// size bytes, the records shorter than their slots (gaps, by offset)
// closed up.
func cutSegments(buf []byte, size int, offs []uint32, segs []segment, gaps map[uint64]int) [][]byte {
	parts := make([][]byte, len(segs))
	for x, s := range segs {
		end := size
		if x+1 < len(segs) {
			end = segs[x+1].start
		}
		p := end
		if gaps != nil && s.t1 > s.t0 {
			// Blank lines followed some records: close the gaps.
			p = int(offs[s.t0])
			for t := s.t0; t < s.t1; t++ {
				o, e := int(offs[t]), end
				if t+1 < s.t1 {
					e = int(offs[t+1])
				}
				l, ok := gaps[uint64(o)]
				if !ok {
					l = e - o
				}
				p += copy(buf[p:], buf[o:o+l])
			}
		}
		parts[x] = buf[s.start:p]
	}
	return parts
}

// entShift packs a window entry: row << entShift | offset in the window.
const entShift = 26

// bucketRead is the most bytes of a bucket read from the file at once (see
// fillWindow); larger buckets are read through the mapping.
const bucketRead = 4 * bucketBytes

// fillWindow copies the rows of ents (row, offset; in input order of
// buckets of 1<<shift rows) to their offsets in buf and returns, by
// offset, the lengths of the records shorter than their slots (blank
// lines after them). Each bucket is read from the file into rd (reused):
// every window reads the whole input, and reading it through the mapping
// would fault its pages in and release them again (dropPages) each time,
// which flushes the other core's TLB: a 1M-row split spent more time so
// than copying. Without the file, or for a bucket larger than rd, the
// mapping is read, and released behind.
func (ix *Index) fillWindow(buf []byte, ents []uint64, shift int, rd []byte) (map[uint64]int, error) {
	var gaps map[uint64]int
	n, offs := ix.Len(), ix.offs
	src := ix.src
	if !pages.CanDrop {
		src = nil
	}
	for j := 0; j < len(ents); {
		b := int(ents[j]>>entShift) >> shift
		k := j + 1
		for k < len(ents) && int(ents[k]>>entShift)>>shift == b {
			k++
		}
		lo, hi := int(offs.at(b<<shift)), int(offs.at(min(n, (b+1)<<shift)))
		if src != nil && hi-lo <= len(rd) {
			if _, err := src.ReadAt(rd[:hi-lo], int64(lo)); err != nil {
				if errors.Is(err, io.EOF) {
					return nil, ix.changed()
				}
				return nil, fmt.Errorf("%s: %w", ix.name, err)
			}
			gaps = ix.fillFrom(buf, ents[j:k], rd[:hi-lo], lo, gaps)
		} else {
			gaps = ix.fillFrom(buf, ents[j:k], ix.data, 0, gaps)
			if ix.drop {
				pages.Drop(ix.data[lo&^(pageSize-1) : hi])
			}
		}
		j = k
	}
	return gaps, nil
}

// fillFrom copies the rows of ents to their offsets in buf from data,
// the input's bytes from base on, and adds to gaps (returned) the records
// shorter than their slots.
func (ix *Index) fillFrom(buf []byte, ents []uint64, data []byte, base int, gaps map[uint64]int) map[uint64]int {
	offs, sep, size := ix.offs, ix.sep, len(ix.data)
	// Batches: first the offsets and the first and last byte of every
	// record are loaded (independent loads, so the cache misses overlap),
	// then the records are copied from cache.
	const batch = 32
	var ss, nx [batch]int
	var sink byte
	for j0 := 0; j0 < len(ents); j0 += batch {
		es := ents[j0:min(j0+batch, len(ents))]
		for t, e := range es {
			i := int(e >> entShift)
			ss[t] = int(offs.at(i)) - base
			nx[t] = ss[t] + offs.size(i)
		}
		for t := range es {
			sink += data[ss[t]] + data[nx[t]-1]
		}
		for t, en := range es {
			s, next := ss[t], nx[t]
			o := en & (1<<entShift - 1)
			e := recordEnd(data, s, next, sep)
			c := put(buf[o:], data[s:e])
			if next+base == size { // the last row: its slot is exact
				if len(lineEnd(data[s:e])) == 0 {
					copy(buf[int(o)+c:], ix.headerEOL)
				}
				continue
			}
			if e != next {
				if gaps == nil {
					gaps = map[uint64]int{}
				}
				gaps[o] = c
			}
		}
	}
	runtime.KeepAlive(sink)
	return gaps
}

// put copies src to the start of dst (at least as long) and returns
// len(src): a record of 8 to 32 bytes by two overlapping moves inline,
// cheaper than copy's call for the short rows of most tables.
func put(dst, src []byte) int {
	switch l := len(src); {
	case l >= 16 && l <= 32:
		*(*[16]byte)(dst) = *(*[16]byte)(src)
		*(*[16]byte)(dst[l-16:]) = *(*[16]byte)(src[l-16:])
	case l >= 8 && l < 16:
		*(*[8]byte)(dst) = *(*[8]byte)(src)
		*(*[8]byte)(dst[l-8:]) = *(*[8]byte)(src[l-8:])
	default:
		return copy(dst, src)
	}
	return len(src)
}
