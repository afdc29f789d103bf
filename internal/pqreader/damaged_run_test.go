package pqreader

import (
	"bufio"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// runChildren runs TestDamagedChild over inputs 0..n-1 of dir, restarting
// it past an input where it stalls (stall without a line) or dies, and
// fails t on a difference or where ours hangs or survives pqarrow's crash.
func runChildren(t *testing.T, dir string, n int) map[string]int {
	stats := map[string]int{}
	for from := 0; from < n; {
		last, stage, stalled := runChild(t, dir, from, "both", stats)
		bad := from
		switch stage {
		case "done":
			if last == n-1 {
				return stats
			}
			bad = last + 1
		case "pqarrow":
			t.Fatalf("input %d: ours hangs or crashes where pqarrow reads", last)
		}
		from = bad + 1
		if stalled {
			// pqarrow hung in parquet/file's page loop, which ours runs
			// too (see TestFuzzCorpusAndDamage): counted, not failed.
			stats["pqarrow hung"]++
			continue
		}
		// pqarrow crashed (a panic on its goroutines): ours alone must
		// fail or panic, without hanging.
		if _, ostage, _ := runChild(t, dir, bad, "ours", stats); ostage != "done" {
			t.Fatalf("input %d: pqarrow crashed, ours hangs or crashes", bad)
		}
		stats["pqarrow crashed, ours failed"]++
	}
	return stats
}

// How long a child may go without a line: short while pqarrow reads (a
// stall there only skips the input), long while ours reads (a stall there
// fails the test), longer for the child's start.
const (
	stallPqarrow = time.Second
	stallOurs    = 10 * time.Second
	stallStart   = 3 * time.Second
)

// runChild runs one child from input from; it returns the last input it
// reported on, how far it got ("none", "pqarrow", "done") and whether it
// stalled (rather than ended).
func runChild(t *testing.T, dir string, from int, mode string, stats map[string]int) (int, string, bool) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestDamagedChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "PQREADER_DAMAGED="+dir, "PQREADER_FROM="+strconv.Itoa(from), "PQREADER_MODE="+mode)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	last, stage := from, "none"
	timer := time.NewTimer(stallStart)
	defer func() {
		timer.Stop()
		cmd.Process.Kill()
		for range lines {
		}
		cmd.Wait()
	}()
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				return last, stage, false
			}
			f := strings.SplitN(line, " ", 3)
			if len(f) < 2 || (f[0] != "pqarrow" && f[0] != "done") {
				continue
			}
			last, _ = strconv.Atoi(f[1])
			stage = f[0]
			if stage == "pqarrow" {
				timer.Reset(stallOurs)
			} else {
				timer.Reset(stallPqarrow)
			}
			if f[0] == "done" && mode == "ours" {
				if f[2] == "true" {
					t.Fatalf("input %d: pqarrow crashed or hung, ours reads it all", last)
				}
			} else if f[0] == "done" {
				if f[2] != "ok" {
					t.Fatalf("input %d: %s", last, f[2])
				}
				stats["compared"]++
			}
		case <-timer.C:
			return last, stage, true
		}
	}
}
