//go:build unix && !linux

package rows

// mapNoReserve is Linux-only.
const mapNoReserve = 0

// mapPopulate is Linux-only; elsewhere pages are faulted in on demand.
const mapPopulate = 0

// adviseHuge is a no-op where madvise is not exposed.
func adviseHuge(b []byte) {}

// canDrop is false: pages of mapped files are left to the system.
const canDrop = false

func dropPages(b []byte) {}

func populate(b []byte) {}

func releaseAnon(b []byte) {}
