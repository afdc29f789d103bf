package rows

import (
	"bytes"
	"os"
	"unicode/utf8"

	"github.com/splitter-dev/splitter/internal/pages"
)

// Large inputs are read with drop-behind: a sequential pass over the mapped
// file releases the pages it has read every dropChunk bytes, so the
// process's resident memory holds a few MiB of the file, not all of it;
// the chunk it goes on to is mapped ahead by one system call (populate).
// The pages stay in the page cache; a later pass faults them back in at
// little cost.
const (
	// dropChunk: each release unmaps pages, which interrupts the other
	// core to flush its TLB; 4 MiB a release (not 512 KiB) took a 1M-row
	// split from 212 to 194 ms of CPU for about 3 MB more peak RSS.
	dropChunk = 4 << 20
	// dropMin is the smallest mapped input read with drop-behind (smaller
	// ones are mapped with their pages faulted in at once).
	dropMin = 16 << 20
)

var pageSize = os.Getpagesize()

// dropper releases the pages of a mapped file behind a sequential reader.
type dropper struct {
	data    []byte
	done    int // pages before done are released (page-aligned)
	on      bool
	check   bool // the bytes passed are checked to be UTF-8
	checked int  // from the start up to checked
	bad     bool // a byte checked is not UTF-8
}

func newDropper(data []byte, from int, on bool) *dropper {
	d := &dropper{data: data, done: from &^ (pageSize - 1), on: on && pages.CanDrop}
	d.ahead()
	return d
}

// ahead maps the chunk the reader goes on to (populate) when dropping.
func (d *dropper) ahead() {
	if d.on && d.done < len(d.data) {
		pages.PopulateRead(d.data[d.done:min(d.done+dropChunk, len(d.data))])
	}
}

// newCheckingDropper is a dropper that also checks, chunk by chunk while
// they are in cache, that the bytes it passes from from on are UTF-8
// (pandas decodes the whole file): bad reports a failure, checkTo
// completes the check.
func newCheckingDropper(data []byte, from int, on bool) *dropper {
	d := newDropper(data, from, on)
	d.check, d.checked = true, from
	return d
}

// advance releases the pages wholly before pos once dropChunk bytes have
// accumulated (and checks them).
func (d *dropper) advance(pos int) {
	if !d.on && !d.check || pos-d.done < dropChunk {
		return
	}
	e := pos &^ (pageSize - 1)
	if d.check {
		d.checkTo(e)
	}
	if d.on {
		pages.Drop(d.data[d.done:e])
	}
	d.done = e
	d.ahead()
}

// checkTo checks the bytes up to e (ended at a rune start) are UTF-8.
func (d *dropper) checkTo(e int) {
	for k := 0; k < 3 && e < len(d.data) && e > d.checked && !utf8.RuneStart(d.data[e]); k++ {
		e--
	}
	if e <= d.checked {
		return
	}
	if !d.bad && !utf8.Valid(d.data[d.checked:e]) {
		d.bad = true
	}
	d.checked = e
}

// finish releases the pages up to pos (all remaining when pos is len(data)).
func (d *dropper) finish(pos int) {
	if !d.on {
		return
	}
	e := pos &^ (pageSize - 1)
	if pos >= len(d.data) {
		e = (len(d.data) + pageSize - 1) &^ (pageSize - 1)
		e = min(e, cap(d.data))
		pages.Drop(d.data[d.done:e])
		d.done = e
		return
	}
	if e > d.done {
		pages.Drop(d.data[d.done:e])
		d.done = e
	}
}

// countLF counts the '\n' bytes of data[from:to] and reports whether they
// are UTF-8 (utf8.Valid), in one pass of chunks read while in cache,
// dropping behind when on.
func countLF(data []byte, from, to int, on bool) (int, bool) {
	d := newDropper(data, from, on)
	c, ok := 0, true
	for p := from; p < to; {
		e := min(p+dropChunk, to)
		// end the chunk at a rune start
		for k := 0; k < 3 && e < to && e > p && !utf8.RuneStart(data[e]); k++ {
			e--
		}
		c += bytes.Count(data[p:e], []byte{'\n'})
		ok = ok && utf8.Valid(data[p:e])
		p = e
		d.advance(p)
	}
	d.finish(to)
	return c, ok
}

// validUTF8 is utf8.Valid(data[from:to]), dropping behind when on.
func validUTF8(data []byte, from, to int, on bool) bool {
	if !on || !pages.CanDrop {
		return utf8.Valid(data[from:to])
	}
	d := newDropper(data, from, true)
	defer d.finish(to)
	for p := from; p < to; {
		e := min(p+dropChunk, to)
		// end the chunk at a rune start
		for k := 0; k < 3 && e < to && e > p && !utf8.RuneStart(data[e]); k++ {
			e--
		}
		if !utf8.Valid(data[p:e]) {
			return false
		}
		p = e
		d.advance(p)
	}
	return true
}
