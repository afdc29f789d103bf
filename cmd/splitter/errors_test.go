package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sampleCSV is a small valid input for flag tests.
const sampleCSV = "id,label,grp,w\n0,a,1,1.5\n1,b,1,2\n2,a,2,0\n3,b,2,1\n4,a,3,1\n5,b,3,2\n6,a,4,1\n7,b,4,1\n"

// writeInput writes content to data.csv in a fresh folder.
func writeInput(t *testing.T, content string) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "data.csv")
	if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// TestCommandErrors checks that bad flags, bad combinations, bad columns
// and bad input fail with one line naming the culprit, and write nothing.
func TestCommandErrors(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		input string // default sampleCSV
		want  string
	}{
		{args: []string{"--seed", "1", "--group", "grp", "--stratify", "label"}, want: "--group with --stratify"},
		{args: []string{"--seed", "1", "--group", "grp", "--no-shuffle"}, want: "--group with --no-shuffle"},
		{args: []string{"--seed", "1", "--compat", "datasets", "--group", "grp"}, want: "--compat datasets with --group"},
		{args: []string{"--seed", "1", "--val", "0.2", "--train", "0.5"}, want: "--val with --train"},
		{args: []string{"--seed", "1", "--val", "0.2", "--group", "grp"}, want: "--val with --group"},
		{args: []string{"--seed", "1", "--lengths", "4,4"}, want: "--lengths"},
		{args: []string{"--seed", "1", "--compat", "torch"}, want: "--lengths"},
		{args: []string{"--seed", "1", "--compat", "torch", "--lengths", "3.0,5.0"}, want: "--lengths"},
		{args: []string{"--seed", "1", "--compat", "torch", "--lengths", "0.56,0.34,0.1"}, want: "--lengths"},
		{args: []string{"--seed", "1", "--compat", "torch", "--lengths", "-1,9"}, want: "--lengths"},
		{args: []string{"--seed", "1", "--compat", "torch", "--lengths", "4,4", "--names", "a,a"}, want: "--names"},
		{args: []string{"--seed", "1", "--compat", "torch", "--lengths", "4,4", "--names", "a"}, want: "--names"},
		{args: []string{"--seed", "1", "--compat", "torch", "--test", "0.33"}, want: "--test"},
		{args: []string{"--seed", "1", "--compat", "bogus"}, want: "--compat"},
		{args: []string{"--seed", "-1"}, want: "--seed"},
		{args: []string{"--seed", "4294967296"}, want: "--seed"},
		{args: []string{"--seed", "1", "--test", "0"}, want: "--test"},
		{args: []string{"--seed", "1", "--test", "1.0"}, want: "--test"},
		{args: []string{"--seed", "1", "--test", "abc"}, want: "--test"},
		{args: []string{"--seed", "1", "--test", "9"}, want: "--test"},
		{args: []string{"--seed", "1", "--train", "1.5"}, want: "--train"},
		{args: []string{"--seed", "1", "--test", "0.6", "--train", "0.6"}, want: "--test/--train"},
		{args: []string{"--seed", "1", "--test", "0.2", "--val", "0"}, want: "--val"},
		{args: []string{"--seed", "1", "--stratify", "nope"}, want: "nope"},
		{args: []string{"--seed", "1", "--stratify", "id"}, want: "data.csv"},
		{args: []string{"--seed", "1"}, input: "a,b\n1,2\n3,4\n5,\"6\n", want: "line 4"},
		{args: []string{"--seed", "1"}, input: "a,b\n1,2\n3,4\n5,6,7\n", want: "line 4"},
		{args: []string{"--seed", "1"}, input: "", want: "data.csv"},
		{args: []string{"split", "--seed", "1", "missing.csv"}, want: "missing.csv"},
		{args: []string{"kfold", "--folds", "1"}, want: "--folds"},
		{args: []string{"kfold", "--folds", "3.0"}, want: "--folds"},
		{args: []string{"kfold", "--folds", "9", "--seed", "1"}, want: "--folds"},
		{args: []string{"kfold", "--seed", "1", "--no-shuffle"}, want: "--seed"},
		{args: []string{"kfold", "--seed", "1", "--group", "grp"}, want: "--seed"},
		{args: []string{"kfold", "--time-series", "--seed", "1"}, want: "--time-series with --seed"},
		{args: []string{"kfold", "--seed", "1", "--gap", "2"}, want: "--gap needs --time-series"},
		{args: []string{"kfold", "--no-shuffle", "--seed", "1", "--stratify", "label", "--group", "grp"}, want: "--seed"},
		{args: []string{"kfold", "--seed", "1", "--stratify", "w"}, want: "data.csv"},
		{args: []string{"shuffle", "--seed", "1"}, want: "-o"},
		{args: []string{"shuffle", "--seed", "x", "-o", "out.csv"}, want: "--seed"},
		{args: []string{"sample", "--seed", "1", "--n", "2", "--frac", "0.5", "-o", "out.csv"}, want: "frac"},
		{args: []string{"sample", "--seed", "1", "--n", "-1", "-o", "out.csv"}, want: "n"},
		{args: []string{"sample", "--seed", "1", "--n", "9", "-o", "out.csv"}, want: "data.csv"},
		{args: []string{"sample", "--seed", "1", "--frac", "1.5", "-o", "out.csv"}, want: "Replace"},
		{args: []string{"sample", "--seed", "1", "--n", "2", "--weights", "label", "-o", "out.csv"}, want: "--weights"},
		{args: []string{"sample", "--seed", "1", "--n", "2", "--weights", "nope", "-o", "out.csv"}, want: "nope"},
		{args: []string{"sample", "--seed", "1", "--n", "2", "-o", ""}, want: "-o"},
		{args: []string{"shuffle", "--seed", "1", "-o", "out.parquet"}, want: "-o out.parquet"},
		{args: []string{"sample", "--seed", "1", "-o", "out.jsonl"}, want: "-o out.jsonl"},
	} {
		input := sampleCSV
		if tc.input != "" || tc.want == "data.csv" && len(tc.args) == 2 {
			input = tc.input
		}
		dir, path := writeInput(t, input)
		args := append([]string(nil), tc.args...)
		if !strings.HasSuffix(args[len(args)-1], ".csv") || args[len(args)-2] == "-o" {
			args = append(args, path)
		}
		res := runBin(t, dir, args...)
		name := "splitter " + strings.Join(tc.args, " ")
		if res.code == 0 {
			t.Errorf("%s: exit 0, want an error", name)
			continue
		}
		if bytes.Count(res.stderr, []byte("\n")) != 1 || !strings.Contains(string(res.stderr), tc.want) {
			t.Errorf("%s: stderr %q, want one line naming %q", name, res.stderr, tc.want)
		}
		if left := filesUnder(t, dir); len(left) != 1 {
			t.Errorf("%s: left %v", name, left)
		}
	}
}

// TestDefaultCommand checks that `splitter FLAGS INPUT` runs split, that
// outputs go beside the input or in a created --out-dir, and that STEM
// drops .csv.
func TestDefaultCommand(t *testing.T) {
	dir, path := writeInput(t, sampleCSV)
	a := mustRun(t, dir, "--seed", "5", "--test", "0.25", path)
	b := mustRun(t, dir, "split", "--seed", "5", "--test", "0.25", "--out-dir", "o/p", "data.csv")
	if len(a.stderr)+len(b.stderr) != 0 {
		t.Errorf("stderr: %q %q", a.stderr, b.stderr)
	}
	for _, part := range []string{"train", "test"} {
		x, err1 := os.ReadFile(filepath.Join(dir, "data."+part+".csv"))
		y, err2 := os.ReadFile(filepath.Join(dir, "o", "p", "data."+part+".csv"))
		if err1 != nil || err2 != nil || !bytes.Equal(x, y) {
			t.Errorf("%s: %v %v, equal=%v", part, err1, err2, bytes.Equal(x, y))
		}
	}
	// Bare file name as the only argument; drawn seed on stderr.
	res := mustRun(t, dir, "data.csv", "--out-dir", "drawn")
	if !strings.HasPrefix(string(res.stderr), "seed: ") {
		t.Errorf("no seed on stderr: %q", res.stderr)
	}
	// A mistyped command is not taken for a file.
	if r := runBin(t, dir, "kfodl"); r.code == 0 || !strings.Contains(string(r.stderr), "unknown command") {
		t.Errorf("kfodl: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestInterruptLeavesNothing sends SIGINT while large inputs (plain and
// gzip-compressed) are being split, folded and shuffled (early in the run,
// and once an output is being written), and checks that
// the process exits cleanly (status 130, one line) and that no output,
// manifest or temporary file remains.
func TestInterruptLeavesNothing(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("id,text\n")
	for i := range 2_000_000 {
		b.WriteString(strconv.Itoa(i))
		b.WriteString(",\"some, quoted text\"\n")
	}
	dir, path := writeInput(t, b.String())
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(b.Bytes())
	zw.Close()
	gzPath := filepath.Join(dir, "data.csv.gz")
	if err := os.WriteFile(gzPath, gz.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "tmp")
	os.Mkdir(tmp, 0o777)
	inputs := filesUnder(t, dir)
	out := filepath.Join(dir, "out")
	runs := [][]string{
		{"--seed", "1", "--test", "0.5", "--out-dir", out, path},
		{"--seed", "1", "--out-dir", out, gzPath},
		{"kfold", "--seed", "1", "--out-dir", out, path},
		{"shuffle", "--seed", "1", gzPath, "-o", filepath.Join(out, "s.csv.gz")},
	}
	interrupted := 0
	for i, args := range runs {
		// Two moments: soon after the start (start-up, reading or
		// shuffling, depending on the machine's load), and once an output
		// is being written (event-driven: a temporary file appears).
		for _, when := range []string{"early", "writing"} {
			cmd := exec.Command(splitterBin, args...)
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			ready := func() bool { return writingTemp(out) }
			if when == "early" {
				start := time.Now()
				ready = func() bool { return time.Since(start) >= 50*time.Millisecond }
			}
			err, _ := signalWhen(t, cmd, syscall.SIGINT, ready)
			left := filesUnder(t, dir)
			if err == nil {
				// Finished before the signal: the outputs are complete.
				os.RemoveAll(out)
				continue
			}
			interrupted++
			if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				// The signal came before the handler was installed (process
				// start-up): the default action ended it before any output.
				if !slices.Equal(left, inputs) {
					t.Errorf("run %d killed at start-up (%s): left %v", i, when, left)
				}
				continue
			}
			if code := cmd.ProcessState.ExitCode(); code != 130 || bytes.Count(stderr.Bytes(), []byte("\n")) != 1 {
				t.Errorf("run %d interrupted (%s): exit %d, stderr %q", i, when, code, stderr.Bytes())
			}
			if !slices.Equal(left, inputs) {
				t.Errorf("run %d interrupted (%s): left %v", i, when, left)
			}
		}
	}
	t.Logf("%d runs interrupted", interrupted)
}

// TestManifestFlags checks where the manifest goes: beside the outputs by
// default (named after OUT's stem for -o), at --manifest PATH, nowhere
// with --no-manifest; both flags together are an error.
func TestManifestFlags(t *testing.T) {
	dir, path := writeInput(t, sampleCSV)
	mustRun(t, dir, "--seed", "1", "--out-dir", "a", path)
	mustRun(t, dir, "--seed", "1", "--out-dir", "b", "--manifest", "m/x.json", path)
	mustRun(t, dir, "--seed", "1", "--out-dir", "c", "--no-manifest", path)
	mustRun(t, dir, "shuffle", "--seed", "1", path, "-o", "d/shuf.csv.gz")
	for _, f := range []string{"a/data.split.json", "m/x.json", "d/shuf.shuffle.json"} {
		if !fileExists(filepath.Join(dir, f)) {
			t.Errorf("no manifest %s", f)
		}
	}
	if fileExists(filepath.Join(dir, "c", "data.split.json")) || fileExists(filepath.Join(dir, "b", "data.split.json")) {
		t.Errorf("manifest written despite --no-manifest / --manifest")
	}
	r := runBin(t, dir, "--seed", "1", "--out-dir", "e", "--manifest", "y.json", "--no-manifest", path)
	if r.code == 0 || fileExists(filepath.Join(dir, "e")) && len(filesUnder(t, filepath.Join(dir, "e"))) > 0 {
		t.Errorf("--manifest with --no-manifest: exit %d", r.code)
	}
}
