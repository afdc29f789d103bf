package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
	build := exec.Command("go", "build", "-buildvcs=true", "-o", splitterBin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0") // as README builds it
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
	return runCmd(t, exec.Command(splitterBin, args...), dir, args)
}

// runCmd runs cmd (splitter with args) in dir and collects its result;
// a failure to start it fails t.
func runCmd(t testing.TB, cmd *exec.Cmd, dir string, args []string) result {
	t.Helper()
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

// TestVersion: --version names the VCS revision (the test binary is built
// from the checkout with -buildvcs=true) and -v is --verbose, not
// --version.
func TestVersion(t *testing.T) {
	dir, path := writeInput(t, sampleCSV)
	r := runBin(t, dir, "--version")
	if !regexp.MustCompile(`^splitter \S+ [0-9a-f]{12}\S* \d{4}-\d\d-\d\dT`).Match(r.stdout) {
		if !bytes.Contains(r.stdout, []byte("unknown revision")) || isGitCheckout() {
			t.Errorf("--version printed %q", r.stdout)
		}
	}
	r = runBin(t, dir, "-v", "--seed", "1", path)
	if r.code != 0 || !bytes.Contains(r.stderr, []byte("train: ")) || !bytes.Contains(r.stderr, []byte("train_test_split(df, random_state=1)")) {
		t.Errorf("-v: exit %d, stderr %q", r.code, r.stderr)
	}
	r = runBin(t, dir, "-q", "--test", "0.5", "--out-dir", "q", path)
	if r.code != 0 || len(r.stderr) != 0 {
		t.Errorf("-q with a manifest recording the drawn seed: exit %d, stderr %q", r.code, r.stderr)
	}
}

// isGitCheckout reports whether the package sits in a git work tree (then
// the built binary must carry its revision).
func isGitCheckout() bool {
	return exec.Command("git", "rev-parse", "--is-inside-work-tree").Run() == nil
}
