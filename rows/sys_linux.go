//go:build linux

package rows

import "syscall"

// mapPopulate asks mmap to fault the pages in at once.
const mapPopulate = syscall.MAP_POPULATE

// adviseHuge asks for huge pages for an anonymous mapping.
func adviseHuge(b []byte) { syscall.Madvise(b, madvHugepage) }
