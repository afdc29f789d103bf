package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeClock is a clock for a bar that moves only when told.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// newTestBar is a bar on a buffer with a fake clock.
func newTestBar(desc string, total int64, things string) (*bar, *bytes.Buffer, *fakeClock) {
	var buf bytes.Buffer
	clock := &fakeClock{t: time.Unix(1_000_000, 0)}
	b := newBar(&buf, desc, total, things)
	b.now, b.start = clock.now, clock.t
	return b, &buf, clock
}

// frames is the frames drawn in out, each without its carriage return
// and erase-to-end-of-line codes.
func frames(out string) []string {
	out = strings.TrimSuffix(out, "\033[2K\r")
	var fs []string
	for _, f := range strings.Split(out, "\r") {
		if f != "" {
			fs = append(fs, strings.TrimSuffix(f, "\033[0K"))
		}
	}
	return fs
}

func TestBarThrottles(t *testing.T) {
	b, buf, clock := newTestBar("seeds", 1_000_000, "seeds")
	for i := 0; i < 1000; i++ { // 1000 adds in 250 ms: 3 frames
		b.Add64(1)
		clock.advance(250 * time.Microsecond)
	}
	if fs := frames(buf.String()); len(fs) != 3 {
		t.Fatalf("%d frames for 1000 adds in 250 ms, want 3: %q", len(fs), fs)
	}
}

func TestBarThrottlesRealClock(t *testing.T) {
	var buf bytes.Buffer
	b := newBar(&buf, "writing 5 rows", 1<<30, "")
	start := time.Now()
	for i := 0; i < 100_000; i++ {
		b.Add64(10)
	}
	max := int(time.Since(start)/barThrottle) + 1
	b.Clear()
	if fs := frames(buf.String()); len(fs) > max+1 {
		t.Fatalf("%d frames in %v, want at most %d", len(fs), time.Since(start), max+1)
	}
}

func TestBarClearDrawsFinalThenClears(t *testing.T) {
	b, buf, clock := newTestBar("seeds", 1000, "seeds")
	b.Set64(10)
	clock.advance(10 * time.Millisecond)
	b.Set64(500) // throttled
	if strings.Contains(buf.String(), "500/1000") {
		t.Fatalf("throttled frame drawn: %q", buf.String())
	}
	if err := b.Clear(); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasSuffix(out, "500/1000, 50000 seeds/s) [0s:0s]\033[0K\033[2K\r") {
		t.Fatalf("output %q does not end with the final frame, then cleared", out)
	}
	b.Add64(1)
	b.Set64(1000)
	b.Clear()
	if buf.String() != out {
		t.Fatalf("bar drawn after it was cleared: %q", buf.String()[len(out):])
	}
}

func TestBarClearNothingDrawn(t *testing.T) {
	b, buf, _ := newTestBar("seeds", 1000, "seeds")
	b.Clear()
	if buf.Len() != 0 {
		t.Fatalf("a bar never moved wrote %q", buf.String())
	}
	b, buf, _ = newTestBar("seeds", 1000, "seeds")
	b.Set64(0)
	b.Clear()
	if got, want := buf.String(), "\rseeds   0% |                        | (0/1000, 0 seeds/hr) [0s:?]\033[0K\033[2K\r"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestBarConcurrentAdds(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, 8, 1<<40)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				p.Write(make([]byte, 1000))
			}
		}()
	}
	wg.Wait()
	p.done()
	fs := frames(buf.String())
	if last := fs[len(fs)-1]; !strings.Contains(last, "(8.0 MB/1.1 TB") {
		t.Fatalf("final frame %q, want 8.0 MB of 1.1 TB", last)
	}
	if p.count != 8_000_000 {
		t.Fatalf("count %d, want 8000000", p.count)
	}
}

func TestBarUnknownTotal(t *testing.T) {
	b, buf, clock := newTestBar("writing 7 rows", 0, "")
	var spins []byte
	for i := 0; i < 5; i++ {
		b.Add64(1_300_000)
		clock.advance(barThrottle)
		f := frames(buf.String())
		spins = append(spins, f[len(f)-1][0])
	}
	if string(spins) != `|/-\|` {
		t.Fatalf("spinner went %q", spins)
	}
	fs := frames(buf.String())
	if got, want := fs[len(fs)-1], `| writing 7 rows (6.5 MB, 16 MB/s) [0s] `; got != want {
		t.Fatalf("frame %q, want %q", got, want)
	}
	if strings.Contains(buf.String(), "%") {
		t.Fatalf("a percentage without a total: %q", buf.String())
	}
}

func TestBarFrames(t *testing.T) {
	for _, c := range []struct {
		name          string
		total, n      int64
		things        string
		after         time.Duration
		want          string
		cols, wantLen int
	}{
		{"bytes", 3 << 20, 1 << 20, "", 2 * time.Second,
			"writing 10 rows  33% |███████                 | (1.0/3.1 MB, 524 kB/s) [2s:4s]", 0, 0},
		{"units differ", 3 << 20, 5 << 10, "", 10 * time.Second,
			"writing 10 rows   0% |                        | (5.1 kB/3.1 MB, 512 B/s) [10s:1h42m14s]", 0, 0},
		{"few bytes", 3 << 20, 5, "", time.Second,
			"writing 10 rows   0% |                        | ( 5 B/3.1 MB,  5 B/s) [1s:174h45m44s]", 0, 0},
		{"full", 1000, 1000, "", time.Second,
			"writing 10 rows 100% |████████████████████████| (1.0/1.0 kB, 1.0 kB/s)", 0, 0},
		{"over", 1000, 2000, "", time.Second,
			"writing 10 rows 100% |████████████████████████| (2.0/1.0 kB, 2.0 kB/s)", 0, 0},
		{"seeds", 4_000_001, 1_000_000, "seeds", 90 * time.Second,
			"writing 10 rows  24% |█████                   | (1000000/4000001, 11111 seeds/s) [1m30s:4m30s]", 0, 0},
		{"slow seeds", 4_000_001, 10, "seeds", 100 * time.Second,
			"writing 10 rows   0% |                        | (10/4000001, 6 seeds/min) [1m40s:11111h5m10s]", 0, 0},
		{"never", 1 << 62, 1, "seeds", 10000 * time.Hour,
			"writing 10 rows   0% |                        | (1/4611686018427387904, 0 seeds/hr) [10000h0m0s:?]", 0, 0},
		{"narrow", 3 << 20, 1 << 20, "", 2 * time.Second,
			"writing 10 rows  33% |█████           | (1.0/3.1 MB, 524 kB/s) [2s:4s]", 70, 70},
		{"too narrow", 3 << 20, 1 << 20, "", 2 * time.Second,
			"writing 10 rows  33% || (1.0/3.1 MB, 524 kB/s) [2s:4s]", 20, 54},
	} {
		b, _, _ := newTestBar("writing 10 rows", c.total, c.things)
		b.n = c.n
		if c.cols > 0 {
			b.cols = func() int { return c.cols }
		}
		got := b.frame(b.start.Add(c.after))
		if got != c.want {
			t.Errorf("%s: frame\n%q, want\n%q", c.name, got, c.want)
		}
		if n := len([]rune(got)); c.wantLen > 0 && n != c.wantLen {
			t.Errorf("%s: %d columns, want %d", c.name, n, c.wantLen)
		}
	}
}

func TestHumanBytes(t *testing.T) {
	for _, c := range []struct {
		n    float64
		want string
	}{
		{0, " 0 B"}, {9, " 9 B"}, {10, "10 B"}, {999, "999 B"}, {1000, "1.0 kB"},
		{1499, "1.5 kB"}, {12_345_678, "12 MB"}, {3 << 20, "3.1 MB"}, {2e18, "2.0 EB"}, {5e21, "5000 EB"},
	} {
		if v, unit := humanBytes(c.n); v+unit != c.want {
			t.Errorf("humanBytes(%g) = %q, want %q", c.n, v+unit, c.want)
		}
	}
}
