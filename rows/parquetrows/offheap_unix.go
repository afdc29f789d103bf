//go:build unix

package parquetrows

import (
	"sync"
	"syscall"
	"unsafe"

	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/splitter-dev/splitter/internal/pages"
)

// offHeap is an Allocator of anonymous memory maps, for the row group
// cache: memory the Go heap does not count, so the garbage collector's
// target (twice the live heap) does not double the cache. Buffers it
// allocates must be released (Arrow's reference counting frees them, by
// munmap) and never read after: parquetrows only copies out of them, on
// records it holds retained. A failed map falls back to the Go heap.
type offHeap struct {
	mu     sync.Mutex
	mapped map[*byte]bool
}

func newOffHeap() memory.Allocator { return &offHeap{mapped: map[*byte]bool{}} }

// zeroed marks offHeap a zeroAllocator: maps and the fallback's make
// come zeroed.
func (a *offHeap) zeroed() {}

func (a *offHeap) Allocate(size int) []byte {
	if size <= 0 {
		return nil
	}
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE|pages.MapPopulate)
	if err != nil {
		return make([]byte, size)
	}
	a.mu.Lock()
	a.mapped[unsafe.SliceData(b)] = true
	a.mu.Unlock()
	return b
}

func (a *offHeap) Reallocate(size int, b []byte) []byte {
	out := a.Allocate(size)
	copy(out, b)
	a.Free(b)
	return out
}

func (a *offHeap) Free(b []byte) {
	p := unsafe.SliceData(b)
	a.mu.Lock()
	ok := a.mapped[p]
	delete(a.mapped, p)
	a.mu.Unlock()
	if ok {
		syscall.Munmap(b[:cap(b)])
	}
}
