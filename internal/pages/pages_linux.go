//go:build linux

package pages

import "syscall"

const (
	// MapPopulate asks mmap to fault a mapping's pages in at once.
	MapPopulate = syscall.MAP_POPULATE
	// MapNoReserve maps memory without reserving swap for it (a generous
	// bound is not refused as an overcommit).
	MapNoReserve = syscall.MAP_NORESERVE
	// CanDrop reports whether Drop releases pages.
	CanDrop = true
)

const (
	madvHugepage      = 14 // MADV_HUGEPAGE
	madvPopulateRead  = 22 // MADV_POPULATE_READ (Linux 5.14)
	madvPopulateWrite = 23 // MADV_POPULATE_WRITE (Linux 5.14)
	hugePage          = 2 << 20
)

// populateWrite advises huge pages for the whole huge pages within
// [p, p+n), then populates the range rounded out to whole pages: the
// rounding only adds parts of pages already mapped for the Go heap.
func populateWrite(p, n uintptr) {
	if s, e := (p+hugePage-1)&^(hugePage-1), (p+n)&^(hugePage-1); e > s {
		syscall.Syscall(syscall.SYS_MADVISE, s, e-s, madvHugepage)
	}
	size := uintptr(syscall.Getpagesize())
	start := p &^ (size - 1)
	syscall.Syscall(syscall.SYS_MADVISE, start, p+n-start, madvPopulateWrite)
}

// AdviseHuge asks for huge pages for part of an anonymous mapping.
func AdviseHuge(b []byte) {
	if len(b) > 0 {
		syscall.Madvise(b, madvHugepage)
	}
}

// PopulateRead maps the pages of part of a file mapping that are in the
// page cache (MADV_POPULATE_READ; ignored where refused): one system call
// instead of a fault every 16 pages.
func PopulateRead(b []byte) {
	if len(b) > 0 {
		syscall.Madvise(b, madvPopulateRead)
	}
}

// Drop releases the page-table entries of part of a private mapping
// (page-aligned start; MADV_DONTNEED). Pages of a file stay in the page
// cache, so a later read faults them back in cheaply, but no longer count
// in the process's resident memory; anonymous pages are returned to the
// system and read as zeros after.
func Drop(b []byte) {
	if len(b) > 0 {
		syscall.Madvise(b, syscall.MADV_DONTNEED)
	}
}
