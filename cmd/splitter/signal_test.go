package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignalStopsPromptly starts splits of a large CSV and a large Parquet
// file, waits until an output is being written, sends SIGINT or SIGTERM,
// and checks that the process exits within three seconds with a failure
// status and that the output folder is left empty (no output, no
// temporary, no manifest).
func TestSignalStopsPromptly(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "big.csv")
	writeScaleCSV(t, csvPath, 2_000_000)
	pqPath := filepath.Join(dir, "big.parquet")
	randomPQTable(rand.New(rand.NewPCG(1, 2)), 600_000).writeParquet(t, pqPath, 50_000)
	interrupted := 0
	for _, input := range []string{csvPath, pqPath} {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			out := filepath.Join(dir, "out")
			os.RemoveAll(out)
			cmd := exec.Command(splitterBin, "--seed", "1", "--test", "0.5", "--out-dir", out, input)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			// Wait for a temporary output: the run is writing.
			var err error
			writing := false
			for !writing {
				select {
				case err = <-exited:
					writing = true // finished first
					continue
				case <-time.After(time.Millisecond):
				}
				ents, _ := os.ReadDir(out)
				for _, e := range ents {
					if strings.Contains(e.Name(), ".tmp") {
						writing = true
					}
				}
			}
			if cmd.ProcessState != nil {
				t.Logf("%s: finished before the signal", filepath.Base(input))
				continue
			}
			sent := time.Now()
			cmd.Process.Signal(sig)
			select {
			case err = <-exited:
			case <-time.After(3 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("%s, %v: still running 3 s after the signal", filepath.Base(input), sig)
			}
			took := time.Since(sent)
			left := filesUnder(t, out)
			if err == nil {
				t.Logf("%s, %v: completed before the signal took effect", filepath.Base(input), sig)
				continue
			}
			interrupted++
			if code := cmd.ProcessState.ExitCode(); code != 130 || strings.Contains(stderr.String(), "panic") {
				t.Errorf("%s, %v: exit %d, want 130; stderr %.600s", filepath.Base(input), sig, code, stderr.Bytes())
			}
			t.Logf("%s, %v: stopped %v after the signal (%v)", filepath.Base(input), sig, took.Round(time.Millisecond), err)
			if len(left) != 0 {
				t.Errorf("%s, %v: left %v", filepath.Base(input), sig, left)
			}
		}
	}
	if interrupted == 0 {
		t.Error("no run was interrupted mid-write")
	}
}
