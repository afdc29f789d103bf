package main

import (
	"bytes"
	"compress/gzip"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// signalGrace bounds how long a signalled run may take to exit before the
// test gives up on it. It is not a speed check (speed is measured in
// benchmarks): it only turns a hung process into a clear failure, so it is
// far above what any load can cause.
const signalGrace = 60 * time.Second

// writingTemp reports whether the run is writing its outputs into dir:
// rows.Outputs stages them as unnamed files (nothing to see in the
// folder), but it makes the missing folder dir first.
func writingTemp(dir string) bool {
	_, err := os.Stat(dir)
	return err == nil
}

// signalWhen starts cmd, waits until ready() holds (polled) or the process
// ends by itself, then sends sig and waits for the exit. sent is false when
// the process ended before the signal. A process still running
// signalGrace after the signal is killed and fails t.
func signalWhen(t *testing.T, cmd *exec.Cmd, sig os.Signal, ready func() bool) (err error, sent bool) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	for !ready() {
		select {
		case err = <-exited:
			return err, false
		case <-time.After(2 * time.Millisecond):
		}
	}
	cmd.Process.Signal(sig)
	sentAt := time.Now()
	select {
	case err = <-exited:
		// A run ends at most interruptGrace (0.5 s) after a signal, plus
		// the time to exit; 5 s leaves room for a loaded machine.
		if d := time.Since(sentAt); d > 5*time.Second {
			t.Errorf("splitter %q took %v to stop after %v", cmd.Args[1:], d, sig)
		}
		return err, true
	case <-time.After(signalGrace):
		cmd.Process.Kill()
		<-exited
		t.Fatalf("splitter %q still running %v after %v", cmd.Args[1:], signalGrace, sig)
		return nil, true
	}
}

// TestSignalStopsPromptly starts splits of a large CSV and a large Parquet
// file, waits until the outputs are being written (their folder
// appears), sends SIGINT or SIGTERM, and checks that the process stops
// with status 130 and leaves the output folder empty (no output, no
// temporary, no manifest). A run that completes before the signal takes
// effect is retried; at least one run must be interrupted mid-write.
func TestSignalStopsPromptly(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "big.csv")
	writeScaleCSV(t, csvPath, 2_000_000)
	pqPath := filepath.Join(dir, "big.parquet")
	randomPQTable(rand.New(rand.NewPCG(1, 2)), 600_000).writeParquet(t, pqPath, 50_000)
	gzPath := filepath.Join(dir, "big.csv.gz")
	gzipFile(t, csvPath, gzPath)
	interrupted := 0
	for _, input := range []string{csvPath, pqPath, gzPath} {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			name := filepath.Base(input) + ", " + sig.String()
			for attempt := 0; attempt < 3; attempt++ {
				out := filepath.Join(dir, "out")
				os.RemoveAll(out)
				cmd := exec.Command(splitterBin, "--seed", "1", "--test", "0.5", "--out-dir", out, input)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				start := time.Now()
				ready := func() bool { return writingTemp(out) }
				if input == gzPath { // interrupt the decompression, once it reads
					ready = func() bool { return time.Since(start) > 300*time.Millisecond && hasOpen(cmd.Process, gzPath) }
				}
				err, sent := signalWhen(t, cmd, sig, ready)
				took := time.Since(start)
				if !sent || err == nil {
					t.Logf("%s: completed before the signal took effect (%v)", name, took.Round(time.Millisecond))
					continue
				}
				interrupted++
				if code := cmd.ProcessState.ExitCode(); code != 130 || strings.Contains(stderr.String(), "panic") {
					t.Errorf("%s: exit %d, want 130; stderr %.600s", name, code, stderr.Bytes())
				}
				t.Logf("%s: stopped (%v), run took %v", name, err, took.Round(time.Millisecond))
				// The folder the run made goes too.
				if _, err := os.Stat(out); err == nil {
					t.Errorf("%s: left %v and the folder %s", name, filesUnder(t, out), out)
				}
				break
			}
		}
	}
	if interrupted == 0 {
		t.Error("no run was interrupted mid-write")
	}
}

// gzipFile writes src gzip-compressed to dst.
func gzipFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	zw.Write(in)
	zw.Close()
	if err := os.WriteFile(dst, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// hasOpen reports whether process p has path open (Linux's /proc; true
// elsewhere): it is past its start and into its work.
func hasOpen(p *os.Process, path string) bool {
	if p == nil {
		return false
	}
	fds := filepath.Join("/proc", strconv.Itoa(p.Pid), "fd")
	ents, err := os.ReadDir(fds)
	if err != nil {
		return runtime.GOOS != "linux"
	}
	for _, e := range ents {
		if target, err := os.Readlink(filepath.Join(fds, e.Name())); err == nil && target == path {
			return true
		}
	}
	return false
}
