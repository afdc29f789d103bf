package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/splitter-dev/splitter/audit"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// secretLine is the content of a file a hostile manifest points verify at;
// no part of it may appear in verify's output.
const secretLine = "user:$6$s3cr3tSALT$hashhashhash:19000:0:99999:7:::"

// hostileSetup splits a 60-row CSV in dir/w (paths relative, so the
// manifest records them relative) and writes dir/secret.txt; it returns
// the work folder and the manifest decoded as a generic map.
func hostileSetup(t *testing.T) (dir, work string, m map[string]any) {
	t.Helper()
	_, data := auditData(t)
	dir = t.TempDir()
	work = filepath.Join(dir, "w")
	if err := os.MkdirAll(work, 0o777); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(data)
	if err := os.WriteFile(filepath.Join(work, "data.csv"), b, 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "secret.txt"), []byte(secretLine+"\nsecond line\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, work, "--seed", "3", "--test", "0.25", "data.csv")
	b, err := os.ReadFile(filepath.Join(work, "data.split.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return dir, work, m
}

// writeManifest writes m as the manifest path.
func writeManifest(t *testing.T, path string, m map[string]any) {
	t.Helper()
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o666); err != nil {
		t.Fatal(err)
	}
}

func outputOf(m map[string]any, i int) map[string]any {
	return m["outputs"].([]any)[i].(map[string]any)
}

// runBinTimeout is runBin with a deadline: a run still going after d is
// killed and fails t (verify must never block on a FIFO or read a device
// forever).
func runBinTimeout(t *testing.T, dir string, d time.Duration, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	r := runCmd(t, exec.CommandContext(ctx, splitterBin, args...), dir, args)
	if ctx.Err() != nil {
		t.Fatalf("splitter %q: still running after %v (blocked?)", args, d)
	}
	return r
}

// checkQuiet fails t when stderr shows bytes of the secret file or its
// hash, or is not one line.
func checkQuiet(t *testing.T, what string, r result, secretSum string) {
	t.Helper()
	s := string(r.stderr)
	for _, leak := range []string{"user:", "s3cr3t", "second line", secretSum, "$6$"} {
		if strings.Contains(s, leak) {
			t.Errorf("%s: stderr %q shows %q", what, s, leak)
		}
	}
	if strings.Count(s, "\n") != 1 || !strings.HasPrefix(s, "splitter: ") {
		t.Errorf("%s: stderr %q, want one line", what, s)
	}
}

// TestVerifyHostileManifest: a manifest pointing verify at files outside
// its folder learns nothing of them; absolute paths are refused unless
// --allow-absolute.
func TestVerifyHostileManifest(t *testing.T) {
	dir, work, m := hostileSetup(t)
	secret := filepath.Join(dir, "secret.txt")
	b, _ := os.ReadFile(secret)
	sum := sha256.Sum256(b)
	secretSum := hex.EncodeToString(sum[:])
	mpath := filepath.Join(work, "evil.split.json")
	for _, version := range []float64{0, 2} {
		for _, tc := range []struct {
			name     string
			edit     func(m map[string]any)
			args     []string
			wantCode int
			want     string
		}{
			{name: "output ../secret.txt", edit: func(m map[string]any) { outputOf(m, 0)["path"] = "../secret.txt" },
				wantCode: 1, want: "secret.txt: header (line 1) differs from the expected one"},
			{name: "output absolute", edit: func(m map[string]any) { outputOf(m, 1)["path"] = secret },
				wantCode: 2, want: "is an absolute path (pass --allow-absolute to follow it)"},
			{name: "output absolute allowed", edit: func(m map[string]any) { outputOf(m, 0)["path"] = secret },
				args: []string{"--allow-absolute"}, wantCode: 1, want: "differs from the expected one"},
			{name: "input ../secret.txt", edit: func(m map[string]any) { m["input"].(map[string]any)["path"] = "../secret.txt" },
				wantCode: 1, want: "the input changed since"},
			{name: "input absolute", edit: func(m map[string]any) { m["input"].(map[string]any)["path"] = secret },
				wantCode: 2, want: "secret.txt is an absolute path"},
			{name: "input /etc/passwd allowed", edit: func(m map[string]any) { m["input"].(map[string]any)["path"] = "/etc/passwd" },
				args: []string{"--allow-absolute"}, wantCode: 1, want: "(its SHA-256 differs from the recorded one)"},
			{name: "input with its true hash, unknown column", edit: func(m map[string]any) {
				m["input"].(map[string]any)["path"] = "../secret.txt"
				m["input"].(map[string]any)["sha256"] = secretSum
				if r, ok := m["recipe"].(map[string]any); ok {
					r["stratify"] = "nope"
				} else {
					m["flags"].(map[string]any)["stratify"] = "nope"
				}
			}, wantCode: 2, want: "re-running the recorded recipe failed"},
		} {
			name := tc.name
			if version == 2 {
				name += ", version 2"
			}
			var mm map[string]any
			b, _ := json.Marshal(m)
			json.Unmarshal(b, &mm)
			if version != 0 {
				mm["manifest_version"] = version
			}
			tc.edit(mm)
			writeManifest(t, mpath, mm)
			// From the manifest's folder (where relative paths of either
			// version resolve alike) and, for version 2, from elsewhere.
			cwds := []string{work}
			if version == 2 {
				cwds = append(cwds, t.TempDir())
			}
			for _, cwd := range cwds {
				args := append(append([]string{"verify"}, tc.args...), mpath)
				r := runBin(t, cwd, args...)
				if r.code != tc.wantCode || !strings.Contains(string(r.stderr), tc.want) {
					t.Errorf("%s: exit %d, stderr %q; want %d and %q", name, r.code, r.stderr, tc.wantCode, tc.want)
				}
				checkQuiet(t, name, r, secretSum)
			}
		}
	}
}

// TestVerifyManifestVersion2Moves checks that a version 2 manifest moved
// with its files verifies from any folder, and that a newer version is
// refused.
func TestVerifyManifestVersion2Moves(t *testing.T) {
	dir, work, m := hostileSetup(t)
	m["manifest_version"] = 2
	writeManifest(t, filepath.Join(work, "data.split.json"), m)
	moved := filepath.Join(dir, "elsewhere", "deeper")
	if err := os.MkdirAll(filepath.Dir(moved), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(work, moved); err != nil {
		t.Fatal(err)
	}
	mustRun(t, t.TempDir(), "verify", filepath.Join(moved, "data.split.json"))
	mustRun(t, dir, "verify", filepath.Join("elsewhere", "deeper", "data.split.json"))
	newer := audit.ManifestVersion + 1
	m["manifest_version"] = newer
	writeManifest(t, filepath.Join(moved, "data.split.json"), m)
	if r := runBin(t, moved, "verify", "data.split.json"); r.code != 2 || !strings.Contains(string(r.stderr), fmt.Sprintf("manifest_version %d", newer)) {
		t.Errorf("version %d: exit %d, stderr %q", newer, r.code, r.stderr)
	}
}

// TestVerifySpecialFiles: FIFOs and devices, as the manifest, its input,
// its outputs or the flag form's files, are refused at once with exit 2.
func TestVerifySpecialFiles(t *testing.T) {
	_, work, m := hostileSetup(t)
	fifo := filepath.Join(work, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	fifoGz := filepath.Join(work, "fifo.csv.gz")
	if err := syscall.Mkfifo(fifoGz, 0o600); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	const limit = 30 * time.Second
	cases := []struct {
		name string
		edit func(m map[string]any)
		args []string
		want string
	}{
		{name: "input FIFO", edit: func(m map[string]any) { m["input"].(map[string]any)["path"] = "fifo.csv" }, want: "fifo.csv: not a regular file (a FIFO)"},
		{name: "output FIFO", edit: func(m map[string]any) { outputOf(m, 0)["path"] = "fifo.csv" }, want: "not a regular file (a FIFO)"},
		{name: "gz output FIFO", edit: func(m map[string]any) { outputOf(m, 1)["path"] = "fifo.csv.gz" }, want: "not a regular file (a FIFO)"},
		{name: "input /dev/zero", edit: func(m map[string]any) { m["input"].(map[string]any)["path"] = "/dev/zero" }, args: []string{"--allow-absolute"}, want: "not a regular file (a character device)"},
		{name: "output /dev/zero", edit: func(m map[string]any) { outputOf(m, 0)["path"] = "/dev/zero" }, args: []string{"--allow-absolute"}, want: "not a regular file (a character device)"},
		{name: "output a folder", edit: func(m map[string]any) { outputOf(m, 0)["path"] = "." }, want: "not a regular file (a directory)"},
	}
	mpath := filepath.Join(work, "special.split.json")
	for _, tc := range cases {
		var mm map[string]any
		b, _ := json.Marshal(m)
		json.Unmarshal(b, &mm)
		tc.edit(mm)
		writeManifest(t, mpath, mm)
		r := runBinTimeout(t, work, limit, append(append([]string{"verify"}, tc.args...), mpath)...)
		if r.code != 2 || !strings.Contains(string(r.stderr), tc.want) || strings.Count(string(r.stderr), "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", tc.name, r.code, r.stderr, tc.want)
		}
	}
	// The manifest itself, and the flag form's files.
	for _, args := range [][]string{
		{"verify", "fifo.csv"},
		{"verify", "/dev/zero"},
		{"verify", "--seed", "3", "--test", "0.25", "fifo.csv", "data.train.csv", "data.test.csv"},
		{"verify", "--seed", "3", "--test", "0.25", "/dev/zero", "data.train.csv", "data.test.csv"},
		{"verify", "--seed", "3", "--test", "0.25", "data.csv", "fifo.csv", "data.test.csv"},
		{"verify", "--seed", "3", "--test", "0.25", "data.csv", "data.train.csv", "/dev/zero"},
	} {
		r := runBinTimeout(t, work, limit, args...)
		if r.code != 2 || !strings.Contains(string(r.stderr), "not a regular file") || strings.Count(string(r.stderr), "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q; want 2 and not a regular file", args, r.code, r.stderr)
		}
	}
}

// TestVerifyGzipOutputs: .gz outputs are compared on their content, read
// once as a stream; an edited one is named with its row.
func TestVerifyGzipOutputs(t *testing.T) {
	dir, data := auditData(t)
	b, _ := os.ReadFile(data)
	gz := filepath.Join(dir, "d.csv.gz")
	writeGzip(t, gz, b)
	mustRun(t, dir, "--seed", "4", "--test", "0.3", "d.csv.gz")
	mustRun(t, dir, "verify", "d.split.json")
	mustRun(t, dir, "verify", "--seed", "4", "--test", "0.3", "d.csv.gz", "d.train.csv.gz", "d.test.csv.gz")
	content := readGzip(t, filepath.Join(dir, "d.test.csv.gz"))
	lines := strings.SplitAfter(string(content), "\n")
	lines[2], lines[3] = lines[3], lines[2]
	writeGzip(t, filepath.Join(dir, "d.test.csv.gz"), []byte(strings.Join(lines, "")))
	r := runBin(t, dir, "verify", "d.split.json")
	if r.code != 1 || !strings.Contains(string(r.stderr), "d.test.csv.gz: row 2 (line 3) differs from the expected row (0 missing, 0 extra, 2 misplaced rows)") {
		t.Errorf("edited .gz: exit %d, stderr %q", r.code, r.stderr)
	}
	os.WriteFile(filepath.Join(dir, "d.test.csv.gz"), []byte("not gzip"), 0o666)
	if r := runBin(t, dir, "verify", "d.split.json"); r.code != 2 || !strings.Contains(string(r.stderr), "d.test.csv.gz") {
		t.Errorf("not gzip: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestVerifyManifestEdited: a recorded output hash that no longer matches
// the re-run (the manifest was edited) is a difference.
func TestVerifyManifestEdited(t *testing.T) {
	_, work, m := hostileSetup(t)
	outputOf(m, 1)["sha256"] = strings.Repeat("ab", 32)
	writeManifest(t, filepath.Join(work, "data.split.json"), m)
	r := runBin(t, work, "verify", "data.split.json")
	if r.code != 1 || !strings.Contains(string(r.stderr), "data.test.csv: the re-run matches but its SHA-256 differs from the one") {
		t.Errorf("edited manifest: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestVerifyInterrupted: SIGINT during a verify of a large split ends it
// promptly with status 130.
func TestVerifyInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a large input")
	}
	dir := t.TempDir()
	writeScaleCSV(t, filepath.Join(dir, "big.csv"), 2_000_000)
	mustRun(t, dir, "--seed", "1", "--test", "0.2", "big.csv")
	interrupted := false
	for _, delay := range []time.Duration{300 * time.Millisecond, 100 * time.Millisecond, 20 * time.Millisecond} {
		cmd := exec.Command(splitterBin, "verify", "big.split.json")
		cmd.Dir = dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		err, sent := signalWhen(t, cmd, syscall.SIGINT, func() bool { return time.Since(start) > delay })
		if !sent {
			continue
		}
		var ee *exec.ExitError
		if err == nil {
			continue // done before the signal took effect
		}
		if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
			t.Fatalf("after SIGINT: %v, stderr %q", err, stderr.String())
		}
		interrupted = true
		break
	}
	if !interrupted {
		t.Error("no verify run was interrupted")
	}
}

func writeGzip(t *testing.T, path string, b []byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
}

func readGzip(t *testing.T, path string) []byte {
	t.Helper()
	b, err := readMaybeGzip(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestVerifyLegacyFlagManifests: manifests that recorded flags instead of
// a recipe (manifest_version 2, and the older unversioned ones) still
// verify, and a changed flag is a difference.
func TestVerifyLegacyFlagManifests(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "customers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "c.csv"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, run := range []struct {
		args  []string
		flags map[string]any
		kind  string
	}{
		{[]string{"split", "--seed", "9", "--test", "0.3", "--stratify", "churned"}, map[string]any{"seed": "9", "test": "0.3", "stratify": "churned"}, "split"},
		{[]string{"kfold", "--seed", "9", "--folds", "4"}, map[string]any{"seed": "9", "folds": "4"}, "kfold"},
		{[]string{"sample", "--seed", "9", "--n", "25", "-o", "s.csv"}, map[string]any{"seed": "9", "n": "25", "output": "s.csv"}, "sample"},
	} {
		mustRun(t, dir, append(run.args, "c.csv")...)
		mpath := filepath.Join(dir, "c."+run.kind+".json")
		if run.kind == "sample" {
			mpath = filepath.Join(dir, "s.sample.json")
		}
		b, err := os.ReadFile(mpath)
		if err != nil {
			t.Fatal(err)
		}
		for _, version := range []any{2, nil} {
			var m map[string]any
			json.Unmarshal(b, &m)
			delete(m, "recipe")
			flags := map[string]any{}
			for k, v := range run.flags {
				flags[k] = v
			}
			m["flags"] = flags
			if version == nil {
				delete(m, "manifest_version")
			} else {
				m["manifest_version"] = version
			}
			writeManifest(t, mpath, m)
			if r := runBin(t, dir, "verify", filepath.Base(mpath)); r.code != 0 {
				t.Errorf("%v, manifest_version %v: exit %d, %s", run.args, version, r.code, r.stderr)
			}
			m["flags"].(map[string]any)["seed"] = "10"
			writeManifest(t, mpath, m)
			if r := runBin(t, dir, "verify", filepath.Base(mpath)); r.code != 1 {
				t.Errorf("%v, manifest_version %v, seed changed: exit %d, %s; want 1", run.args, version, r.code, r.stderr)
			}
		}
	}
}
