package rows

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// Outputs creates several output files atomically: each is written to a
// temporary file in its target directory, Commit renames them all into
// place, Abort (or a failed Commit, or a cancelled context) removes them.
// A path ending in .gz is gzip-compressed, as pandas' to_csv compresses
// with compression="infer".
type Outputs struct {
	mu    sync.Mutex
	files []*outFile
	done  bool
	stop  func() bool
	ctx   context.Context
}

type outFile struct {
	path string
	tmp  *os.File
	buf  *bufio.Writer
	gz   *gzip.Writer
	w    io.Writer
}

// NewOutputs returns an empty set of outputs. When ctx is done before
// Commit, the outputs are aborted.
func NewOutputs(ctx context.Context) *Outputs {
	o := &Outputs{ctx: ctx}
	if ctx != nil {
		o.stop = context.AfterFunc(ctx, o.Abort)
	}
	return o
}

// Create starts the output file path (its directory is created if
// missing) and returns the writer to fill.
func (o *Outputs) Create(path string) (io.Writer, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.done {
		return nil, o.closedErr()
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, err
	}
	f := &outFile{path: path, tmp: tmp}
	f.buf = bufio.NewWriterSize(tmp, writeBuf)
	f.w = f.buf
	if IsGzipPath(path) {
		f.gz = gzip.NewWriter(f.buf)
		f.w = f.gz
	}
	o.files = append(o.files, f)
	return f.w, nil
}

// Commit flushes and closes every output and renames each into place.
func (o *Outputs) Commit() error {
	if o.ctx != nil && o.ctx.Err() != nil {
		o.Abort()
		return o.ctx.Err()
	}
	o.mu.Lock()
	if o.done {
		o.mu.Unlock()
		return o.closedErr()
	}
	var err error
	for _, f := range o.files {
		if f.gz != nil {
			err = errors.Join(err, f.gz.Close())
		}
		err = errors.Join(err, f.buf.Flush(), f.tmp.Close())
	}
	renamed := 0
	if err == nil {
		for _, f := range o.files {
			if e := os.Rename(f.tmp.Name(), f.path); e != nil {
				err = e
				break
			}
			renamed++
		}
	}
	o.done = true
	if o.stop != nil {
		o.stop()
	}
	o.mu.Unlock()
	if err != nil {
		for _, f := range o.files[:renamed] {
			os.Remove(f.path)
		}
		o.removeTemps()
	}
	return err
}

// closedErr is the error of a Create or Commit after the outputs were
// committed or aborted: the context's error when its cancellation aborted
// them (a signal between a caller's ctx.Err check and the call is then
// reported as the interrupt it is, not as a misuse).
func (o *Outputs) closedErr() error {
	if o.ctx != nil && o.ctx.Err() != nil {
		return fmt.Errorf("rows: outputs aborted: %w", o.ctx.Err())
	}
	return errors.New("rows: outputs already committed or aborted")
}

// Abort removes every temporary output; nothing is left behind.
func (o *Outputs) Abort() {
	o.mu.Lock()
	if o.done {
		o.mu.Unlock()
		return
	}
	o.done = true
	o.mu.Unlock()
	o.removeTemps()
}

func (o *Outputs) removeTemps() {
	for _, f := range o.files {
		f.tmp.Close()
		os.Remove(f.tmp.Name())
	}
}
