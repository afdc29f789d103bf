package rows

import (
	"fmt"
	"math"
	"unsafe"

	"github.com/splitter-dev/splitter/internal/pages"
)

// offsets are an Index's record starts, one per row and then the end of
// the data, in 4 bytes each: the low 32 bits of every start, and the full
// start of the first row of every block of 1<<shift rows. Blocks have
// 65,536 rows, or fewer where a block would span 4 GiB or more (rows of
// 64 KiB on average; one row a block at worst, 12 bytes a row). A row's
// size is the difference of two low words. Against plain int64 starts
// this halves the index, a third of a large split's memory, and the cache
// lines a random order touches.
type offsets struct {
	low   []uint32
	base  []int64 // base[b] is the start of row b<<shift
	shift uint
}

const offShift = 16 // the largest block: 1<<offShift rows

// at returns the start of row i (the end of the data for i = rows).
func (o offsets) at(i int) int64 {
	b := o.base[i>>o.shift]
	return b + int64(o.low[i]-uint32(b))
}

// size returns at(i+1) - at(i).
func (o offsets) size(i int) int { return int(o.low[i+1] - o.low[i]) }

// len returns the number of offsets (rows + 1).
func (o offsets) len() int { return len(o.low) }

// packOffsets packs the starts held in parts, in order, into the memory
// of parts[0] (written in place: row i's 4 bytes overwrite bytes 4i..4i+3,
// within parts[0][i/2], read before; the rows of later parts land past
// the first part's own, or in its spare capacity). When parts[0]'s memory
// is a mapping of its own (own), the pages left unused are released to the
// system. When parts[0] has no room, the offsets go to new memory, which
// free releases (nil otherwise). It fails on a record of 4 GiB or more
// (ErrHugeRecord), or when that memory cannot be had.
func packOffsets(parts [][]int64, own bool) (_ offsets, free func(), _ error) {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	at := func(g int) int64 {
		for _, p := range parts {
			if g < len(p) {
				return p[g]
			}
			g -= len(p)
		}
		panic("rows: offset out of range")
	}
	shift := uint(offShift)
	for !spansFit(at, n, shift) {
		if shift == 0 {
			return offsets{}, nil, ErrHugeRecord
		}
		shift--
	}
	base := make([]int64, (n-1)>>shift+1)
	for b := range base {
		base[b] = at(b << shift)
	}
	first := parts[0]
	var low []uint32
	if 4*n <= 8*cap(first) {
		low = unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(first))), n)
	} else { // no room (more rows than estimated, or not from allocStarts or reserveStarts)
		b, f, _, err := bigAllocMapped(4 * n)
		if err != nil {
			return offsets{}, nil, fmt.Errorf("cannot reserve %s of memory for the offsets of %d rows: %w (is the address space limited? see ulimit -v)", byteSize(uint64(4*n)), n, err)
		}
		low, own, free = unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(b))), n), false, f
	}
	k := 0
	for _, p := range parts {
		for _, s := range p {
			low[k] = uint32(s)
			k++
		}
	}
	if own {
		mem := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(first))), 8*cap(first))
		if from, to := (4*n+pageSize-1)&^(pageSize-1), len(mem)&^(pageSize-1); from < to {
			pages.Drop(mem[from:to])
		}
	}
	return offsets{low: low, base: base, shift: shift}, free, nil
}

// spansFit reports whether every block of 1<<shift of the n starts (at)
// spans less than 4 GiB up to the next block's first row.
func spansFit(at func(int) int64, n int, shift uint) bool {
	for lo := 0; lo < n; lo += 1 << shift {
		if at(min(n-1, lo+1<<shift))-at(lo) > math.MaxUint32 {
			return false
		}
	}
	return true
}
