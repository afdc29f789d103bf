//go:build unix

package rows

import (
	"fmt"
	"os"
	"syscall"

	"github.com/splitter-dev/splitter/internal/pages"
)

// mapFile maps f read-only; the returned release unmaps it, closes f and
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
		return nil, nil, fmt.Errorf("%s: %w", f.Name(), ErrNotRegular)
	}
	size := st.Size()
	if size == 0 {
		return []byte{}, func() error { f.Close(); return after() }, nil
	}
	if int64(int(size)) != size {
		f.Close()
		after()
		return nil, nil, fmt.Errorf("%s: file too large to map", f.Name())
	}
	flags := syscall.MAP_SHARED
	if size < dropMin {
		flags |= pages.MapPopulate // fault the pages in at once (larger inputs are read with drop-behind)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, flags)
	if err != nil {
		f.Close()
		after()
		if err == syscall.ENOMEM {
			return nil, nil, fmt.Errorf("%s: cannot map the input (%s) into memory: %w (is the address space limited? see ulimit -v)", f.Name(), byteSize(uint64(size)), err)
		}
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
