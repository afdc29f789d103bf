// Package pages asks the kernel to map a large allocation's pages in one
// system call rather than one fault at a time, in huge pages where it
// spans them. On the virtual machines splitter is timed on (PVM guests) a
// 4 KiB page touched for the first time costs 5-12 µs, in the guest and
// again in the host: the 2,048 pages of a 1M-row permutation cost 10-20 ms
// touched one by one, the four huge pages well under 1 ms when the host has
// them ready.
package pages

import (
	"runtime"
	"unsafe"
)

// bulk is the size below which faulting on demand costs less than the
// system call.
const bulk = 256 << 10

// Populate maps s's pages, writable, before they are first touched
// (MADV_POPULATE_WRITE on Linux 5.14 and later), after advising huge pages
// for those 2 MiB pages s covers whole (MADV_HUGEPAGE). Elsewhere, where the
// kernel refuses, or for small slices it does nothing, and the pages fault
// in on first touch as before. Contents are unchanged.
func Populate[T any](s []T) {
	n := uintptr(len(s)) * unsafe.Sizeof(*new(T))
	if n < bulk {
		return
	}
	populateWrite(uintptr(unsafe.Pointer(unsafe.SliceData(s))), n)
	runtime.KeepAlive(s)
}
