package job_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/rows"
)

// writeCompressed writes content to path, compressed as its name says
// (rows.Outputs compresses as pandas' to_csv infers).
func writeCompressed(t *testing.T, path string, content []byte) []byte {
	t.Helper()
	set := rows.NewOutputs(context.Background())
	w, err := set.Create(path)
	if err == nil {
		_, err = w.Write(content)
	}
	if err == nil {
		err = set.Commit()
	}
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// randomRows is a header and n random rows of CSV or JSON Lines.
func randomRows(t *testing.T, jsonl bool, n int) []byte {
	r := oracle.Rand(t)
	var b bytes.Buffer
	if !jsonl {
		b.WriteString("id,x,s\n")
	}
	for i := range n {
		x, s := r.IntN(1000), fmt.Sprintf("v%d", r.IntN(50))
		if jsonl {
			fmt.Fprintf(&b, "{\"id\":%d,\"x\":%d,\"s\":%q}\n", i, x, s)
		} else {
			fmt.Fprintf(&b, "%d,%d,%s\n", i, x, s)
		}
	}
	return b.Bytes()
}

// TestRunStdin: input "-" reads Options.Stdin, compressed or not, CSV or
// JSON Lines (sniffed): the parts are stdin.PART.EXT with the same
// content as the parts of the file itself, the manifest records "-" with
// the hash of the bytes read, and verifies with VerifyOptions.Input.
func TestRunStdin(t *testing.T) {
	for _, name := range []string{"in.csv", "in.csv.gz", "in.csv.bz2", "in.csv.xz", "in.csv.zst", "in.jsonl", "in.jsonl.gz"} {
		dir := t.TempDir()
		in := filepath.Join(dir, name)
		piped := writeCompressed(t, in, randomRows(t, strings.Contains(name, ".jsonl"), 200))
		r := &recipe.Recipe{Call: recipe.TrainTestSplit, Seed: "11"}
		r.TestSize, _ = recipe.ParseSize("0.3")
		fromFile, err := job.Run(context.Background(), r, job.Options{Input: in, OutDir: filepath.Join(dir, "file")})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out := filepath.Join(dir, "stdin")
		res, err := job.Run(context.Background(), r, job.Options{Input: "-", Stdin: bytes.NewReader(piped), OutDir: out})
		if err != nil {
			t.Fatalf("%s: stdin: %v", name, err)
		}
		_, ext := job.SplitName(in)
		m := res.Manifest
		sum := sha256.Sum256(piped)
		if m.Input.Path != "-" || m.Input.SHA256 != hex.EncodeToString(sum[:]) || res.Piped == nil || res.Piped.Ext != ext {
			t.Errorf("%s: input %+v, piped %+v", name, m.Input, res.Piped)
		}
		if res.ManifestPath != filepath.Join(out, "stdin.split.json") {
			t.Errorf("%s: manifest %s", name, res.ManifestPath)
		}
		for i, f := range res.Outputs {
			want := fromFile.Manifest.Outputs[i]
			if f.Path != filepath.Join(out, "stdin."+f.Name+ext) || m.Outputs[i].SHA256 != want.SHA256 || f.Rows != want.Rows {
				t.Errorf("%s: %s: %s, %+v, want %+v", name, f.Name, f.Path, m.Outputs[i], want)
			}
		}
		if err := audit.VerifyManifest(context.Background(), res.ManifestPath, audit.VerifyOptions{Input: in}); err != nil {
			t.Errorf("%s: verify --input: %v", name, err)
		}
		if err := audit.VerifyManifest(context.Background(), res.ManifestPath, audit.VerifyOptions{}); !errors.Is(err, audit.ErrNeedInput) {
			t.Errorf("%s: verify without Input: %v", name, err)
		}
	}
}

// TestRunStdinFormat: the recipe's Format reads standard input so (TSV
// named .tsv), and names the format of standard input only.
func TestRunStdinFormat(t *testing.T) {
	dir := t.TempDir()
	tsv := []byte("a\tb\n1\t2\n3\t4\n5\t6\n7\t8\n")
	r := &recipe.Recipe{Call: recipe.TrainTestSplit, Seed: "3", Format: "tsv"}
	r.TestSize, _ = recipe.ParseSize("0.5")
	res, err := job.Run(context.Background(), r, job.Options{Input: "-", Stdin: bytes.NewReader(tsv), OutDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Outputs {
		b, err := os.ReadFile(f.Path)
		if filepath.Ext(f.Path) != ".tsv" || err != nil || !bytes.HasPrefix(b, []byte("a\tb\n")) {
			t.Errorf("%s: %q %v", f.Path, b, err)
		}
	}
	if !strings.Contains(res.Python, "sep='\\t'") || !strings.Contains(res.Python, "sys.stdin.buffer") {
		t.Errorf("python %q", res.Python)
	}
	in := filepath.Join(dir, "in.tsv")
	os.WriteFile(in, tsv, 0o644)
	if _, err := job.Run(context.Background(), r, job.Options{Input: in}); !errors.Is(err, job.ErrFormatNotStdin) {
		t.Errorf("format on a file: %v", err)
	}
}

// TestRunStdinPython: the manifest's Python, given the piped bytes on its
// standard input, selects the rows the parts hold, in their order.
func TestRunStdinPython(t *testing.T) {
	oracle.Require(t, "pandas", "sklearn", "zstandard")
	for _, name := range []string{"in.csv", "in.csv.bz2", "in.jsonl.zst"} {
		dir := t.TempDir()
		piped := writeCompressed(t, filepath.Join(dir, name), randomRows(t, strings.Contains(name, ".jsonl"), 120))
		r := &recipe.Recipe{Call: recipe.TrainTestSplit, Seed: fmt.Sprint(oracle.Rand(t).IntN(1 << 30))}
		r.TestSize, _ = recipe.ParseSize("0.25")
		res, err := job.Run(context.Background(), r, job.Options{Input: "-", Stdin: bytes.NewReader(piped), OutDir: dir})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		code := res.Manifest.Python + "\nimport json\nprint(json.dumps([[int(i) for i in train.index], [int(i) for i in test.index]]))\n"
		var got [][]int
		if err := json.Unmarshal(oracle.Run(t, code, piped), &got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i, f := range res.Outputs {
			if !slices.Equal(got[i], f.Order) {
				t.Errorf("%s: %s: python %v, job %v", name, f.Name, got[i], f.Order)
			}
		}
	}
}
