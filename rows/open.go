package rows

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotRegular is a path that names no regular file: a directory, a FIFO,
// a device or a socket. splitter reads and writes only regular files, so a
// FIFO without a writer or /dev/zero can never make it block or run
// forever.
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens path for reading without blocking (a FIFO with no
// writer would block a plain open), checks with fstat that it is a regular
// file, and returns it in blocking mode. Anything else is refused with
// ErrNotRegular, naming what it is.
func OpenRegular(path string) (*os.File, error) {
	if isDescriptorPath(path) {
		return nil, &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w (a file descriptor's name; name the file itself)", ErrNotRegular)}
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kindOf(st.Mode()))}
	}
	if err := setBlocking(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// CheckRegular reports an error unless path is missing or names a regular
// file (symbolic links are followed): the test an output path must pass
// before anything is written there.
func CheckRegular(path string) error {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return &fs.PathError{Op: "write", Path: path, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kindOf(st.Mode()))}
	}
	return nil
}

// isDescriptorPath reports whether path reaches a file through
// /proc/PID/fd (as /dev/stdin and /dev/fd/N do): whatever it points at,
// such a name is no place to read a dataset from or to write outputs
// beside (outputs would go to /dev).
func isDescriptorPath(path string) bool {
	p, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for range 8 { // follow the last element's links by hand
		dir, err := filepath.EvalSymlinks(filepath.Dir(p))
		if err != nil {
			return false
		}
		if strings.HasPrefix(dir, "/proc/") && strings.HasSuffix(dir, "/fd") {
			return true
		}
		p = filepath.Join(dir, filepath.Base(p))
		st, err := os.Lstat(p)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return false
		}
		t, err := os.Readlink(p)
		if err != nil {
			return false
		}
		if !filepath.IsAbs(t) {
			t = filepath.Join(dir, t)
		}
		p = t
	}
	return false
}

// kindOf names a non-regular file mode for an error message.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "not a regular file"
}
