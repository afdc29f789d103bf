package rows

import (
	"bytes"
	"fmt"
)

// Record starts are collected while a file is indexed in chunks of
// memory committed only as they are written: the first chunk is reserved
// from an estimate of the rows (estimateRows), so that the address space
// an index takes is proportional to its rows, not to a bound nobody
// reaches (a row takes 2 bytes or more: 4 bytes of reservation a byte of
// input); a chunk that fills is followed by one as large as all before
// it. packOffsets then packs them all, in place in the first chunk when
// the rows are at most twice its size.

// startChunks are the filled chunks of a list of record starts.
type startChunks struct {
	full  [][]int64
	rows  int // starts in full
	frees []func()
	name  string // the input, for errors
}

// next files cur, which is full, and returns an empty chunk for the
// starts after it.
func (c *startChunks) next(cur []int64) ([]int64, error) {
	c.full = append(c.full, cur)
	c.rows += len(cur)
	m := max(1<<16, c.rows)
	b, free, err := reserveStarts(m)
	if err != nil {
		return nil, reserveError(c.name, int64(m)*8, fmt.Sprintf("the offsets of %d more rows", m), err)
	}
	c.frees = append(c.frees, free)
	return b, nil
}

// parts returns the filled chunks and then cur.
func (c *startChunks) parts(cur []int64) [][]int64 {
	return append(append([][]int64(nil), c.full...), cur)
}

// free releases the chunks next allocated.
func (c *startChunks) free() {
	for _, f := range c.frees {
		f()
	}
	c.frees = nil
}

// estimateRows returns a generous estimate of the rows of data[from:to]:
// its line ends counted in samples of up to 1 MiB at its start and its
// middle, scaled to its length, plus half and 4096. More rows than that
// (lone CR line ends, short rows past the samples) only take more chunks.
func estimateRows(data []byte, from, to int) int {
	const sample = 1 << 20
	lf, seen := 0, 0
	for _, at := range []int{from, from + (to-from)/2} {
		e := min(to, at+sample)
		if at < e {
			lf += bytes.Count(data[at:e], []byte{'\n'})
			seen += e - at
		}
		if e == to {
			break
		}
	}
	est := 0
	if seen > 0 {
		est = int(int64(to-from) * int64(lf) / int64(seen))
	}
	return est + est/2 + 4096
}

// reserveError is a failed reservation of memory: how much, and what for.
func reserveError(name string, size int64, what string, err error) error {
	return fmt.Errorf("%s: cannot reserve %s of memory for %s: %w (is the address space limited? see ulimit -v)", name, byteSize(uint64(size)), what, err)
}
