package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// hostileCSV is the input of most hostile cases: 10 rows.
const hostileCSV = "id,label\n0,a\n1,b\n2,a\n3,b\n4,a\n5,b\n6,a\n7,b\n8,a\n9,b\n"

// hostileCase is one row of TestHostile: setup prepares the folder (the
// run's working directory; data.csv holding hostileCSV is already there),
// args run the binary in it. want 2 means refused: exit 2, one stderr line
// starting "splitter: " naming every one of names (a name that another name
// contains must occur once more for each), and the folder and TMPDIR
// byte-for-byte unchanged. want 0 means success; check, when set, checks
// the result either way.
type hostileCase struct {
	name  string
	setup func(t *testing.T, dir string)
	args  []string
	stdin string // file in dir connected to stdin
	want  int
	names []string
	devs  bool // the run may write beside a device: /dev must not change
	check func(t *testing.T, dir string, res result)
}

func hostileCases() []hostileCase {
	link := func(kind, name string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			var err error
			if kind == "sym" {
				err = os.Symlink("data.csv", filepath.Join(dir, name))
			} else {
				err = os.Link(filepath.Join(dir, "data.csv"), filepath.Join(dir, name))
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	fifo := func(name string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, name), 0o666); err != nil {
				t.Fatal(err)
			}
		}
	}
	mkdir := func(name string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			if err := os.MkdirAll(filepath.Join(dir, name), 0o777); err != nil {
				t.Fatal(err)
			}
		}
	}
	write := func(name string, data []byte) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o666); err != nil {
				t.Fatal(err)
			}
		}
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(strings.Repeat(hostileCSV, 50)))
	zw.Close()

	stem244 := strings.Repeat("s", 244) // STEM.split.json: 255 bytes
	stem245 := strings.Repeat("t", 245) // STEM.train.csv: 255 bytes
	stem246 := strings.Repeat("u", 246) // STEM.train.csv: 256 bytes
	cases := []hostileCase{
		// 1. The output is the input.
		{name: "shuffle -o input", args: []string{"shuffle", "--seed", "3", "data.csv", "-o", "data.csv"}, want: 2, names: []string{"data.csv", "data.csv"}},
		{name: "sample -o input", args: []string{"sample", "--seed", "3", "--n", "2", "data.csv", "-o", "data.csv"}, want: 2, names: []string{"data.csv", "data.csv"}},
		{name: "shuffle -o ./input", args: []string{"shuffle", "--seed", "3", "data.csv", "-o", "./data.csv"}, want: 2, names: []string{"data.csv", "./data.csv"}},
		{name: "sample -o ./input", args: []string{"sample", "--seed", "3", "--n", "2", "./data.csv", "-o", "data.csv"}, want: 2, names: []string{"./data.csv", "data.csv"}},
		{name: "shuffle -o sub/../input", args: []string{"shuffle", "--seed", "3", "data.csv", "-o", "sub/../data.csv"}, setup: mkdir("sub"), want: 2, names: []string{"data.csv", "sub/../data.csv"}},
		{name: "shuffle -o symlink to input", setup: link("sym", "link.csv"), args: []string{"shuffle", "--seed", "3", "data.csv", "-o", "link.csv"}, want: 2, names: []string{"data.csv", "link.csv"}},
		{name: "shuffle symlink -o input", setup: link("sym", "link.csv"), args: []string{"shuffle", "--seed", "3", "link.csv", "-o", "data.csv"}, want: 2, names: []string{"link.csv", "data.csv"}},
		{name: "sample -o symlink to input", setup: link("sym", "link.csv"), args: []string{"sample", "--seed", "3", "--n", "2", "data.csv", "-o", "link.csv"}, want: 2, names: []string{"data.csv", "link.csv"}},
		{name: "shuffle -o hard link to input", setup: link("hard", "hard.csv"), args: []string{"shuffle", "--seed", "3", "data.csv", "-o", "hard.csv"}, want: 2, names: []string{"data.csv", "hard.csv"}},
		{name: "sample -o hard link to input", setup: link("hard", "hard.csv"), args: []string{"sample", "--seed", "3", "--n", "2", "data.csv", "-o", "hard.csv"}, want: 2, names: []string{"data.csv", "hard.csv"}},
		// An output of split that is the input: the input is a link named
		// like an output of itself.
		{name: "split output is a symlink to the input", setup: func(t *testing.T, dir string) {
			write("d.csv", []byte(hostileCSV))(t, dir)
			if err := os.Symlink("d.csv", filepath.Join(dir, "d.train.csv")); err != nil {
				t.Fatal(err)
			}
		}, args: []string{"--seed", "1", "--no-manifest", "d.csv"},
			want: 2, names: []string{"d.train.csv"}},
		// 2. The manifest is the input or an output.
		{name: "--manifest input", args: []string{"--seed", "1", "--manifest", "data.csv", "data.csv"}, want: 2, names: []string{"data.csv", "data.csv"}},
		{name: "--manifest ./input", args: []string{"--seed", "1", "--manifest", "./data.csv", "data.csv"}, want: 2, names: []string{"./data.csv"}},
		{name: "--manifest output", args: []string{"--seed", "1", "--manifest", "data.train.csv", "data.csv"}, want: 2, names: []string{"data.train.csv"}},
		{name: "--manifest ./output", args: []string{"--seed", "1", "--manifest", "./data.test.csv", "data.csv"}, want: 2, names: []string{"data.test.csv"}},
		{name: "kfold --manifest output", args: []string{"kfold", "--seed", "1", "--folds", "3", "--manifest", "data.folds.csv", "data.csv"}, want: 2, names: []string{"data.folds.csv"}},
		{name: "shuffle --manifest output", args: []string{"shuffle", "--seed", "1", "data.csv", "-o", "s.csv", "--manifest", "s.csv"}, want: 2, names: []string{"s.csv", "s.csv"}},
		{name: "--manifest output via --out-dir", args: []string{"--seed", "1", "--out-dir", "out", "--manifest", "out/../out/data.train.csv", "data.csv"}, want: 2, names: []string{"data.train.csv"}},
		{name: "--manifest output via other --out-dir spelling", args: []string{"--seed", "1", "--out-dir", "./out/", "--manifest", "out/data.test.csv", "data.csv"}, want: 2, names: []string{"data.test.csv"}},
		{name: "--manifest symlink to input", setup: link("sym", "m.json"), args: []string{"--seed", "1", "--manifest", "m.json", "data.csv"}, want: 2, names: []string{"m.json"}},
		// 3. Two outputs collide.
		{name: "torch --names a,a", args: []string{"--seed", "1", "--compat", "torch", "--lengths", "0.5,0.5", "--names", "a,a", "data.csv"}, want: 2, names: []string{"--names"}},
		{name: "torch --names train,./train", args: []string{"--seed", "1", "--compat", "torch", "--lengths", "0.5,0.5", "--names", "train,./train", "data.csv"}, want: 2, names: []string{"--names"}},
		// 4. A failed rerun keeps the previous run's outputs (the
		// snapshot is taken after the seed-1 run).
		{name: "failed rerun keeps previous outputs", setup: func(t *testing.T, dir string) {
			if r := runBin(t, dir, "--seed", "1", "data.csv"); r.code != 0 {
				t.Fatalf("first run: exit %d %s", r.code, r.stderr)
			}
			if err := os.Rename(filepath.Join(dir, "data.split.json"), filepath.Join(dir, "moved.json")); err != nil {
				t.Fatal(err)
			}
			mkdir("data.split.json")(t, dir)
		}, args: []string{"--seed", "2", "data.csv"}, want: 2, names: []string{"data.split.json"}},
		{name: "failed rerun (test output a directory) keeps previous outputs", setup: func(t *testing.T, dir string) {
			if r := runBin(t, dir, "--seed", "1", "--no-manifest", "data.csv"); r.code != 0 {
				t.Fatalf("first run: exit %d %s", r.code, r.stderr)
			}
			os.Remove(filepath.Join(dir, "data.test.csv"))
			mkdir("data.test.csv/x")(t, dir)
		}, args: []string{"--seed", "2", "--no-manifest", "data.csv"}, want: 2, names: []string{"data.test.csv"}},
		// 5. Nothing is created when the manifest cannot be.
		{name: "--out-dir fresh, manifest under a file", setup: write("blocker", []byte("x")), args: []string{"--seed", "1", "--out-dir", "fresh/sub", "--manifest", "blocker/m.json", "data.csv"},
			want: 2, names: []string{"blocker"}},
		{name: "--out-dir under a file", setup: write("blocker", []byte("x")), args: []string{"--seed", "1", "--out-dir", "blocker/sub", "data.csv"}, want: 2, names: []string{"blocker"}},
		// 6. Inputs that are not regular files.
		{name: "input FIFO without writer", setup: fifo("in.csv"), args: []string{"--seed", "1", "in.csv"}, want: 2, names: []string{"in.csv"}},
		{name: "input /dev/zero", args: []string{"--seed", "1", "/dev/zero"}, want: 2, names: []string{"/dev/zero"}, devs: true},
		{name: "input /dev/null", args: []string{"--seed", "1", "/dev/null"}, want: 2, names: []string{"/dev/null"}, devs: true},
		{name: "input /dev/zero --out-dir", args: []string{"--seed", "1", "--out-dir", "out", "/dev/zero"}, want: 2, names: []string{"/dev/zero"}, devs: true},
		{name: "input symlink to /dev/zero", setup: func(t *testing.T, dir string) { os.Symlink("/dev/zero", filepath.Join(dir, "z.csv")) }, args: []string{"--seed", "1", "z.csv"}, want: 2, names: []string{"z.csv"}},
		{name: "input empty directory", setup: mkdir("empty.csv"), args: []string{"--seed", "1", "empty.csv"}, want: 2, names: []string{"empty.csv"}},
		{name: "shuffle input directory", setup: mkdir("empty"), args: []string{"shuffle", "--seed", "1", "empty", "-o", "s.csv"}, want: 2, names: []string{"empty"}},
		{name: "input /dev/stdin (a file)", setup: write("stdin.csv", []byte(hostileCSV)), stdin: "stdin.csv", args: []string{"--seed", "1", "/dev/stdin"}, want: 2, names: []string{"/dev/stdin"}, devs: true},
		{name: "kfold input FIFO", setup: fifo("in.csv"), args: []string{"kfold", "--seed", "1", "in.csv"}, want: 2, names: []string{"in.csv"}},
		{name: "verify input FIFO", setup: fifo("in.csv"), args: []string{"verify", "--seed", "1", "in.csv", "data.csv", "data.csv"}, want: 2, names: []string{"in.csv"}},
		// 7. Output destinations that are FIFOs or directories.
		{name: "train output a FIFO", setup: fifo("data.train.csv"), args: []string{"--seed", "1", "data.csv"}, want: 2, names: []string{"data.train.csv"}},
		{name: "test output a FIFO", setup: fifo("data.test.csv"), args: []string{"--seed", "1", "data.csv"}, want: 2, names: []string{"data.test.csv"}},
		{name: "manifest a FIFO", setup: fifo("data.split.json"), args: []string{"--seed", "1", "data.csv"}, want: 2, names: []string{"data.split.json"}},
		{name: "shuffle -o FIFO", setup: fifo("s.csv"), args: []string{"shuffle", "--seed", "1", "data.csv", "-o", "s.csv"}, want: 2, names: []string{"s.csv"}},
		{name: "test output a directory", setup: mkdir("data.test.csv"), args: []string{"--seed", "1", "data.csv"}, want: 2, names: []string{"data.test.csv"}},
		{name: "folds output a directory", setup: mkdir("data.folds.csv"), args: []string{"kfold", "--seed", "1", "--folds", "3", "data.csv"}, want: 2, names: []string{"data.folds.csv"}},
		{name: "shuffle -o directory", setup: mkdir("s.csv"), args: []string{"shuffle", "--seed", "1", "data.csv", "-o", "s.csv"}, want: 2, names: []string{"s.csv"}},
		// 8. Long names.
		{name: "output name 255 bytes", setup: write(stem245+".csv", []byte(hostileCSV)), args: []string{"--seed", "1", "--manifest", "m.json", stem245 + ".csv"}, want: 0,
			check: expectFiles(stem245+".train.csv", stem245+".test.csv", "m.json")},
		{name: "manifest name 255 bytes", setup: write(stem244+".csv", []byte(hostileCSV)), args: []string{"--seed", "1", stem244 + ".csv"}, want: 0,
			check: expectFiles(stem244+".train.csv", stem244+".test.csv", stem244+".split.json")},
		{name: "kfold output name 255 bytes", setup: write(strings.Repeat("k", 245)+".csv", []byte(hostileCSV)), args: []string{"kfold", "--seed", "1", "--folds", "3", "--no-manifest", strings.Repeat("k", 245) + ".csv"}, want: 0,
			check: expectFiles(strings.Repeat("k", 245) + ".folds.csv")},
		{name: "output name 256 bytes", setup: write(stem246+".csv", []byte(hostileCSV)), args: []string{"--seed", "1", "--manifest", "m.json", stem246 + ".csv"}, want: 2, names: []string{"uuuuuuuu"}},
		{name: "default manifest name 256 bytes", setup: write(stem245+".csv", []byte(hostileCSV)), args: []string{"--seed", "1", stem245 + ".csv"}, want: 2, names: []string{".split.json"}},
		// 9. Damaged inputs (Parquet variants: TestHostileCorruptParquet).
		{name: "CSV with unterminated quote", setup: write("bad.csv", []byte("a,b\n1,2\n3,\"4\n5,6\n")), args: []string{"--seed", "1", "bad.csv"}, want: 2, names: []string{"bad.csv", "line 3"}},
		{name: "CSV with invalid UTF-8", setup: write("bad.csv", []byte("a,b\n1,2\n3,\xff\xfe\n5,6\n7,8\n")), args: []string{"--seed", "1", "bad.csv"}, want: 2, names: []string{"bad.csv"}},
		{name: "truncated csv.gz", setup: write("bad.csv.gz", gz.Bytes()[:gz.Len()*2/3]), args: []string{"--seed", "1", "bad.csv.gz"}, want: 2, names: []string{"bad.csv.gz"}},
		{name: "csv.gz with garbage after", setup: write("bad.csv.gz", append(slices.Clone(gz.Bytes()), "garbage!"...)), args: []string{"--seed", "1", "bad.csv.gz"}, want: 2, names: []string{"bad.csv.gz"}},
		{name: "not gzip named .csv.gz", setup: write("bad.csv.gz", []byte(hostileCSV)), args: []string{"--seed", "1", "bad.csv.gz"}, want: 2, names: []string{"bad.csv.gz"}},
		{name: "random bytes named .parquet", setup: write("bad.parquet", randomBytes(1, 4096)), args: []string{"--seed", "1", "bad.parquet"}, want: 2, names: []string{"bad.parquet"}},
		{name: "PAR1 framed random bytes", setup: write("bad.parquet", slices.Concat([]byte("PAR1"), randomBytes(2, 4096), []byte{0x10, 0, 0, 0}, []byte("PAR1"))), args: []string{"--seed", "1", "bad.parquet"}, want: 2, names: []string{"bad.parquet"}},
		{name: "empty .parquet", setup: write("bad.parquet", nil), args: []string{"--seed", "1", "bad.parquet"}, want: 2, names: []string{"bad.parquet"}},
	}
	return cases
}

// expectFiles checks that a run succeeded and wrote the named files (in
// its folder) with no temporary file beside them.
func expectFiles(names ...string) func(t *testing.T, dir string, res result) {
	return func(t *testing.T, dir string, res result) {
		t.Helper()
		for _, n := range names {
			if !fileExists(filepath.Join(dir, n)) {
				t.Errorf("no output %.40s… (%d bytes)", n, len(n))
			}
		}
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.HasPrefix(e.Name(), ".") {
				t.Errorf("left a hidden file %.60s…", e.Name())
			}
		}
	}
}

// randomBytes returns n bytes from a seeded generator.
func randomBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, 99))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// namesProblem reports a name stderr does not mention often enough: each
// name must occur once for every name in names that contains it.
func namesProblem(stderr string, names []string) string {
	for _, n := range names {
		need := 0
		for _, m := range names {
			if strings.Contains(m, n) {
				need++
			}
		}
		if got := strings.Count(stderr, n); got < need {
			return fmt.Sprintf("stderr names %q %d times, want %d (%q)", n, got, need, names)
		}
	}
	return ""
}

// devEntries lists the names in /dev.
func devEntries() []string {
	ents, _ := os.ReadDir("/dev")
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

// TestHostile runs the hostile command lines of issue 14: refused runs
// exit 2 with one line naming the file or flag and change nothing in the
// folder or TMPDIR; none blocks.
func TestHostile(t *testing.T) {
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir, tmp := filepath.Join(root, "work"), filepath.Join(root, "tmp")
			for _, d := range []string{dir, tmp} {
				if err := os.Mkdir(d, 0o777); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(filepath.Join(dir, "data.csv"), []byte(hostileCSV), 0o666); err != nil {
				t.Fatal(err)
			}
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			before, beforeTmp := takeSnapshot(t, dir), takeSnapshot(t, tmp)
			var dev []string
			if tc.devs {
				dev = devEntries()
			}
			o := runOpts{dir: dir, tmpdir: tmp}
			if tc.stdin != "" {
				o.stdin = filepath.Join(dir, tc.stdin)
			}
			res, hung := runHostile(t, o, tc.args...)
			if hung {
				t.Fatalf("splitter %q: still running after %v (blocked); stderr %s", tc.args, hostileTimeout, clip(res.stderr))
			}
			if tc.devs {
				var added []string
				for _, n := range devEntries() {
					if !slices.Contains(dev, n) {
						added = append(added, n)
						// Remove what splitter wrote there (outputs,
						// manifests, temporaries), nothing else.
						if strings.Contains(n, ".csv") || strings.Contains(n, ".json") || strings.Contains(n, ".tmp") {
							os.RemoveAll(filepath.Join("/dev", n))
						}
					}
				}
				if len(added) > 0 {
					t.Errorf("splitter %q: wrote into /dev: %q", tc.args, added)
				}
			}
			if d := beforeTmp.diff(takeSnapshot(t, tmp)); d != "" {
				t.Errorf("splitter %q: TMPDIR changed: %s", tc.args, d)
			}
			switch tc.want {
			case 0:
				if res.code != 0 {
					t.Errorf("splitter %q: exit %d, want 0; stderr %s", tc.args, res.code, clip(res.stderr))
				}
			case 2:
				if p := errorProblem(res); p != "" {
					t.Errorf("splitter %q: refused wrongly: %s; stderr %s", tc.args, p, clip(res.stderr))
				} else if p := namesProblem(string(res.stderr), tc.names); p != "" {
					t.Errorf("splitter %q: %s; stderr %s", tc.args, p, clip(res.stderr))
				}
				if d := before.diff(takeSnapshot(t, dir)); d != "" {
					t.Errorf("splitter %q (exit %d): the folder changed: %s", tc.args, res.code, d)
				}
			}
			if tc.check != nil {
				tc.check(t, dir, res)
			}
		})
	}
}

// TestHostileCorruptParquet splits a valid Parquet file (two row groups)
// with 3 bytes changed at seeded random places, in 60 variants: each run
// exits 0 with train and test holding the input's row count between them,
// or exits 2 with one line naming the file and the folder unchanged; never
// a panic, never a hang.
func TestHostileCorruptParquet(t *testing.T) {
	const variants = 60
	src := filepath.Join(t.TempDir(), "good.parquet")
	randomPQTable(rand.New(rand.NewPCG(5, 6)), 60).writeParquet(t, src, 25)
	good, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(14, 14))
	var ok, refused int
	for v := range variants {
		data := slices.Clone(good)
		var at []int
		for range 3 {
			i := r.IntN(len(data))
			data[i] ^= byte(1 + r.IntN(255))
			at = append(at, i)
		}
		root := t.TempDir()
		dir, tmp := filepath.Join(root, "work"), filepath.Join(root, "tmp")
		os.Mkdir(dir, 0o777)
		os.Mkdir(tmp, 0o777)
		in := filepath.Join(dir, "d.parquet")
		if err := os.WriteFile(in, data, 0o666); err != nil {
			t.Fatal(err)
		}
		before := takeSnapshot(t, root)
		res, hung := runHostile(t, runOpts{dir: dir, tmpdir: tmp}, "--seed", "1", "--test", "0.3", "d.parquet")
		name := fmt.Sprintf("variant %d (bytes %v of %d changed)", v, at, len(data))
		switch {
		case hung:
			t.Errorf("%s: still running after %v", name, hostileTimeout)
		case res.code == 0:
			ok++
			a, okA := parquetRows(filepath.Join(dir, "d.train.parquet"))
			b, okB := parquetRows(filepath.Join(dir, "d.test.parquet"))
			if !okA || !okB || a+b != 60 {
				t.Errorf("%s: exit 0 but train %d (readable %v) + test %d (readable %v) rows, want 60", name, a, okA, b, okB)
			}
			if d := takeSnapshot(t, tmp); len(d) != 1 {
				t.Errorf("%s: TMPDIR holds %v", name, d)
			}
		default:
			refused++
			if p := errorProblem(res, "d.parquet"); p != "" {
				t.Errorf("%s: %s; stderr %s", name, p, clip(res.stderr))
			}
			if d := before.diff(takeSnapshot(t, root)); d != "" {
				t.Errorf("%s: failed but changed: %s", name, d)
			}
		}
	}
	t.Logf("%d variants split, %d refused", ok, refused)
}

// TestHostileOutputModes checks that outputs and manifests get mode
// 0666 &^ umask (as cp and pandas give them), under umask 022 and 077, for
// every command that writes rows.
func TestHostileOutputModes(t *testing.T) {
	for _, umask := range []int{0o022, 0o077} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "data.csv"), []byte(hostileCSV), 0o666); err != nil {
			t.Fatal(err)
		}
		runs := [][]string{
			{"--seed", "1", "--out-dir", "split", "data.csv"},
			{"--seed", "1", "--val", "0.25", "--out-dir", "val", "data.csv"},
			{"kfold", "--seed", "1", "--folds", "3", "--out-dir", "kfold", "data.csv"},
			{"shuffle", "--seed", "1", "data.csv", "-o", "shuffle/s.csv"},
			{"sample", "--seed", "1", "--n", "3", "data.csv", "-o", "sample/s.csv.gz"},
			{"--seed", "1", "--out-dir", "m", "--manifest", "m/other/m.json", "data.csv"},
		}
		for _, args := range runs {
			res, hung := runHostile(t, runOpts{dir: dir, umask: umask}, args...)
			if hung || res.code != 0 {
				t.Errorf("umask %03o: splitter %q: exit %d (hung %v); stderr %s", umask, args, res.code, hung, clip(res.stderr))
			}
		}
		want := fs.FileMode(0o666 &^ umask)
		n := 0
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || p == filepath.Join(dir, "data.csv") {
				return err
			}
			n++
			info, _ := d.Info()
			if info.Mode().Perm() != want {
				rel, _ := filepath.Rel(dir, p)
				t.Errorf("umask %03o: %s has mode %04o, want %04o", umask, rel, info.Mode().Perm(), want)
			}
			return nil
		})
		if n < 12 {
			t.Errorf("umask %03o: only %d outputs written", umask, n)
		}
	}
}

// TestHostileVerify gives verify manifests that point outside their
// folder, at absolute paths, at FIFOs and devices: verify must not block,
// must refuse absolute paths (exit 2), and must never print a byte of the
// files it reads.
func TestHostileVerify(t *testing.T) {
	root := t.TempDir()
	const secretMark = "S3CR3T-7f1c2b-NEVER-PRINT"
	secret := filepath.Join(root, "secret.txt")
	secretData := "id,label\n" + secretMark + ",x\n0,a\n1,b\n"
	if err := os.WriteFile(secret, []byte(secretData), 0o600); err != nil {
		t.Fatal(err)
	}
	dir, tmp := filepath.Join(root, "a", "m"), filepath.Join(root, "tmp")
	os.MkdirAll(dir, 0o777)
	os.Mkdir(tmp, 0o777)
	if err := os.WriteFile(filepath.Join(dir, "data.csv"), []byte(hostileCSV), 0o666); err != nil {
		t.Fatal(err)
	}
	mustRun(t, dir, "--seed", "1", "data.csv")
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.csv"), 0o666); err != nil {
		t.Fatal(err)
	}
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.csv"))
	var m map[string]any
	raw, err := os.ReadFile(filepath.Join(dir, "data.split.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		edit   func(m map[string]any)
		flags  []string
		want   []int // allowed exit statuses
		naming string
	}{
		{"output ../../secret.txt", setOutput(0, "../../secret.txt"), nil, []int{1, 2}, "secret.txt"},
		{"output absolute secret", setOutput(0, secret), nil, []int{2}, "secret.txt"},
		{"output absolute secret, --allow-absolute", setOutput(0, secret), []string{"--allow-absolute"}, []int{1, 2}, "secret.txt"},
		{"input ../../secret.txt", setInput("../../secret.txt"), nil, []int{1, 2}, "secret.txt"},
		{"input ../../../../../../../../etc/passwd", setInput("../../../../../../../../etc/passwd"), nil, []int{1, 2}, "passwd"},
		{"input absolute secret", setInput(secret), nil, []int{2}, "secret.txt"},
		{"input absolute /etc/passwd", setInput("/etc/passwd"), nil, []int{2}, "passwd"},
		{"output a FIFO", setOutput(1, "fifo.csv"), nil, []int{2}, "fifo.csv"},
		{"input a FIFO", setInput("fifo.csv"), nil, []int{2}, "fifo.csv"},
		{"input /dev/zero", setInput("/dev/zero"), []string{"--allow-absolute"}, []int{2}, "/dev/zero"},
		{"input symlink to /dev/zero", setInput("zero.csv"), nil, []int{2}, "zero.csv"},
		{"output symlink to /dev/zero", setOutput(0, "zero.csv"), nil, []int{2}, "zero.csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mm := cloneJSON(t, m)
			tc.edit(mm)
			data, _ := json.MarshalIndent(mm, "", "  ")
			mpath := filepath.Join(dir, "hostile.split.json")
			if err := os.WriteFile(mpath, data, 0o666); err != nil {
				t.Fatal(err)
			}
			defer os.Remove(mpath)
			before := takeSnapshot(t, root)
			args := append(append([]string{"verify"}, tc.flags...), "hostile.split.json")
			res, hung := runHostile(t, runOpts{dir: dir, tmpdir: tmp}, args...)
			if hung {
				t.Fatalf("verify %s: still running after %v (blocked)", tc.name, hostileTimeout)
			}
			out := string(res.stdout) + string(res.stderr)
			if strings.Contains(out, secretMark) || strings.Contains(out, "root:") {
				t.Errorf("verify %s: printed bytes of a file it read: stdout %s stderr %s", tc.name, clip(res.stdout), clip(res.stderr))
			}
			if !slices.Contains(tc.want, res.code) {
				t.Errorf("verify %s: exit %d, want one of %v; stderr %s", tc.name, res.code, tc.want, clip(res.stderr))
			}
			if p := stderrProblems(res.stderr, tc.naming); res.code != 0 && len(p) > 0 {
				t.Errorf("verify %s: %s; stderr %s", tc.name, strings.Join(p, "; "), clip(res.stderr))
			}
			if d := before.diff(takeSnapshot(t, root)); d != "" {
				t.Errorf("verify %s wrote: %s", tc.name, d)
			}
		})
	}
}

func setOutput(i int, path string) func(m map[string]any) {
	return func(m map[string]any) {
		m["outputs"].([]any)[i].(map[string]any)["path"] = path
	}
}

func setInput(path string) func(m map[string]any) {
	return func(m map[string]any) {
		m["input"].(map[string]any)["path"] = path
	}
}

func cloneJSON(t *testing.T, m map[string]any) map[string]any {
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	json.Unmarshal(data, &out)
	return out
}

// A gzip bomb (a small .csv.gz inflating to more than TMPDIR can hold) is
// not built here: a real one takes 10 GB of inflation per run. The rows
// package tests the bound on the decompressed temporary file with its
// TempDir knob; what the CLI adds (exit 2, one line, TMPDIR left empty) is
// what TestFaultFullDisk checks for a failing output write.
