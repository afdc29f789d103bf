//go:build unix

package rows

import (
	"errors"
	"io/fs"
	"syscall"
)

// fileKey returns the device and inode of a file.
func fileKey(st fs.FileInfo) (dev, ino uint64, ok bool) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return uint64(sys.Dev), uint64(sys.Ino), true
}

// alive reports whether process pid exists (signal 0 probes it).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, fs.ErrPermission)
}
