package rows

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
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
