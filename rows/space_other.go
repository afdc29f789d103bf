//go:build !(linux || darwin || freebsd)

package rows

// diskSpace cannot tell the free space here: decompression is not bounded.
func diskSpace(dir string) (free, total uint64, ok bool) { return 0, 0, false }
