package main

import (
	"github.com/splitter-dev/splitter/job"

	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// progress is the bar drawn on stderr while outputs are written: the rows
// being written, bytes written, rate and ETA. It is nil (and every method a
// no-op) when stderr is not a terminal, so pipes, logs and tests see
// nothing.
type progress struct {
	mu    sync.Mutex // outputs may be written at once
	bar   *progressbar.ProgressBar
	max   int64
	count int64
}

// startProgress starts a bar for writing outs (from input, of inputRows
// rows) when the command's stderr is a terminal.
func startProgress(cmd *cobra.Command, input string, inputRows int, outs []job.File) *progress {
	f, ok := cmd.ErrOrStderr().(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || flagBool(cmd, "quiet") {
		return nil
	}
	rows := 0
	for _, o := range outs {
		rows += o.Rows
	}
	return newProgress(f, rows, outputEstimate(input, inputRows, rows))
}

// newProgress draws on w unconditionally.
func newProgress(w io.Writer, rows int, total int64) *progress {
	if total <= 0 {
		total = -1 // unknown: a spinner with bytes and rate
	}
	return &progress{max: total, bar: progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(fmt.Sprintf("writing %d rows", rows)),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowTotalBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(24),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionUseANSICodes(true),
	)}
}

// wrap counts the bytes written through w on the bar.
func (p *progress) wrap(w io.Writer) io.Writer {
	if p == nil {
		return w
	}
	return io.MultiWriter(w, p)
}

// Write counts len(b) bytes on the bar; it never fails (the total is an
// estimate: it grows when passed).
func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.count += int64(len(b))
	if p.max > 0 && p.count > p.max {
		p.max = p.count + p.count/8
		p.bar.ChangeMax64(p.max)
	}
	p.bar.Add64(int64(len(b)))
	return len(b), nil
}

// done clears the bar (on success, error or interrupt alike).
func (p *progress) done() {
	if p == nil {
		return
	}
	p.bar.Finish()
	p.bar.Clear()
}

// outputEstimate is the bytes the outputs will take, about: the input's
// size scaled by the rows written per input row.
func outputEstimate(input string, inputRows, outRows int) int64 {
	st, err := os.Stat(input)
	if err != nil || inputRows == 0 {
		return 0
	}
	return int64(float64(st.Size()) * float64(outRows) / float64(inputRows))
}

// newCountProgress draws a bar counting things (seeds) towards total on w,
// with the rate and the time left.
func newCountProgress(w io.Writer, things string, total int64) *progressbar.ProgressBar {
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(things),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(things),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(24),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionUseANSICodes(true),
	)
}
