//go:build unix

package rows

import (
	"fmt"
	"io"
	"os"
	"syscall"
)

// loadLimit is the largest input read into memory; larger inputs are
// memory-mapped, so that a file larger than RAM still splits.
const loadLimit = 1 << 30

// mapFile maps f read-only (or reads it, up to loadLimit bytes); the returned release unmaps it, closes f and
// then runs after.
func mapFile(f *os.File, after func() error) ([]byte, func() error, error) {
	st, err := f.Stat()
	if err != nil {
		f.Close()
		after()
		return nil, nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		after()
		return nil, nil, fmt.Errorf("%s: %w", f.Name(), errNotRegular)
	}
	size := st.Size()
	if size == 0 {
		return []byte{}, func() error { f.Close(); return after() }, nil
	}
	if size <= loadLimit {
		// Small enough: read it into (huge-page) memory, which random
		// row access reads faster than a mapping of 4 KiB file pages.
		buf, free := bigAlloc(int(size))
		_, err := io.ReadFull(io.NewSectionReader(f, 0, size), buf)
		f.Close()
		if err != nil {
			free()
			after()
			return nil, nil, err
		}
		return buf, func() error { free(); return after() }, nil
	}
	if int64(int(size)) != size {
		f.Close()
		after()
		return nil, nil, fmt.Errorf("%s: file too large to map", f.Name())
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		f.Close()
		after()
		return nil, nil, fmt.Errorf("%s: mmap: %w", f.Name(), err)
	}
	release := func() error {
		err := syscall.Munmap(data)
		f.Close()
		if e := after(); err == nil {
			err = e
		}
		return err
	}
	return data, release, nil
}
