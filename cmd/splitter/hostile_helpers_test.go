package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// fileState is what a snapshot records of one entry under a folder.
type fileState struct {
	kind string // "file", "dir", "symlink", "other"
	size int64
	mode fs.FileMode
	sum  string // SHA-256 of a regular file, the target of a symlink
}

// snapshot is the state of a folder tree: every entry (hidden ones
// included) by its path relative to the root.
type snapshot map[string]fileState

// takeSnapshot walks root (a missing root is an empty snapshot) and records
// the kind, size, mode and SHA-256 of every entry. FIFOs and devices are
// recorded but never opened.
func takeSnapshot(t testing.TB, root string) snapshot {
	t.Helper()
	s := snapshot{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return filepath.SkipAll
			}
			return err
		}
		rel, _ := filepath.Rel(root, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		st := fileState{size: info.Size(), mode: info.Mode()}
		switch {
		case d.IsDir():
			st.kind, st.size = "dir", 0
		case info.Mode().IsRegular():
			st.kind = "file"
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h := sha256.Sum256(data)
			st.sum = hex.EncodeToString(h[:])
		case info.Mode()&fs.ModeSymlink != 0:
			st.kind = "symlink"
			st.sum, _ = os.Readlink(p)
		default:
			st.kind = "other"
		}
		s[rel] = st
		return nil
	})
	if err != nil {
		t.Fatalf("snapshot of %s: %v", root, err)
	}
	return s
}

// diff describes how after differs from s ("" when identical).
func (s snapshot) diff(after snapshot) string {
	var out []string
	for p, a := range after {
		b, ok := s[p]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("new %s %s (%d bytes)", a.kind, p, a.size))
		case a != b:
			out = append(out, fmt.Sprintf("changed %s: %+v → %+v", p, b, a))
		}
	}
	for p, b := range s {
		if _, ok := after[p]; !ok {
			out = append(out, fmt.Sprintf("gone %s %s", b.kind, p))
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// runOpts are the optional settings of runHostile.
type runOpts struct {
	dir     string        // working directory
	tmpdir  string        // TMPDIR for the run ("" leaves it)
	stdin   string        // a file to connect to stdin ("" for none)
	umask   int           // umask for the run (0 keeps the test's)
	timeout time.Duration // 0: hostileTimeout
	shell   string        // a shell prefix run before exec (e.g. "ulimit -f 8")
}

// hostileTimeout bounds every run of the binary in the hostile and fault
// tests: a run still going after it hung (on a FIFO, a device, stdin) and
// fails the test. Far above what any load can cause for these tiny inputs.
const hostileTimeout = 5 * time.Second

// runHostile runs the binary with args under o. hung reports a run killed
// at the timeout. When o.umask or o.shell is set the binary is started by
// sh (`umask U; SHELL; exec splitter ARGS`), so the exit status is the
// binary's.
func runHostile(t testing.TB, o runOpts, args ...string) (res result, hung bool) {
	t.Helper()
	timeout := o.timeout
	if timeout == 0 {
		timeout = hostileTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var cmd *exec.Cmd
	if o.umask > 0 || o.shell != "" {
		script := ""
		if o.umask > 0 {
			script += fmt.Sprintf("umask %03o; ", o.umask)
		}
		if o.shell != "" {
			script += o.shell + "; "
		}
		script += `exec "$0" "$@"`
		cmd = exec.CommandContext(ctx, "/bin/sh", append([]string{"-c", script, splitterBin}, args...)...)
	} else {
		cmd = exec.CommandContext(ctx, splitterBin, args...)
	}
	cmd.Dir = o.dir
	cmd.Env = os.Environ()
	if o.tmpdir != "" {
		cmd.Env = append(cmd.Env, "TMPDIR="+o.tmpdir)
	}
	if o.stdin != "" {
		f, err := os.Open(o.stdin)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		cmd.Stdin = f
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			if ctx.Err() != nil {
				return result{stdout.Bytes(), stderr.Bytes(), -1}, true
			}
			t.Fatalf("running splitter %q: %v", args, err)
		}
		code = ee.ExitCode()
		if ws, ok := ee.Sys().(interface{ Signaled() bool }); ok && ws.Signaled() {
			code = -1
		}
	}
	if ctx.Err() != nil {
		return result{stdout.Bytes(), stderr.Bytes(), code}, true
	}
	return result{stdout.Bytes(), stderr.Bytes(), code}, false
}

// errorProblem returns what is wrong with res as a failed run under the
// contract (exit 2, exactly one stderr line starting "splitter: " that
// contains every one of names, no panic or goroutine trace), or "".
func errorProblem(res result, names ...string) string {
	var p []string
	if res.code != 2 {
		p = append(p, fmt.Sprintf("exit %d, want 2", res.code))
	}
	p = append(p, stderrProblems(res.stderr, names...)...)
	return strings.Join(p, "; ")
}

// stderrProblems checks an error run's stderr: one line, "splitter: ",
// naming names, no trace.
func stderrProblems(stderr []byte, names ...string) []string {
	var p []string
	s := string(stderr)
	if strings.Contains(s, "panic") || strings.Contains(s, "goroutine ") {
		p = append(p, "a panic or goroutine trace on stderr")
	}
	if strings.Count(s, "\n") != 1 || !strings.HasSuffix(s, "\n") {
		p = append(p, fmt.Sprintf("%d stderr lines, want exactly 1", strings.Count(s, "\n")))
	}
	if !strings.HasPrefix(s, "splitter: ") {
		p = append(p, `stderr does not start with "splitter: "`)
	}
	for _, n := range names {
		if !strings.Contains(s, n) {
			p = append(p, fmt.Sprintf("stderr does not name %q", n))
		}
	}
	return p
}

// sha256File returns the hex SHA-256 of a file's bytes.
func sha256File(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// clip shortens a stderr for a failure message.
func clip(b []byte) string {
	const n = 400
	if len(b) > n {
		return fmt.Sprintf("%q…(%d bytes)", b[:n], len(b))
	}
	return fmt.Sprintf("%q", b)
}
