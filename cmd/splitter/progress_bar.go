package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/term"
)

const (
	barWidth    = 24                     // columns of the bar between its |
	barThrottle = 100 * time.Millisecond // least time between two frames
	barSpinner  = `|/-\`                 // frames of the spinner, one per throttle
)

// bar draws one line of progress on a terminal with ANSI codes (carriage
// return, erase line): a description, a bar (a spinner when the total is
// unknown), the count in bytes or things, the rate and the time left. It
// draws at most one frame per barThrottle, the last state before it is
// cleared, and nothing after. Its methods are safe for concurrent use; it
// starts no goroutine and no timer, so a bar never cleared leaks nothing.
type bar struct {
	w      io.Writer
	desc   string
	total  int64            // unknown (a spinner) when <= 0
	things string           // unit of counts and rate; bytes when ""
	cols   func() int       // the terminal's width, 0 when unknown
	now    func() time.Time // the clock

	mu     sync.Mutex
	n      int64     // counted so far
	start  time.Time // when the bar was made
	last   time.Time // when the last frame was drawn
	drawnN int64     // n on the last frame
	drawn  bool      // a frame is on the line
	closed bool      // cleared: draws nothing more
}

// newBar counts things (bytes when "") towards total (unknown when <= 0)
// on w, fitting the line to the terminal's width when w is one.
func newBar(w io.Writer, desc string, total int64, things string) *bar {
	b := &bar{w: w, desc: desc, total: total, things: things, now: time.Now}
	if f, ok := w.(*os.File); ok {
		b.cols = func() int {
			c, _, err := term.GetSize(int(f.Fd()))
			if err != nil {
				return 0
			}
			return c
		}
	}
	b.start = b.now()
	return b
}

// Add64 counts n more.
func (b *bar) Add64(n int64) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil
	}
	b.n += n
	return b.throttledDraw()
}

// Set64 sets the count to n.
func (b *bar) Set64(n int64) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil
	}
	b.n = n
	return b.throttledDraw()
}

// Clear draws the final state, if not on the line yet, and erases the
// line. The bar draws nothing after.
func (b *bar) Clear() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil
	}
	b.closed = true
	if b.n != b.drawnN {
		if err := b.draw(b.now()); err != nil {
			return err
		}
	}
	if !b.drawn {
		return nil
	}
	b.drawn = false
	return b.write("\033[2K\r")
}

// throttledDraw draws a frame unless one was drawn within barThrottle.
// b.mu is held.
func (b *bar) throttledDraw() error {
	now := b.now()
	if b.drawn && now.Sub(b.last) < barThrottle {
		return nil
	}
	return b.draw(now)
}

// draw writes the frame at now. b.mu is held.
func (b *bar) draw(now time.Time) error {
	b.last, b.drawnN, b.drawn = now, b.n, true
	return b.write("\r" + b.frame(now) + "\033[0K")
}

// write writes s to the terminal.
func (b *bar) write(s string) error {
	if _, err := io.WriteString(b.w, s); err != nil {
		return fmt.Errorf("progress bar: %w", err)
	}
	return nil
}

// frame is the line showing the state at now, its bar narrowed to fit
// the terminal. b.mu is held.
func (b *bar) frame(now time.Time) string {
	line := b.line(now, barWidth)
	if b.cols == nil {
		return line
	}
	if cols := b.cols(); cols > 0 && utf8.RuneCountInString(line) > cols {
		line = b.line(now, max(barWidth-(utf8.RuneCountInString(line)-cols), 0))
	}
	return line
}

// line is the frame at now with a bar width columns wide, like
// "writing 10 rows  41% |█████████               | (1.3/3.1 MB, 12 MB/s) [0s:1s]"
// or, the total unknown, "| writing 10 rows (1.3 MB, 12 MB/s) [0s] ".
func (b *bar) line(now time.Time, width int) string {
	elapsed := max(now.Sub(b.start), 0)
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(b.n) / s
	}
	stats := "(" + b.count() + b.rate(rate) + ")"
	if b.total <= 0 {
		spin := barSpinner[int(elapsed/barThrottle)%len(barSpinner)]
		return fmt.Sprintf("%c %s %s [%s] ", spin, b.desc, stats, elapsed.Truncate(time.Second))
	}
	pct := int(min(max(float64(b.n)/float64(b.total), 0), 1) * 100)
	full := pct * width / 100
	s := fmt.Sprintf("%s%4d%% |%s%s| %s", b.desc, pct,
		strings.Repeat("█", full), strings.Repeat(" ", width-full), stats)
	if pct < 100 {
		s += fmt.Sprintf(" [%s:%s]", elapsed.Truncate(time.Second), timeLeft(b.total-b.n, rate))
	}
	return s
}

// count is the count so far, "1.3/3.1 MB", "512 kB/3.1 MB", "1200/5000",
// and without a total "1.3 MB" or "1200".
func (b *bar) count() string {
	if b.things != "" {
		if b.total <= 0 {
			return fmt.Sprint(b.n)
		}
		return fmt.Sprintf("%d/%d", b.n, b.total)
	}
	n, nUnit := humanBytes(float64(b.n))
	if b.total <= 0 {
		return n + nUnit
	}
	t, tUnit := humanBytes(float64(b.total))
	if nUnit == tUnit {
		return n + "/" + t + tUnit
	}
	return n + nUnit + "/" + t + tUnit
}

// rate is the rate after the count: ", 12 MB/s" (none when 0) or
// ", 52 seeds/s" (per minute or hour when slower).
func (b *bar) rate(perSec float64) string {
	if b.things == "" {
		if perSec <= 0 || math.IsInf(perSec, 1) {
			return ""
		}
		v, unit := humanBytes(perSec)
		return ", " + v + unit + "/s"
	}
	switch {
	case perSec > 1:
		return fmt.Sprintf(", %.0f %s/s", perSec, b.things)
	case perSec*60 > 1:
		return fmt.Sprintf(", %.0f %s/min", perSec*60, b.things)
	}
	return fmt.Sprintf(", %.0f %s/hr", perSec*3600, b.things)
}

// timeLeft is the time to count left more at perSec, in whole seconds;
// "?" when the rate is unknown or the time too long for a Duration.
func timeLeft(left int64, perSec float64) string {
	if left <= 0 {
		return "0s"
	}
	s := float64(left) / perSec
	if perSec <= 0 || s >= float64(math.MaxInt64/int64(time.Second)) {
		return "?"
	}
	return (time.Duration(s) * time.Second).String()
}

// humanBytes is n bytes in SI units, as a number and a unit with its
// space: (" 5", " B"), ("1.3", " MB"), ("12", " MB").
func humanBytes(n float64) (string, string) {
	units := [...]string{" B", " kB", " MB", " GB", " TB", " PB", " EB"}
	if n < 10 {
		return fmt.Sprintf("%2.0f", n), units[0]
	}
	e := min(int(math.Floor(math.Log(n)/math.Log(1000))), len(units)-1)
	v := math.Floor(n/math.Pow(1000, float64(e))*10+0.5) / 10
	if v < 10 {
		return fmt.Sprintf("%.1f", v), units[e]
	}
	return fmt.Sprintf("%.0f", v), units[e]
}
