package pages

import (
	"syscall"
	"testing"
	"unsafe"
)

// BenchmarkFirstWrite times writing 8 MiB of memory just mapped: faulted
// page by page, populated first (Populate), and in huge pages. On the PVM
// guests splitter is timed on, a page's first touch costs microseconds in
// the host as well, so the three differ by an order of magnitude there
// (docs/performance.md); on bare metal they are close.
func BenchmarkFirstWrite(b *testing.B) {
	const size = 8 << 20
	for _, c := range []struct {
		name     string
		populate func([]uint32)
	}{
		{"fault", func([]uint32) {}},
		{"populate", Populate[uint32]},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				m, err := syscall.Mmap(-1, 0, size+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
				if err != nil {
					b.Fatal(err)
				}
				off := -int(uintptr(unsafe.Pointer(&m[0]))) & (hugePage - 1)
				s := unsafe.Slice((*uint32)(unsafe.Pointer(&m[off])), size/4)
				c.populate(s)
				for i := range s {
					s[i] = uint32(i)
				}
				syscall.Munmap(m)
			}
		})
	}
}
