//go:build linux

package pages

import "syscall"

// madvPopulateWrite is MADV_POPULATE_WRITE (Linux 5.14).
const madvPopulateWrite = 23

// populateWrite populates [p, p+n), rounded out to whole pages: the
// rounding only adds parts of pages already mapped for the Go heap.
func populateWrite(p, n uintptr) {
	size := uintptr(syscall.Getpagesize())
	start := p &^ (size - 1)
	syscall.Syscall(syscall.SYS_MADVISE, start, p+n-start, madvPopulateWrite)
}
