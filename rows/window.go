package rows

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"runtime"
	"unsafe"
)

// The windowed copy: the output is built in windows of windowBytes. For
// each window, the rows it holds are bucketed by input position (a
// counting sort on row number into buckets of about bucketBytes of
// input), then copied bucket by bucket to their places in the window, so
// the input is read front to back, each bucket from cache, and released
// behind. Memory: the window and three uint32 per row of the window,
// whatever the file's size.
const (
	windowMin   = 3 << 20  // smallest window
	windowMax   = 32 << 20 // largest window (entShift bits of offset)
	bucketBytes = 128 << 10
	maxBuckets  = 1 << 16
)

// windowSize is the window for writing rows rows of avg bytes: an eighth
// of the output within [windowMin, windowMax], so that a large output
// takes few passes over the input and memory stays bounded. (A quarter
// saves two passes of a 1M-row split, 5% of its time run after run; but
// on this virtual machine fresh memory costs up to 3 ms a MB once other
// jobs have churned memory, and there the bigger windows cost 12% more.
// A sixteenth costs 10% more there too.)
func windowSize(rows, avg int) int {
	return min(windowMax, max(windowMin, rows/8*avg))
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

// writeWindowed writes head and then the records of order (all in range)
// through windows.
func (ix *Index) writeWindowed(ctx context.Context, w io.Writer, head []byte, order []int) error {
	if _, err := w.Write(head); err != nil {
		return err
	}
	data := ix.data
	n := ix.Len()
	rowsPer := max(1, bucketBytes/max(1, len(data)/max(1, n)))
	shift := bits.Len(uint(rowsPer)) - 1
	for n>>shift >= maxBuckets {
		shift++
	}
	nb := n>>shift + 1
	windowBytes := windowSize(len(order), len(data)/max(1, n)+1)
	windowRows := windowBytes / 16
	// One mapping for the window and its row tables (only the pages used
	// count), returned to the system at the end.
	mem, free := anonAlloc(windowBytes + windowRows*12)
	defer free()
	buf := mem[:windowBytes:windowBytes]
	ents := unsafe.Slice((*uint64)(unsafe.Pointer(&mem[windowBytes])), windowRows)
	offs := unsafe.Slice((*uint32)(unsafe.Pointer(&mem[windowBytes+windowRows*8])), windowRows)
	counts := make([]int32, nb+1)
	var rds [2][]byte // each half's read buffer (fillWindow)
	if ix.src != nil && canDrop {
		rds = [2][]byte{make([]byte, bucketRead), make([]byte, bucketRead)}
	}
	last := ix.lastLen()
	sl := ix.slots(last)
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
	for r0 := 0; r0 < len(order); {
		if err := ctx.Err(); err != nil {
			return err
		}
		size, r1 := 0, r0
		for r1 < len(order) && r1-r0 < windowRows {
			l := sl.of(order[r1])
			if size+l > windowBytes {
				break
			}
			offs[r1-r0] = uint32(size)
			size += l
			r1++
		}
		if r1 == r0 { // one record larger than a window
			if err := wait(); err != nil {
				return err
			}
			if _, err := w.Write(ix.appendRows(nil, order[r0:r0+1])); err != nil {
				return err
			}
			if ix.drop {
				dropPages(data)
			}
			r0++
			continue
		}
		m := r1 - r0
		win := order[r0:r1]
		clear(counts)
		for _, i := range win {
			counts[i>>shift+1]++
		}
		for b := 1; b <= nb; b++ {
			counts[b] += counts[b-1]
		}
		for k, i := range win {
			b := i >> shift
			ents[counts[b]] = uint64(i)<<entShift | uint64(offs[k])
			counts[b]++
		}
		// Two halves of the window's input range at once: the copies go to
		// disjoint places of the window.
		if err := wait(); err != nil {
			return err
		}
		half := m / 2
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
		err := ix.guard(func() (err error) { gaps, err = ix.fillWindow(buf, ents[half:m], shift, rds[1]); return err })
		other := <-gapc
		if err == nil {
			err = other.err
		}
		if err != nil {
			return err
		}
		for o, l := range other.gaps {
			if gaps == nil {
				gaps = map[uint64]int{}
			}
			gaps[o] = l
		}
		out := buf[:size]
		if gaps != nil {
			// Blank lines followed some records: close the gaps.
			p := 0
			for k := 0; k < m; k++ {
				o, end := int(offs[k]), size
				if k+1 < m {
					end = int(offs[k+1])
				}
				l, ok := gaps[uint64(o)]
				if !ok {
					l = end - o
				}
				p += copy(buf[p:], buf[o:o+l])
			}
			out = buf[:p]
		}
		done := make(chan error, 1)
		go func() {
			_, err := w.Write(out)
			done <- err
		}()
		pending = done
		r0 = r1
	}
	return wait()
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
	if !canDrop {
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
				dropPages(ix.data[lo&^(pageSize-1) : hi])
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
