//go:build !linux

package pages

// Linux's mmap flags and madvise calls: elsewhere pages fault in on demand
// and are left to the system.
const (
	MapPopulate  = 0
	MapNoReserve = 0
	CanDrop      = false
)

func populateWrite(p, n uintptr) {}

func AdviseHuge(b []byte) {}

func PopulateRead(b []byte) {}

func Drop(b []byte) {}
