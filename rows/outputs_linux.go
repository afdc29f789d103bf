//go:build linux

package rows

import (
	"os"
	"strconv"
	"syscall"

	"golang.org/x/sys/unix"
)

// openUnnamed opens a file without a name in dir (O_TMPFILE): if the
// process dies, the system reclaims it and no temporary file remains.
func openUnnamed(dir string) (*os.File, error) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		return nil, err // linkUnnamed needs /proc
	}
	return os.OpenFile(dir, os.O_WRONLY|unix.O_TMPFILE, 0o666)
}

// linkUnnamed gives the unnamed file f the name name.
func linkUnnamed(f *os.File, name string) error {
	src := "/proc/self/fd/" + strconv.Itoa(int(f.Fd()))
	return unix.Linkat(unix.AT_FDCWD, src, unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
}

// lockFolder opens dir and takes its exclusive lock (flock), waiting for
// another run's commit to end.
func lockFolder(dir string) (*os.File, error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(d.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		d.Close()
		return nil, &os.PathError{Op: "lock", Path: dir, Err: err}
	}
	return d, nil
}

func unlockFolder(d *os.File) { syscall.Flock(int(d.Fd()), syscall.LOCK_UN) }

// tryLockFolder is lockFolder without waiting: a folder another run holds
// is an error.
func tryLockFolder(dir string) (*os.File, error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(d.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		d.Close()
		return nil, &os.PathError{Op: "lock", Path: dir, Err: err}
	}
	return d, nil
}
