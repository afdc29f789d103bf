//go:build linux || darwin || freebsd

package rows

import "syscall"

// diskSpace returns the bytes free to an unprivileged user and the size
// of the filesystem holding dir; ok is false when it cannot tell.
func diskSpace(dir string) (free, total uint64, ok bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, 0, false
	}
	return uint64(st.Bavail) * uint64(st.Bsize), uint64(st.Blocks) * uint64(st.Bsize), true
}
