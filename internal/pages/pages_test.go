package pages

import (
	"runtime"
	"syscall"
	"testing"
)

// TestPopulateKeepsContents: populating a slice that starts mid-page
// changes none of its bytes, nor those around it.
func TestPopulateKeepsContents(t *testing.T) {
	b := make([]byte, 3<<20)
	for i := range b {
		b[i] = byte(i * 7)
	}
	Populate(b[123 : 2<<20+5])
	Populate(b[:10]) // small: nothing to do
	Populate([]int64(nil))
	for i := range b {
		if b[i] != byte(i*7) {
			t.Fatalf("byte %d changed", i)
		}
	}
}

// TestPopulateFaults: on Linux, writing a populated slice takes almost no
// page faults; writing a fresh one takes one a page.
func TestPopulateFaults(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("MADV_POPULATE_WRITE is Linux's")
	}
	const size = 8 << 20
	faults := func(populate bool) int64 {
		s := make([]uint32, size/4)
		if populate {
			Populate(s)
		}
		var before, after syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &before)
		for i := 0; i < len(s); i += 1024 {
			s[i] = uint32(i)
		}
		syscall.Getrusage(syscall.RUSAGE_SELF, &after)
		runtime.KeepAlive(s)
		return after.Minflt - before.Minflt
	}
	fresh, populated := faults(false), faults(true)
	t.Logf("faults writing 8 MiB: fresh %d, populated %d", fresh, populated)
	if fresh < 512 {
		t.Skipf("a fresh 8 MiB took only %d faults (huge pages?): nothing to compare", fresh)
	}
	if populated > fresh/8 {
		t.Errorf("populated slice took %d faults, fresh %d: not populated", populated, fresh)
	}
}
