//go:build unix

package rows

import (
	"sync"
	"syscall"
	"unsafe"

	"github.com/splitter-dev/splitter/internal/pages"
)

// bigAlloc returns size bytes of zeroed anonymous memory backed by huge
// pages where the kernel offers them (random row access then costs far
// fewer TLB misses), and the function that frees it.
// For the buffers of a spilled copy (a few MiB) it falls back to the Go
// heap where the system refuses the mapping.
func bigAlloc(size int) ([]byte, func()) {
	b, free, _, err := bigAllocMapped(size)
	if err != nil {
		return make([]byte, size), func() {}
	}
	return b, free
}

// bigAllocMapped is bigAlloc and reports whether the memory is a mapping
// of its own (4 MiB or more), whose pages may be released. It fails
// (rather than crash the process in the Go heap) where the system
// refuses the mapping.
func bigAllocMapped(size int) ([]byte, func(), bool, error) {
	if size < 4<<20 {
		return make([]byte, size), func() {}, false, nil
	}
	b, free, err := mapHuge(size, 0)
	if err != nil {
		return nil, nil, false, err
	}
	return b, free, true, nil
}

// mapHuge maps size bytes of zeroed anonymous memory (mmap flags: more
// flags) starting on a huge page, advised to be backed by huge pages, and
// returns the function that unmaps it. Unaligned, the pages before the
// first huge page boundary are faulted one by one (400 faults of the
// offsets of a 1M-row index, at several microseconds each on a virtual
// machine); the mapping takes a huge page more of address space, never
// touched.
func mapHuge(size, flags int) ([]byte, func(), error) {
	m, err := syscall.Mmap(-1, 0, size+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE|flags)
	if err != nil {
		return nil, nil, err
	}
	off := -int(uintptr(unsafe.Pointer(&m[0]))) & (hugePage - 1)
	b := m[off : off+size : off+size]
	pages.AdviseHuge(b)
	var once sync.Once
	return b, func() { once.Do(func() { syscall.Munmap(m) }) }, nil
}

// reserveStarts returns room for up to n row offsets in memory that is
// committed only as it is written (so n may be generous: the pages never
// written cost no memory, though they take address space), and the
// function that frees it; it fails where the system refuses.
func reserveStarts(n int) (_ []int64, free func(), err error) {
	b, free, err := mapHuge(n*8, pages.MapNoReserve)
	if err != nil {
		return nil, nil, err
	}
	return unsafe.Slice((*int64)(unsafe.Pointer(&b[0])), n)[:0], free, nil
}

// anonAlloc returns size bytes of zeroed anonymous memory in small pages
// (only the pages touched become resident) and the function that frees it.
func anonAlloc(size int) ([]byte, func()) {
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]byte, size), func() {}
	}
	var once sync.Once
	return b, func() { once.Do(func() { syscall.Munmap(b) }) }
}
