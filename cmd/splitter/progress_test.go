package main

import (
	"bytes"
	"github.com/splitter-dev/splitter/job"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/internal/oracle"
)

func TestProgressDraws(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, 1000, 3<<20) // estimate passed: the bar grows
	var out bytes.Buffer
	w := p.wrap(&out)
	chunk := bytes.Repeat([]byte("x"), 1<<20)
	for i := 0; i < 4; i++ {
		w.Write(chunk)
	}
	p.done()
	if out.Len() != 4<<20 {
		t.Fatalf("wrapped writer passed %d bytes", out.Len())
	}
	s := buf.String()
	for _, want := range []string{"writing 1000 rows", "B/s", "/3.1 MB"} {
		if !strings.Contains(s, want) {
			t.Errorf("bar output %q lacks %q", s, want)
		}
	}
}

func TestProgressOffWhenNotTerminal(t *testing.T) {
	cmd := &cobra.Command{}
	var buf bytes.Buffer
	cmd.SetErr(&buf)
	if p := startProgress(cmd, 0, 10, []job.File{{Rows: 10}}); p != nil {
		t.Fatal("progress bar on a non-terminal writer")
	}
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cmd.SetErr(f)
	if p := startProgress(cmd, 0, 10, []job.File{{Rows: 10}}); p != nil {
		t.Fatal("progress bar on a regular file")
	}
	var nilBar *progress
	var out bytes.Buffer
	if nilBar.wrap(&out) != &out {
		t.Fatal("nil progress wraps")
	}
	nilBar.done()
}

// TestProgressOnTerminal runs the binary with stderr on a pseudo-terminal
// (Python's pty module) and checks that the bar is drawn there, while a
// run with stderr on a pipe prints nothing but errors.
func TestProgressOnTerminal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.csv")
	writeScaleCSV(t, path, 1_000_000)
	out, err := runOnPTY("--seed", "3", "--test", "0.2", "--no-manifest", path)
	if err != nil {
		t.Fatalf("splitter under a pty: %v: %q", err, out)
	}
	s := string(out)
	if !strings.Contains(s, "writing 1000000 rows") || !strings.Contains(s, "MB") {
		t.Fatalf("no progress bar on the terminal: %q", s)
	}
	res := mustRun(t, "", "--seed", "3", "--test", "0.2", "--no-manifest", path)
	if len(res.stderr) != 0 {
		t.Fatalf("stderr on a pipe: %q", res.stderr)
	}
}

// ptyScript runs sys.argv[1:] with a pseudo-terminal as its stdout and
// stderr, copies what appeared there to stdout and exits with its status.
const ptyScript = `
import os, pty, sys
out = b""
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
while True:
    try:
        b = os.read(fd, 65536)
    except OSError:
        break
    if not b:
        break
    out += b
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
sys.exit(os.waitstatus_to_exitcode(status))
`

// runOnPTY runs the splitter binary with args under a pseudo-terminal
// (Python's pty module) and returns what it printed there.
func runOnPTY(args ...string) ([]byte, error) {
	return exec.Command(oracle.Interpreter(), append([]string{"-c", ptyScript, splitterBin}, args...)...).Output()
}
