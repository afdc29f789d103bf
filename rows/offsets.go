package rows

import (
	"math"
	"unsafe"
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

// packOffsets packs starts (not empty) in place: row i's 4 bytes overwrite
// bytes 4i..4i+3 of the array, within starts[i/2], which was read before.
// When the array is a mapping of its own (mapped), its second half is
// released to the system. It fails on a record of 4 GiB or more.
func packOffsets(starts []int64, mapped bool) (offsets, error) {
	n := len(starts)
	shift := uint(offShift)
	for !spansFit(starts, shift) {
		if shift == 0 {
			return offsets{}, ErrHugeRecord
		}
		shift--
	}
	base := make([]int64, (n-1)>>shift+1)
	for b := range base {
		base[b] = starts[b<<shift]
	}
	low := unsafe.Slice((*uint32)(unsafe.Pointer(&starts[0])), n)
	for i := range n {
		low[i] = uint32(starts[i])
	}
	if mapped {
		mem := unsafe.Slice((*byte)(unsafe.Pointer(&starts[0])), n*8)
		if from, to := (n*4+pageSize-1)&^(pageSize-1), len(mem)&^(pageSize-1); from < to {
			releaseAnon(mem[from:to])
		}
	}
	return offsets{low: low, base: base, shift: shift}, nil
}

// spansFit reports whether every block of 1<<shift rows spans less than
// 4 GiB up to the next block's first row.
func spansFit(starts []int64, shift uint) bool {
	n := len(starts)
	for lo := 0; lo < n; lo += 1 << shift {
		if starts[min(n-1, lo+1<<shift)]-starts[lo] > math.MaxUint32 {
			return false
		}
	}
	return true
}
