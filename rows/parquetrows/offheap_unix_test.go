//go:build unix

package parquetrows

import (
	"sync"
	"testing"
	"unsafe"
)

func addr(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }

// TestOffHeapSlabs checks buffers are carved one after the other from a
// slab aligned to its size, come zeroed and aligned, and that a slab is
// unmapped once every buffer carved from it is freed and another is being
// carved.
func TestOffHeapSlabs(t *testing.T) {
	a := newOffHeap(1 << 30).(*offHeap)
	var bufs [][]byte
	for range 3 * slabBytes / (1 << 20) { // 1 MiB buffers fill three slabs
		b := a.Allocate(1<<20 - 10)
		if len(b) != 1<<20-10 || addr(b)%bufAlign != 0 {
			t.Fatalf("buffer of %d bytes at %#x", len(b), addr(b))
		}
		for i, c := range b {
			if c != 0 {
				t.Fatalf("byte %d is %d, not zero", i, c)
			}
		}
		b[0], b[len(b)-1] = 1, 2
		bufs = append(bufs, b)
	}
	if len(a.slabs) != 3 || a.mapped != 3*slabBytes {
		t.Fatalf("%d slabs, %d bytes mapped; want 3, %d", len(a.slabs), a.mapped, 3*slabBytes)
	}
	for base := range a.slabs {
		if base%slabBytes != 0 {
			t.Errorf("slab at %#x, not aligned to %d", base, slabBytes)
		}
	}
	if d := addr(bufs[1]) - addr(bufs[0]); d != 1<<20 {
		t.Errorf("second buffer %d bytes after the first, want %d", d, 1<<20)
	}
	for _, b := range bufs[:slabBytes>>20] { // the first slab's
		a.Free(b)
	}
	if len(a.slabs) != 2 || a.mapped != 2*slabBytes {
		t.Fatalf("after freeing the first slab's buffers: %d slabs, %d bytes; want 2, %d", len(a.slabs), a.mapped, 2*slabBytes)
	}
	for _, b := range bufs[slabBytes>>20:] {
		a.Free(b)
	}
	if len(a.slabs) != 1 || a.cur == nil || a.cur.live != 0 {
		t.Fatalf("after freeing all: %d slabs; want only the one being carved, empty", len(a.slabs))
	}
	if b := a.Allocate(100); addr(b) != addr(a.cur.mem)+uintptr(a.cur.used)-128 {
		t.Errorf("the empty current slab is not carved on")
	}
}

// TestOffHeapOwnMaps checks large buffers, and every buffer past the
// limit, get maps of their own, unmapped when freed, and that buffers
// offHeap did not map are let be.
func TestOffHeapOwnMaps(t *testing.T) {
	a := newOffHeap(slabBytes).(*offHeap)
	big := a.Allocate(slabBytes/4 + 1)
	if len(a.own) != 1 || len(a.slabs) != 0 {
		t.Fatalf("large buffer: %d own maps, %d slabs; want 1, 0", len(a.own), len(a.slabs))
	}
	var small [][]byte
	for range 4 { // fill the one slab the limit allows
		small = append(small, a.Allocate(slabBytes/4))
	}
	more := a.Allocate(1) // does not fit: own map
	if len(a.slabs) != 1 || len(a.own) != 2 {
		t.Fatalf("past the limit: %d slabs, %d own maps; want 1, 2", len(a.slabs), len(a.own))
	}
	more[len(more)-1] = 1
	a.Free(big)
	a.Free(more)
	a.Free(make([]byte, 10))
	a.Free(nil)
	if len(a.own) != 0 {
		t.Fatalf("%d own maps left after freeing", len(a.own))
	}
	for _, b := range small {
		a.Free(b)
	}
	if a.cur.live != 0 {
		t.Fatalf("slab has %d live buffers after freeing all", a.cur.live)
	}
}

// TestOffHeapConcurrent allocates, writes and frees from several
// goroutines (run with -race).
func TestOffHeapConcurrent(t *testing.T) {
	a := newOffHeap(1 << 30).(*offHeap)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			var held [][]byte
			for i := range 300 {
				b := a.Allocate(1 + (i*7919+g)%(300<<10))
				for j := range b {
					b[j] = byte(g)
				}
				held = append(held, b)
				if len(held) > 5 {
					for _, h := range held[:3] {
						for _, c := range h {
							if c != byte(g) {
								t.Errorf("goroutine %d's buffer overwritten", g)
								return
							}
						}
						a.Free(h)
					}
					held = held[3:]
				}
			}
			for _, h := range held {
				a.Free(h)
			}
		})
	}
	wg.Wait()
	if len(a.slabs) > 1 || len(a.own) != 0 {
		t.Fatalf("%d slabs, %d own maps left after freeing everything", len(a.slabs), len(a.own))
	}
}
