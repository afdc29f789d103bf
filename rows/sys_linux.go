//go:build linux

package rows

import "syscall"

// mapNoReserve maps memory without reserving swap for it (a generous
// bound for the row offsets is not refused as an overcommit).
const mapNoReserve = syscall.MAP_NORESERVE

// mapPopulate asks mmap to fault the pages in at once.
const mapPopulate = syscall.MAP_POPULATE

// adviseHuge asks for huge pages for an anonymous mapping.
func adviseHuge(b []byte) { syscall.Madvise(b, madvHugepage) }

// releaseAnon returns the pages of part of a private anonymous mapping
// (page-aligned) to the system; they read as zeros after.
func releaseAnon(b []byte) {
	if len(b) > 0 {
		syscall.Madvise(b, syscall.MADV_DONTNEED)
	}
}

// populate maps the pages of part of a file mapping that are in the
// page cache (MADV_POPULATE_READ, Linux 5.14; ignored where refused): one
// system call instead of a fault every 16 pages, which on a virtual
// machine costs several microseconds each.
func populate(b []byte) {
	if len(b) > 0 {
		syscall.Madvise(b, madvPopulateRead)
	}
}

// madvPopulateRead is MADV_POPULATE_READ.
const madvPopulateRead = 22

// canDrop reports whether dropPages releases mapped file pages.
const canDrop = true

// dropPages releases the page-table entries of part of a read-only file
// mapping (page-aligned start): the pages stay in the page cache, so a
// later read faults them back in cheaply, but they no longer count in the
// process's resident memory.
func dropPages(b []byte) {
	if len(b) > 0 {
		syscall.Madvise(b, syscall.MADV_DONTNEED)
	}
}
