package rows

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"time"
	"unsafe"
)

// ErrInputChanged is an input file that shrank or was rewritten while it
// was being read (df.to_csv("data.csv") rewriting the file a split is
// reading, say): a read of the mapping past the file's new end faults,
// and that fault becomes this error instead of a crash. Errors wrap it as
// "FILE: input changed while reading".
var ErrInputChanged = errors.New("input changed while reading")

// guardMapped runs f, which reads data (a mapping of the file name), with
// memory faults turned into panics (debug.SetPanicOnFault), and returns a
// fault inside data as "name: input changed while reading" (ErrInputChanged).
// Every goroutine that reads a mapped input runs its work through it: the
// setting is per goroutine and costs nothing until a fault. Other panics
// go on.
func guardMapped(name string, data []byte, f func() error) (err error) {
	defer catchFault(debug.SetPanicOnFault(true), name, data, &err)
	return f()
}

// catchFault, deferred by guardMapped, restores the goroutine's
// panic-on-fault setting and converts a fault in data into err.
func catchFault(old bool, name string, data []byte, err *error) {
	debug.SetPanicOnFault(old)
	r := recover()
	if r == nil {
		return
	}
	if a, ok := r.(interface{ Addr() uintptr }); ok && len(data) > 0 {
		start := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
		// The mapping runs to the end of the data's last page.
		end := start + uintptr((len(data)+pageSize-1)&^(pageSize-1))
		if addr := a.Addr(); addr >= start && addr < end {
			*err = fmt.Errorf("%s: %w", name, ErrInputChanged)
			return
		}
	}
	panic(r)
}

// guard is guardMapped for the index's input.
func (ix *Index) guard(f func() error) error { return guardMapped(ix.name, ix.data, f) }

// Guard runs f, which reads records returned by Record (or Header) on the
// calling goroutine, and returns ErrInputChanged ("FILE: input changed
// while reading") instead of crashing when such a read faults because the
// mapped file shrank; otherwise it returns f's error. The Index's own
// methods guard their reads already: Guard is for callers that hold
// Record's slices themselves. Goroutines f starts are not covered.
func (ix *Index) Guard(f func() error) error { return ix.guard(f) }

// fileStamp is what Unchanged compares: the file read and its size and
// modification time when it was opened.
type fileStamp struct {
	path  string
	info  os.FileInfo
	size  int64
	mtime time.Time
}

func stampOf(path string, info os.FileInfo) *fileStamp {
	return &fileStamp{path: path, info: info, size: info.Size(), mtime: info.ModTime()}
}

// Unchanged reports an error wrapping ErrInputChanged unless the input
// file (the .gz file for a gzip input) is still the file that was opened,
// with the size and modification time it had then. It costs one stat:
// callers check it before they commit outputs, since a file rewritten in
// place to the same size or larger is not caught while reading (only a
// read past a shrunken end faults). An Index not read from a file
// (IndexBytes, IndexReaderAt) is always unchanged.
func (ix *Index) Unchanged() error {
	st := ix.stamp
	if st == nil {
		return nil
	}
	now, err := os.Stat(st.path)
	if err != nil {
		return fmt.Errorf("%s: %w (%v)", ix.name, ErrInputChanged, err)
	}
	switch {
	case !os.SameFile(st.info, now):
		return fmt.Errorf("%s: %w (replaced by another file)", ix.name, ErrInputChanged)
	case now.Size() != st.size:
		return fmt.Errorf("%s: %w (size %d, was %d)", ix.name, ErrInputChanged, now.Size(), st.size)
	case !now.ModTime().Equal(st.mtime):
		return fmt.Errorf("%s: %w (modified at %s)", ix.name, ErrInputChanged, now.ModTime().Format(time.RFC3339Nano))
	}
	return nil
}

// changed is the error of a fault met by another goroutine.
func (ix *Index) changed() error { return fmt.Errorf("%s: %w", ix.name, ErrInputChanged) }
