package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// compressExts are the compressions pandas infers that splitter reads and
// writes.
var compressExts = []string{".gz", ".bz2", ".zip", ".xz", ".zst"}

// compressCheck is Python that checks, for each compression, that the
// parts splitter wrote from the input pandas wrote are compressed as
// pandas infers from their names and hold the rows train_test_split
// returns for pd.read_csv of the input. stdin: the input was piped, its
// parts are stdin.PART.EXT. Prints "ok".
const compressCheck = `
import json, sys
import numpy as np, pandas as pd
from sklearn.model_selection import train_test_split
a = json.load(sys.stdin)
for ext in a["exts"]:
    df = pd.read_csv(a["dir"] + "/in.csv" + ext)
    train, test = train_test_split(df, test_size=0.3, random_state=a["seed"])
    stem = a["dir"] + ("/stdin" if a["stdin"] else "/in")
    for name, want in (("train", train), ("test", test)):
        path = stem + "." + name + ".csv" + ext
        got = pd.read_csv(path)
        assert got.equals(want.reset_index(drop=True)), (path, got, want)
        # Compressed as the name says (pandas would fail otherwise, but
        # a plain file must not pass for a compressed one).
        raw = open(path, "rb").read(6)
        magic = {"": b"", ".gz": b"\x1f\x8b", ".bz2": b"BZh", ".zip": b"PK\x03\x04",
                 ".xz": b"\xfd7zXZ\x00", ".zst": b"\x28\xb5\x2f\xfd"}[ext]
        assert raw.startswith(magic), (path, raw)
print("ok")
`

// writeCompressedInputs has pandas write in.csv.EXT for each compression
// (to_csv with compression="infer") from one random frame.
func writeCompressedInputs(t *testing.T, dir string, exts []string) {
	t.Helper()
	args, _ := json.Marshal(map[string]any{"dir": dir, "exts": exts, "seed": oracle.Rand(t).Int64()})
	oracle.Run(t, `
import json, sys
import numpy as np, pandas as pd
a = json.load(sys.stdin)
r = np.random.RandomState(a["seed"] % 2**32)
n = int(r.randint(20, 400))
df = pd.DataFrame({"id": np.arange(n), "x": r.normal(size=n).round(6),
                   "s": ["v%d,\"q\"" % v for v in r.randint(0, 50, size=n)]})
for ext in a["exts"]:
    df.to_csv(a["dir"] + "/in.csv" + ext, index=False)
`, args)
}

// TestCompressionsPandas: every compression pandas infers round-trips
// through the built binary: pandas writes the input, splitter splits it,
// pandas reads the parts back as train_test_split's rows.
func TestCompressionsPandas(t *testing.T) {
	oracle.Require(t, "numpy", "pandas", "sklearn", "zstandard")
	dir := t.TempDir()
	writeCompressedInputs(t, dir, compressExts)
	seed := oracle.Rand(t).IntN(1 << 30)
	for _, ext := range compressExts {
		mustRun(t, dir, "--seed", strconv.Itoa(seed), "--test", "0.3", "in.csv"+ext)
		// verify re-reads the compressed parts.
		mustRun(t, dir, "verify", "in.split.json")
	}
	args, _ := json.Marshal(map[string]any{"dir": dir, "exts": compressExts, "seed": seed, "stdin": false})
	if out := oracle.Run(t, compressCheck, args); strings.TrimSpace(string(out)) != "ok" {
		t.Fatalf("pandas: %s", out)
	}
}

// TestStdinPandas: '-' reads standard input, compressed (sniffed) or not;
// the parts are stdin.PART.EXT in the current folder and the manifest
// records '-' with the hash of the bytes piped.
func TestStdinPandas(t *testing.T) {
	oracle.Require(t, "numpy", "pandas", "sklearn", "zstandard")
	exts := []string{"", ".gz", ".bz2", ".xz", ".zst"}
	seed := oracle.Rand(t).IntN(1 << 30)
	for _, ext := range exts {
		dir := t.TempDir()
		writeCompressedInputs(t, dir, []string{ext})
		in, err := os.ReadFile(filepath.Join(dir, "in.csv"+ext))
		if err != nil {
			t.Fatal(err)
		}
		args := []string{"--seed", strconv.Itoa(seed), "--test", "0.3", "-"}
		cmd := exec.Command(splitterBin, args...)
		cmd.Stdin = strings.NewReader(string(in))
		r := runCmd(t, cmd, dir, args)
		if r.code != 0 {
			t.Fatalf("%q: exit %d: %s", ext, r.code, r.stderr)
		}
		if want := "manifest: stdin.split.json\n"; string(r.stderr) != want {
			t.Errorf("%q: stderr %q, want %q", ext, r.stderr, want)
		}
		a, _ := json.Marshal(map[string]any{"dir": dir, "exts": []string{ext}, "seed": seed, "stdin": true})
		if out := oracle.Run(t, compressCheck, a); strings.TrimSpace(string(out)) != "ok" {
			t.Fatalf("%q: pandas: %s", ext, out)
		}
		var m Manifest
		b, err := os.ReadFile(filepath.Join(dir, "stdin.split.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(in)
		if m.Input.Path != "-" || m.Input.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("%q: manifest input %+v", ext, m.Input)
		}
		// verify takes the piped bytes again with --input (the file's name
		// says nothing: they are sniffed as the run sniffed them).
		os.Rename(filepath.Join(dir, "in.csv"+ext), filepath.Join(dir, "piped"))
		mustRun(t, dir, "verify", "--input", "piped", "stdin.split.json")
		if r := runBin(t, dir, "verify", "stdin.split.json"); r.code != 2 || !strings.Contains(string(r.stderr), "--input") {
			t.Errorf("%q: verify without --input: exit %d: %q", ext, r.code, r.stderr)
		}
	}
}

// TestCompressionsDamaged: a damaged compressed input is an error naming
// the file, with nothing written.
func TestCompressionsDamaged(t *testing.T) {
	oracle.Require(t, "pandas", "zstandard")
	dir := t.TempDir()
	writeCompressedInputs(t, dir, compressExts)
	for _, ext := range compressExts {
		name := "in.csv" + ext
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		bad := "bad.csv" + ext
		os.WriteFile(filepath.Join(dir, bad), b[:len(b)*3/4], 0o644)
		r := runBin(t, dir, "--seed", "1", "--test", "0.3", bad)
		if r.code != 2 || !strings.HasPrefix(string(r.stderr), "splitter: "+bad+": ") {
			t.Errorf("%s: exit %d: %q", bad, r.code, r.stderr)
		}
		if m, _ := filepath.Glob(filepath.Join(dir, "bad.[ts]*")); len(m) != 0 {
			t.Errorf("%s: wrote %v", bad, m)
		}
	}
}
