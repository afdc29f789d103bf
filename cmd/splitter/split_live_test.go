package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"github.com/splitter-dev/splitter/audit"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// testdata/live_cases.py draws random CSV files (tricky quoting, embedded
// newlines, CRLF / lone CR / mixed line ends, blank and whitespace-only
// lines, short rows, BOM, missing final newline; int, string, float and
// bool labels with skewed classes; groups) and for each the flags of a
// split or kfold run. It writes the bytes that splitter must produce,
// computed from the rows that the live pandas + scikit-learn return
// (pd.read_csv, train_test_split, GroupShuffleSplit, KFold,
// StratifiedKFold, GroupKFold), or records the error Python raised.

// liveCase is one case drawn by splitCasesOracle.
type liveCase struct {
	Ext     string   `json:"ext"`
	Dir     string   `json:"dir"`
	Args    []string `json:"args"`
	OutDir  string   `json:"outdir"`
	Outputs []string `json:"outputs"`
	Error   *string  `json:"error"`
	Kind    string   `json:"kind"`
	N       int      `json:"n"`
}

// runLiveCases draws count cases of the given kinds, runs the binary on
// each and compares its outputs with Python's byte for byte.
func runLiveCases(t *testing.T, count int, kinds ...string) {
	t.Parallel()
	oracle.Require(t, "numpy", "pandas", "sklearn")
	r := oracle.Rand(t)
	root := t.TempDir()
	var cases []liveCase
	oracle.RunJSON(t, oracle.Script(t, "testdata/live_cases.py"), map[string]any{
		"dir": root, "seed": r.Int64(), "count": count, "kinds": kinds,
	}, &cases)
	failed, errs := 0, 0
	for i, c := range cases {
		res := runBin(t, "", c.Args...)
		if !checkLiveCase(t, root, i, c, res) {
			failed++
		}
		if c.Error != nil {
			errs++
		}
		if failed > 5 {
			t.Fatal("too many failures")
		}
	}
	t.Logf("%d cases (%d where Python raises) compared with pandas/scikit-learn", len(cases), errs)
}

func checkLiveCase(t *testing.T, root string, i int, c liveCase, res result) bool {
	t.Helper()
	stem := "data"
	name := "splitter " + strings.Join(c.Args, " ") + " (n=" + strconv.Itoa(c.N) + ")"
	if c.Error != nil {
		ok := true
		if res.code == 0 {
			t.Errorf("%s: exit 0, but Python raises %s", name, *c.Error)
			ok = false
		} else if bytes.Count(res.stderr, []byte("\n")) != 1 {
			t.Errorf("%s: stderr %q, want one line", name, res.stderr)
			ok = false
		}
		if left := filesUnder(t, c.Dir); len(left) != 1 {
			t.Errorf("%s: failed but left %v", name, left)
			ok = false
		}
		return ok
	}
	if res.code != 0 {
		t.Errorf("%s: exit %d: %s", name, res.code, res.stderr)
		return false
	}
	ok := true
	want := map[string]bool{filepath.Join(c.Dir, "data"+c.Ext): true}
	mpath := filepath.Join(c.OutDir, stem+".split.json")
	if strings.HasPrefix(c.Kind, "kfold") {
		mpath = filepath.Join(c.OutDir, stem+".kfold.json")
	}
	if len(c.Outputs) == 1 {
		switch c.Outputs[0] {
		case "shuffled":
			mpath = filepath.Join(c.OutDir, stem+".shuffled.shuffle.json")
		case "sampled":
			mpath = filepath.Join(c.OutDir, stem+".sampled.sample.json")
		case "folds":
			mpath = filepath.Join(c.OutDir, stem+".kfold.json")
		}
	}
	want[mpath] = true
	if !checkManifest(t, name, mpath, c.Dir) {
		ok = false
	}
	for _, part := range c.Outputs {
		p := filepath.Join(c.OutDir, stem+"."+part+c.Ext)
		want[p] = true
		got, err := readMaybeGzip(p)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			ok = false
			continue
		}
		exp, err := os.ReadFile(filepath.Join(root, "exp"+strconv.Itoa(i)+"."+part))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, exp) {
			t.Errorf("%s: %s differs from Python at byte %d\n got %.300q\nwant %.300q", name, part, firstDiff(got, exp), got, exp)
			ok = false
		}
	}
	for _, f := range filesUnder(t, c.Dir) {
		if !want[f] {
			t.Errorf("%s: unexpected file %s", name, f)
			ok = false
		}
	}
	return ok
}

// checkManifest checks that the manifest at path records the input's and
// each output's SHA-256 correctly.
func checkManifest(t *testing.T, name, path, dir string) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%s: no manifest: %v", name, err)
		return false
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Errorf("%s: manifest: %v", name, err)
		return false
	}
	if m.Format != audit.ManifestVersion || m.Recipe == nil {
		t.Errorf("%s: manifest_version %d, want %d with a recipe", name, m.Format, audit.ManifestVersion)
		return false
	}
	files := append([]audit.File{m.Input}, m.Outputs...)
	for i, f := range files {
		// Paths are relative to the manifest's folder.
		f.Path = filepath.Join(filepath.Dir(path), f.Path)
		got, err := audit.HashFileContext(context.Background(), f.Path)
		if i > 0 && strings.HasSuffix(f.Path, ".gz") {
			var data []byte
			data, err = readMaybeGzip(f.Path)
			sum := sha256.Sum256(data)
			got = hex.EncodeToString(sum[:])
		}
		if err != nil || got != f.SHA256 {
			t.Errorf("%s: manifest records %s as %s, file hashes to %s (%v)", name, f.Path, f.SHA256, got, err)
			return false
		}
	}
	if m.Python == "" || m.Seed == "" && strings.Contains(m.Python, "random_state") {
		t.Errorf("%s: manifest lacks the Python call or seed: %+v", name, m)
		return false
	}
	return true
}

// readMaybeGzip reads a file, decompressing a .gz one.
func readMaybeGzip(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasSuffix(path, ".gz") {
		return data, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// filesUnder lists the regular files under dir, sorted.
func filesUnder(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// firstDiff returns the offset of the first byte where a and b differ.
func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func TestSplitLive(t *testing.T) {
	runLiveCases(t, 120, "split", "stratify", "noshuffle", "group")
}

// TestDatasetsEmulated checks --compat datasets (non-stratified) against
// an emulation of Dataset.train_test_split written from the datasets
// source, run on the live numpy and scikit-learn (the datasets library is
// not installed on the oracle machine).
func TestDatasetsEmulated(t *testing.T) {
	runLiveCases(t, 30, "datasets")
}

func TestThreeWayAndTorchLive(t *testing.T) {
	oracle.Require(t, "torch")
	runLiveCases(t, 60, "val", "val-strat", "torch")
}

func TestShuffleSampleLive(t *testing.T) {
	oracle.Require(t, "torch")
	runLiveCases(t, 90, "shuffle", "shuffle-python", "shuffle-torch", "sample", "sample-group", "sample-python")
}

func TestKfoldLive(t *testing.T) {
	runLiveCases(t, 60, "kfold", "kfold-strat", "kfold-group", "kfold-noshuffle")
}

func TestRepeatedAndLeaveOneGroupOutLive(t *testing.T) {
	runLiveCases(t, 45, "kfold-repeated", "kfold-repeated-strat", "kfold-logo")
}
