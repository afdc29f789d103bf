package main

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// TestProgressMonotonic: writing past the estimate (headers, long rows)
// never moves the percentage back; it holds below 100% until done.
func TestProgressMonotonic(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, 10, 4<<10)
	chunk := make([]byte, 700)
	for i := 0; i < 12; i++ {
		p.Write(chunk)
		time.Sleep(120 * time.Millisecond) // past the bar's redraw throttle
	}
	last := -1
	for _, m := range regexp.MustCompile(`(\d+)%`).FindAllStringSubmatch(buf.String(), -1) {
		pct, _ := strconv.Atoi(m[1])
		if pct < last {
			t.Fatalf("percentage went from %d%% back to %d%%: %q", last, pct, buf.String())
		}
		last = pct
	}
	if last < 50 || last >= 100 {
		t.Fatalf("last percentage %d%%, want it held below 100%%: %q", last, buf.String())
	}
	p.done()
}
