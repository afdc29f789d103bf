package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/splitter-dev/splitter/rows"
)

// faultSignalRuns is the number of runs signalled at a random moment per
// signal (SIGINT, SIGTERM, SIGKILL) in TestFaultSignals.
const faultSignalRuns = 20

// faultConcurrentPairs is the number of pairs of concurrent runs in
// TestFaultConcurrentRuns.
const faultConcurrentPairs = 200

// faultBigRows is the row count of the large input: 28-byte rows, so
// that the input (140 MB) is above rows.SpillMin and a split spills
// (the large-input path).
const faultBigRows = 5_000_000

var (
	bigCSVOnce sync.Once
	bigCSVPath string
	bigCSVErr  error
)

// faultBigCSV writes the large input once per test process, beside the
// binary TestMain built (removed with it). The file is removed when the
// calling test ends too (and written again by a later call): a later
// crash of the test process, which skips TestMain's clean-up, must not
// leave 140 MB behind.
func faultBigCSV(t *testing.T) string {
	t.Helper()
	t.Cleanup(func() {
		if bigCSVPath != "" {
			os.RemoveAll(filepath.Dir(bigCSVPath))
		}
		bigCSVOnce, bigCSVPath, bigCSVErr = sync.Once{}, "", nil
	})
	bigCSVOnce.Do(func() {
		p := filepath.Join(filepath.Dir(splitterBin), "fault-big", "big.csv")
		if bigCSVErr = os.MkdirAll(filepath.Dir(p), 0o777); bigCSVErr != nil {
			return
		}
		f, err := os.Create(p)
		if err != nil {
			bigCSVErr = err
			return
		}
		w := bufio.NewWriterSize(f, 1<<20)
		w.WriteString("id,label,x\n")
		r := rand.New(rand.NewPCG(5, 5))
		var b []byte
		for i := range faultBigRows {
			b = fmt.Appendf(b[:0], "%08d,class%d,0.%09d\n", i, r.IntN(10), r.IntN(1_000_000_000))
			w.Write(b)
		}
		if bigCSVErr = w.Flush(); bigCSVErr == nil {
			bigCSVErr = f.Close()
		}
		bigCSVPath = p
	})
	if bigCSVErr != nil {
		t.Fatal(bigCSVErr)
	}
	return bigCSVPath
}

// refSet is the complete output set of one seed: file name → SHA-256, and
// a folder holding the files themselves.
type refSet struct {
	seed int
	dir  string
	sums map[string]string
}

// sumsOf hashes every entry of dir (hidden ones included; a
// non-regular entry hashes as "<kind>").
func sumsOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	ents, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Type().IsRegular() {
			out[e.Name()] = sha256File(t, filepath.Join(dir, e.Name()))
		} else {
			out[e.Name()] = "<" + e.Type().String() + ">"
		}
	}
	return out
}

// checkManifestSums checks that, when dir holds a manifest, each output it
// records is beside it (in the run's out folder runDir, which the files
// may have been moved from) with the SHA-256 it records.
func checkManifestSums(t *testing.T, runDir, dir, manifest string, sums map[string]string) string {
	raw, err := os.ReadFile(filepath.Join(dir, manifest))
	if err != nil {
		return ""
	}
	var m struct {
		Outputs []struct {
			Path, SHA256 string
		}
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return fmt.Sprintf("manifest %s unreadable: %v", manifest, err)
	}
	var p []string
	for _, o := range m.Outputs {
		name := filepath.Base(o.Path)
		if d := filepath.Dir(o.Path); d != "." && filepath.Clean(d) != filepath.Clean(runDir) {
			p = append(p, fmt.Sprintf("manifest records %s, not beside it", o.Path))
			continue
		}
		if got, ok := sums[name]; !ok {
			p = append(p, fmt.Sprintf("manifest records %s, not beside it", o.Path))
		} else if got != o.SHA256 {
			p = append(p, fmt.Sprintf("manifest records %s with sha256 %.12s…, the file has %.12s…", o.Path, o.SHA256, got))
		}
	}
	return strings.Join(p, "; ")
}

// describeState names how the files in sums relate to the reference sets
// (for a failure message).
func describeState(sums map[string]string, refs ...refSet) string {
	var names []string
	for n := range sums {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		from := "neither seed"
		for _, r := range refs {
			if r.sums[n] == sums[n] {
				from = "seed " + strconv.Itoa(r.seed)
			}
		}
		out = append(out, n+" ("+from+")")
	}
	return "[" + strings.Join(out, ", ") + "]"
}

// linkSet makes dir hold exactly ref's files, hard-linked (the binary
// replaces outputs by rename, so the references are never written).
func linkSet(t *testing.T, dir string, ref refSet) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	for n := range ref.sums {
		if err := os.Link(filepath.Join(ref.dir, n), filepath.Join(dir, n)); err != nil {
			t.Fatal(err)
		}
	}
}

// sameFiles reports whether every file of dir is the very file (inode) of
// ref and the names are the same: the previous state untouched.
func sameFiles(dir string, ref refSet) bool {
	ents, err := os.ReadDir(dir)
	if err != nil || len(ents) != len(ref.sums) {
		return false
	}
	for _, e := range ents {
		if _, ok := ref.sums[e.Name()]; !ok {
			return false
		}
		a, err1 := os.Lstat(filepath.Join(dir, e.Name()))
		b, err2 := os.Lstat(filepath.Join(ref.dir, e.Name()))
		if err1 != nil || err2 != nil || !os.SameFile(a, b) {
			return false
		}
	}
	return true
}

// TestFaultSignals splits a 140 MB CSV (the spilled, large-input path)
// into a folder holding the complete outputs of the other seed, and sends
// SIGINT, SIGTERM or SIGKILL after a random delay in [0, a full run's
// time]. Afterwards the folder must hold either exactly the previous set
// (status 130 for SIGINT/SIGTERM, or killed by the signal before the
// handler was installed) or the complete new set (status 0: the signal
// came after the commit; or killed by SIGKILL after it): never a mix,
// never a temporary file, and TMPDIR must be empty. A manifest's recorded
// hashes must equal the files beside it.
func TestFaultSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("large input; -short")
	}
	input := faultBigCSV(t)
	root := t.TempDir()
	tmp := filepath.Join(root, "tmp")
	os.Mkdir(tmp, 0o777)
	refs := map[int]refSet{}
	var full time.Duration
	out := filepath.Join(root, "out")
	for _, seed := range []int{1, 2} {
		// Written in out (the manifest records the paths of the run) and
		// moved aside.
		dir := filepath.Join(root, "ref"+strconv.Itoa(seed))
		start := time.Now()
		res, _ := runHostile(t, runOpts{dir: root, tmpdir: tmp, timeout: 5 * time.Minute}, "--seed", strconv.Itoa(seed), "--test", "0.5", "--out-dir", out, input)
		if res.code != 0 {
			t.Fatalf("reference run, seed %d: exit %d; stderr %s", seed, res.code, clip(res.stderr))
		}
		// The faster of the two runs (the first reads a cold input):
		// delays drawn in [0, full] then fall mostly within a run.
		if took := time.Since(start); full == 0 || took < full {
			full = took
		}
		if err := os.Rename(out, dir); err != nil {
			t.Fatal(err)
		}
		refs[seed] = refSet{seed: seed, dir: dir, sums: sumsOf(t, dir)}
		if len(refs[seed].sums) != 3 {
			t.Fatalf("reference run, seed %d wrote %v, want train, test and manifest", seed, refs[seed].sums)
		}
		if p := checkManifestSums(t, out, dir, "big.split.json", refs[seed].sums); p != "" {
			t.Fatalf("reference run, seed %d: %s", seed, p)
		}
	}
	t.Logf("a full run takes %v", full.Round(time.Millisecond))
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 14))
	type tally struct{ prev, next, bad int }
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGKILL} {
		var n tally
		for run := range faultSignalRuns {
			prevSeed := 1 + run%2
			newSeed := 3 - prevSeed
			prev, next := refs[prevSeed], refs[newSeed]
			linkSet(t, out, prev)
			delay := time.Duration(r.Int64N(int64(full) + 1))
			cmd := exec.Command(splitterBin, "--seed", strconv.Itoa(newSeed), "--test", "0.5", "--out-dir", out, input)
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			start := time.Now()
			err, _ := signalWhen(t, cmd, sig, func() bool { return time.Since(start) >= delay })
			_ = err
			ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
			code := cmd.ProcessState.ExitCode()
			name := fmt.Sprintf("%v after %v (run %d, seed %d over seed %d)", sig, delay.Round(time.Millisecond), run, newSeed, prevSeed)
			status := fmt.Sprintf("exit %d", code)
			if ws.Signaled() {
				status = fmt.Sprintf("killed by signal %d (%v)", int(ws.Signal()), ws.Signal())
			}
			if ws.Signaled() {
				// A run killed mid-commit leaves its journal; the next
				// commit into the folder finishes or undoes it, as
				// rows.Recover does here.
				if err := rows.Recover(out); err != nil {
					t.Fatal(err)
				}
			}
			sums := sumsOf(t, out)
			var problems []string
			switch {
			case sameFiles(out, prev):
				n.prev++
				if sig != syscall.SIGKILL && !ws.Signaled() && code != 130 {
					problems = append(problems, fmt.Sprintf("previous set kept but %s, want 130", status))
				}
				if code == 130 {
					if p := stderrProblems(stderr.Bytes()); len(p) > 0 {
						problems = append(problems, strings.Join(p, "; "))
					}
				}
			case maps2Equal(sums, next.sums):
				n.next++
				if sig != syscall.SIGKILL && code != 0 {
					problems = append(problems, fmt.Sprintf("complete new set written but %s, want 0", status))
				}
			default:
				n.bad++
				problems = append(problems, fmt.Sprintf("the folder holds neither the previous nor the new set: %s", describeState(sums, prev, next)))
			}
			if p := checkManifestSums(t, out, out, "big.split.json", sums); p != "" {
				problems = append(problems, p)
			}
			if left := sumsOf(t, tmp); len(left) > 0 {
				problems = append(problems, fmt.Sprintf("TMPDIR holds %v", keys(left)))
				os.RemoveAll(tmp)
				os.Mkdir(tmp, 0o777)
			}
			if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "goroutine ") {
				problems = append(problems, "a panic or goroutine trace on stderr")
			}
			if len(problems) > 0 {
				t.Errorf("%s: %s (%s, ran %v); stderr %s", name, strings.Join(problems, "; "), status, time.Since(start).Round(time.Millisecond), clip(stderr.Bytes()))
			}
		}
		t.Logf("%v: %d runs kept the previous set, %d wrote the new set, %d neither", sig, n.prev, n.next, n.bad)
	}
	for seed, ref := range refs {
		if got := sumsOf(t, ref.dir); !maps2Equal(got, ref.sums) {
			t.Errorf("the reference set of seed %d changed under its hard links: the binary wrote into an existing output", seed)
		}
	}
}

func maps2Equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestFaultFullDisk runs commands under a file-size limit (RLIMIT_FSIZE,
// set by the shell's ulimit -f in 512-byte blocks) that their outputs (or
// a decompressed input in TMPDIR) exceed: writes fail. The kernel then
// sends SIGXFSZ, whose default action kills the process; splitter must
// ignore it so that the write fails with EFBIG and the run ends with
// status 2, one line, the folder and TMPDIR unchanged.
func TestFaultFullDisk(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,label,text\n")
	for i := range 8000 {
		fmt.Fprintf(&b, "%d,c%d,some text for row %d\n", i, i%3, i)
	}
	data := b.String() // ~230 KB
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(data))
	zw.Close()
	for _, tc := range []struct {
		name   string
		blocks int
		args   []string
	}{
		{"split, outputs over the limit", 100, []string{"--seed", "1", "data.csv"}},
		{"split, second output over the limit", 250, []string{"--seed", "1", "--test", "0.9", "data.csv"}},
		{"split --out-dir, outputs over the limit", 100, []string{"--seed", "1", "--out-dir", "out/sub", "data.csv"}},
		{"kfold, output over the limit", 100, []string{"kfold", "--seed", "1", "--folds", "3", "data.csv"}},
		{"shuffle, output over the limit", 100, []string{"shuffle", "--seed", "1", "data.csv", "-o", "s.csv"}},
		{"split of .csv.gz, decompressed input over the limit", 100, []string{"--seed", "1", "data.csv.gz"}},
		{"split of .csv.gz, outputs over the limit", 30, []string{"--seed", "1", "--test", "0.5", "data.csv.gz"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir, tmp := filepath.Join(root, "work"), filepath.Join(root, "tmp")
			os.Mkdir(dir, 0o777)
			os.Mkdir(tmp, 0o777)
			os.WriteFile(filepath.Join(dir, "data.csv"), []byte(data), 0o666)
			os.WriteFile(filepath.Join(dir, "data.csv.gz"), gz.Bytes(), 0o666)
			before := takeSnapshot(t, root)
			res, hung := runHostile(t, runOpts{dir: dir, tmpdir: tmp, shell: "ulimit -f " + strconv.Itoa(tc.blocks), timeout: 30 * time.Second}, tc.args...)
			if hung {
				t.Fatalf("splitter %q under ulimit -f %d: still running after 30s", tc.args, tc.blocks)
			}
			if res.code == -1 {
				t.Errorf("splitter %q under ulimit -f %d: killed by a signal (SIGXFSZ not ignored), want exit 2", tc.args, tc.blocks)
			} else if p := errorProblem(res); p != "" {
				t.Errorf("splitter %q under ulimit -f %d: %s; stderr %s", tc.args, tc.blocks, p, clip(res.stderr))
			}
			if d := before.diff(takeSnapshot(t, root)); d != "" {
				t.Errorf("splitter %q under ulimit -f %d changed the folder or TMPDIR: %s", tc.args, tc.blocks, d)
			}
		})
	}
}

// TestFaultConcurrentRuns runs pairs of splits (seeds 1 and 2) of one
// input into one folder at the same time. After each pair the folder must
// hold one complete set: train, test and manifest all of the same seed,
// byte for byte the set a lone run of that seed writes, the manifest's
// hashes those of the files beside it, and nothing else.
func TestFaultConcurrentRuns(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,label,x\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "%d,c%d,%d.5\n", i, i%4, i*7%1000)
	}
	root := t.TempDir()
	in := filepath.Join(root, "d.csv")
	if err := os.WriteFile(in, []byte(b.String()), 0o666); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "out")
	tmp := filepath.Join(root, "tmp")
	os.Mkdir(tmp, 0o777)
	args := func(seed int) []string {
		return []string{"--seed", strconv.Itoa(seed), "--test", "0.3", "--out-dir", out, in}
	}
	refs := map[int]refSet{}
	for _, seed := range []int{1, 2} {
		os.RemoveAll(out)
		mustRun(t, root, args(seed)...)
		refs[seed] = refSet{seed: seed, dir: out, sums: sumsOf(t, out)}
		if len(refs[seed].sums) != 3 {
			t.Fatalf("lone run of seed %d wrote %v", seed, keys(refs[seed].sums))
		}
	}
	// Each pair runs onto the set the previous pair left (the first onto
	// seed 2's).
	mixed, reported := 0, 0
	for pair := range faultConcurrentPairs {
		var wg sync.WaitGroup
		var codes [2]int
		var stderrs [2][]byte
		for i, seed := range []int{1, 2} {
			wg.Go(func() {
				cmd := exec.Command(splitterBin, args(seed)...)
				cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				cmd.Run()
				codes[i], stderrs[i] = cmd.ProcessState.ExitCode(), stderr.Bytes()
			})
		}
		wg.Wait()
		sums := sumsOf(t, out)
		var problems []string
		for i := range codes {
			switch codes[i] {
			case 0:
			case 2:
				if p := stderrProblems(stderrs[i]); len(p) > 0 {
					problems = append(problems, fmt.Sprintf("seed %d: exit 2 but %s", i+1, strings.Join(p, "; ")))
				}
			default:
				problems = append(problems, fmt.Sprintf("seed %d: exit %d; stderr %s", i+1, codes[i], clip(stderrs[i])))
			}
		}
		if codes[0] != 0 && codes[1] != 0 {
			problems = append(problems, "both runs failed")
		}
		if !maps2Equal(sums, refs[1].sums) && !maps2Equal(sums, refs[2].sums) {
			mixed++
			problems = append(problems, "the folder holds a mixed or incomplete set: "+describeState(sums, refs[1], refs[2]))
		}
		if p := checkManifestSums(t, out, out, "d.split.json", sums); p != "" {
			problems = append(problems, p)
		}
		if len(problems) > 0 {
			if reported++; reported <= 8 {
				t.Errorf("pair %d (exits %v): %s", pair, codes, strings.Join(problems, "; "))
			}
			os.RemoveAll(out) // start the next pair from an empty folder
		}
	}
	if left := sumsOf(t, tmp); len(left) > 0 {
		t.Errorf("TMPDIR holds %v", keys(left))
	}
	if mixed > 0 {
		t.Errorf("%d of %d pairs left a mixed or incomplete set (0 allowed)", mixed, faultConcurrentPairs)
	}
}
