package rows

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// fileID is a path as given, cleaned and absolute, and the file it names
// (device and inode) when it exists.
type fileID struct {
	given, path string
	dev, ino    uint64
	exists      bool
}

// identify resolves path for the clobber checks.
func identify(path string) (fileID, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fileID{}, err
	}
	id := fileID{given: path, path: abs}
	if st, err := os.Stat(path); err == nil {
		id.dev, id.ino, id.exists = fileKey(st)
	}
	return id, nil
}

// same reports whether a and b name one file: the same cleaned path, or
// the same device and inode (a hard link, a symbolic link, another
// spelling through other folders).
func (a fileID) same(b fileID) bool {
	return a.path == b.path || a.exists && b.exists && a.dev == b.dev && a.ino == b.ino
}

func errClobberInput(out, in string) error {
	return fmt.Errorf("%s %w the input %s", out, ErrClobber, in)
}

func errClobberOutput(out, other string) error {
	return fmt.Errorf("%s %w %s, another output of the run", out, ErrClobber, other)
}

// checkFolder checks that path's folder exists or can be made: its
// nearest existing ancestor is a folder. The file name must fit in a
// folder entry (255 bytes).
func checkFolder(path string) error {
	if len(filepath.Base(path)) > 255 {
		return &fs.PathError{Op: "create", Path: path, Err: syscall.ENAMETOOLONG}
	}
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		st, err := os.Stat(dir)
		if err == nil {
			if !st.IsDir() {
				return &fs.PathError{Op: "mkdir", Path: dir, Err: syscall.ENOTDIR}
			}
			return nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if parent := filepath.Dir(dir); parent == dir {
			return err
		}
	}
}

// makeFolder makes path's folder and its missing ancestors, returning the
// folders it made, outermost first (so a failed set can remove them).
func makeFolder(path string) ([]string, error) {
	var missing []string
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(dir); err == nil {
			break
		}
		missing = append(missing, dir)
		if filepath.Dir(dir) == dir {
			break
		}
	}
	var made []string
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], 0o777); err != nil && !errors.Is(err, fs.ErrExist) {
			return made, err
		} else if err == nil {
			made = append(made, missing[i])
		}
	}
	return made, nil
}
