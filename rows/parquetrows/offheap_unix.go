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
// allocates must be released (Arrow's reference counting frees them) and
// never read after: parquetrows only copies out of them, on records it
// holds retained.
//
// Buffers are carved one after the other from slabs of slabBytes, aligned
// to their size and advised to be huge pages (pages.AdviseHuge): on the
// virtual machines splitter is timed on, writing a 4 KiB page for the
// first time costs 5-12 µs, so a decoded 1M-row file cost ~40 ms of page
// faults in buffers mapped one by one, and a few ms in huge pages. A slab
// is unmapped when the last buffer carved from it is freed and it is no
// longer the one being carved. A buffer above slabBytes/4 gets a map of
// its own (huge pages where it spans them), and so does every buffer once
// slabs map more than limit bytes, so that slabs kept by one live buffer
// each cannot hold more than that. A failed map falls back to the Go heap.
type offHeap struct {
	limit int64

	mu     sync.Mutex
	slabs  map[uintptr]*slab // by address
	cur    *slab             // the slab being carved
	mapped int64             // bytes of slabs
	own    map[*byte][]byte  // buffers with maps of their own
}

// slab is a slabBytes map buffers are carved from: used bytes so far,
// live of the buffers not freed yet.
type slab struct {
	mem        []byte
	used, live int
}

const (
	slabBytes = 8 << 20
	hugePage  = 2 << 20
	// bufAlign is Arrow's buffer alignment.
	bufAlign = 64
)

// newOffHeap returns an offHeap whose slabs map at most about limit
// bytes.
func newOffHeap(limit int64) memory.Allocator {
	return &offHeap{limit: limit, slabs: map[uintptr]*slab{}, own: map[*byte][]byte{}}
}

// zeroed marks offHeap a zeroAllocator: maps and the fallback's make
// come zeroed, and no slab byte is handed out twice.
func (a *offHeap) zeroed() {}

func (a *offHeap) Allocate(size int) []byte {
	if size <= 0 {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if size > slabBytes/4 || (a.cur == nil || a.cur.used+size > slabBytes) && a.mapped+slabBytes > a.limit {
		return a.ownMap(size)
	}
	if a.cur == nil || a.cur.used+size > slabBytes {
		if a.cur != nil && a.cur.live == 0 {
			a.unmap(a.cur)
		}
		if a.cur = a.newSlab(); a.cur == nil {
			return make([]byte, size)
		}
	}
	s := a.cur
	b := s.mem[s.used : s.used+size : s.used+size]
	s.used += (size + bufAlign - 1) &^ (bufAlign - 1)
	s.live++
	return b
}

// ownMap maps a buffer of its own; a.mu is held.
func (a *offHeap) ownMap(size int) []byte {
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]byte, size)
	}
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	if s, e := (p+hugePage-1)&^(hugePage-1), (p+uintptr(size))&^(hugePage-1); e > s {
		pages.AdviseHuge(b[s-p : e-p])
	}
	a.own[unsafe.SliceData(b)] = b
	return b
}

// newSlab maps a slab aligned to its size, or returns nil; a.mu is held.
func (a *offHeap) newSlab() *slab {
	m, err := syscall.Mmap(-1, 0, 2*slabBytes, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil
	}
	p := uintptr(unsafe.Pointer(unsafe.SliceData(m)))
	off := int((slabBytes - p%slabBytes) % slabBytes)
	mem := m[off : off+slabBytes : off+slabBytes]
	// Unmap the parts before and after the aligned slab.
	if off > 0 {
		syscall.Munmap(m[:off])
	}
	if rest := m[off+slabBytes:]; len(rest) > 0 {
		syscall.Munmap(rest)
	}
	pages.AdviseHuge(mem)
	s := &slab{mem: mem}
	a.slabs[p+uintptr(off)] = s
	a.mapped += slabBytes
	return s
}

// unmap unmaps slab s; a.mu is held.
func (a *offHeap) unmap(s *slab) {
	delete(a.slabs, uintptr(unsafe.Pointer(unsafe.SliceData(s.mem))))
	syscall.Munmap(s.mem)
	a.mapped -= slabBytes
	if a.cur == s {
		a.cur = nil
	}
}

func (a *offHeap) Reallocate(size int, b []byte) []byte {
	out := a.Allocate(size)
	copy(out, b)
	a.Free(b)
	return out
}

func (a *offHeap) Free(b []byte) {
	if cap(b) == 0 {
		return
	}
	p := unsafe.SliceData(b)
	a.mu.Lock()
	defer a.mu.Unlock()
	if m, ok := a.own[p]; ok {
		delete(a.own, p)
		syscall.Munmap(m)
		return
	}
	s := a.slabs[uintptr(unsafe.Pointer(p))&^(slabBytes-1)]
	if s == nil { // the Go heap's
		return
	}
	if s.live--; s.live == 0 && s != a.cur {
		a.unmap(s)
	}
}
