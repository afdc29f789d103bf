package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// splitterBin is the binary built once by TestMain for the end-to-end tests.
var splitterBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "splitter-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	splitterBin = filepath.Join(dir, "splitter")
	build := exec.Command("go", "build", "-o", splitterBin, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building splitter:", err)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is one run of the binary.
type result struct {
	stdout, stderr []byte
	code           int
}

// runBin runs the built binary with args in dir (the current directory
// when empty).
func runBin(t testing.TB, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(splitterBin, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("running splitter %q: %v", args, err)
		}
		code = ee.ExitCode()
	}
	return result{stdout.Bytes(), stderr.Bytes(), code}
}

// mustRun runs the binary and fails t on a non-zero exit.
func mustRun(t testing.TB, dir string, args ...string) result {
	t.Helper()
	r := runBin(t, dir, args...)
	if r.code != 0 {
		t.Fatalf("splitter %q: exit %d\nstderr: %s", args, r.code, r.stderr)
	}
	return r
}
