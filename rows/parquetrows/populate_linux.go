//go:build linux

package parquetrows

import "syscall"

// mapPopulate asks mmap to fault the cache's pages in at once (one call,
// not a fault per page); rows does the same for its buffers.
const mapPopulate = syscall.MAP_POPULATE
