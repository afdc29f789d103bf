package main

import (
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/table"
)

// progress is the bar drawn on stderr while outputs are written: the rows
// being written, bytes written, rate and ETA. It is nil (and every method a
// no-op) when stderr is not a terminal, so pipes, logs and tests see
// nothing.
type progress struct {
	mu    sync.Mutex // outputs may be written at once
	bar   *bar
	max   int64
	count int64 // bytes written
	shown int64 // bytes counted on the bar: never max or more
}

// startProgress starts a bar for writing outs (from an input of size
// bytes as read, decompressed, and of inputRows rows) when the command's
// stderr is a terminal.
func startProgress(cmd *cobra.Command, size int64, inputRows int, outs []job.File) *progress {
	f, ok := cmd.ErrOrStderr().(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || flagBool(cmd, "quiet") {
		return nil
	}
	rows := 0
	for _, o := range outs {
		rows += o.Rows
	}
	return newProgress(f, rows, outputEstimate(size, inputRows, rows))
}

// newProgress draws on w unconditionally.
func newProgress(w io.Writer, rows int, total int64) *progress {
	if total <= 0 {
		total = -1 // unknown: a spinner with bytes and rate
	}
	return &progress{max: total, bar: newBar(w, fmt.Sprintf("writing %d rows", rows), total, "")}
}

// wrap counts the bytes written through w on the bar.
func (p *progress) wrap(w io.Writer) io.Writer {
	if p == nil {
		return w
	}
	return io.MultiWriter(w, p)
}

// Write counts len(b) bytes on the bar; it never fails. The total is an
// estimate: once passed, the bar stays just below it (the percentage never
// goes back) until done.
func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := int64(len(b))
	p.count += n
	if p.max > 0 {
		n = min(n, p.max-1-p.shown)
	}
	if n > 0 {
		p.shown += n
		_ = p.bar.Add64(n) // a bar that cannot be drawn is no error of the output
	}
	return len(b), nil
}

// done draws the last count and clears the bar (on success, error or
// interrupt alike).
func (p *progress) done() {
	if p == nil {
		return
	}
	_ = p.bar.Clear()
}

// outputEstimate is the bytes the outputs will take, about: the input's
// size scaled by the rows written per input row.
func outputEstimate(size int64, inputRows, outRows int) int64 {
	if size <= 0 || inputRows == 0 {
		return 0
	}
	return int64(float64(size) * float64(outRows) / float64(inputRows))
}

// fileSize is the size of the file at path, 0 when unknown.
func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}

// inputSize is the size of the input as read: its decompressed bytes
// (what the outputs hold, uncompressed, and the bar counts), else the
// file's size.
func inputSize(t table.Table, path string) int64 {
	if s, ok := t.(interface{ Size() int64 }); ok {
		return s.Size()
	}
	return fileSize(path)
}

// newCountProgress draws a bar counting things (seeds) towards total on w,
// with the rate and the time left.
func newCountProgress(w io.Writer, things string, total int64) *bar {
	return newBar(w, things, total, things)
}
