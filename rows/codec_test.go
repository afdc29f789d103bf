package rows

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
)

// codecExts are the compressions splitter reads and writes.
var codecExts = []string{".gz", ".bz2", ".zip", ".xz", ".zst"}

// writeCompressed writes content to path through Outputs (compressed as
// the name says) and commits it.
func writeCompressed(t *testing.T, path string, content []byte) {
	t.Helper()
	o := NewOutputs(context.Background())
	w, err := o.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(content); err != nil {
		t.Fatal(err)
	}
	if err := o.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestCodecRoundTrip: every compression splitter writes, it reads back to
// the same rows, and Decompress gives back the same bytes.
func TestCodecRoundTrip(t *testing.T) {
	content := []byte("a,b\n1,x\n2,\"y\nz\"\n3,w\n")
	for _, ext := range codecExts {
		path := filepath.Join(t.TempDir(), "d.csv"+ext)
		writeCompressed(t, path, content)
		ix, err := IndexFile(path, Options{})
		if err != nil {
			t.Fatalf("%s: %v", ext, err)
		}
		var buf bytes.Buffer
		if err := ix.WriteRowsContext(context.Background(), &buf, []int{0, 1, 2}); err != nil {
			t.Fatal(err)
		}
		ix.Close()
		if buf.String() != string(content) {
			t.Errorf("%s: read back %q, want %q", ext, buf.String(), content)
		}
		f, _ := os.Open(path)
		r, err := Decompress(f, path)
		if err != nil {
			t.Fatalf("%s: %v", ext, err)
		}
		got := new(bytes.Buffer)
		if _, err := got.ReadFrom(r); err != nil || got.String() != string(content) {
			t.Errorf("%s: Decompress: %q, %v", ext, got, err)
		}
		r.Close()
		f.Close()
	}
}

// TestCompressionInfer: Compression names what pandas 1.5's
// infer_compression names, for each extension in both cases.
func TestCompressionInfer(t *testing.T) {
	oracle.Require(t, "pandas")
	names := []string{"d.csv", "d.csv.gz", "d.CSV.GZ", "d.bz2", "d.csv.Zip", "d.xz", "d.zst", "d.tar",
		"d.tar.gz", "d.TAR.BZ2", "d.tar.xz", "d.gz.csv", "d.tgz", "d.zstd", "d.csv.z"}
	out := oracle.Run(t, `
import sys
from pandas.io.common import infer_compression
for n in sys.stdin.read().split():
    print(infer_compression(n, "infer") or "")
`, []byte(strings.Join(names, "\n")))
	want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	for i, n := range names {
		if got := Compression(n); got != want[i] {
			t.Errorf("Compression(%q) = %q, pandas %q", n, got, want[i])
		}
	}
}

// TestCodecPandas: files pandas writes with to_csv(compression="infer")
// read as pandas reads them, and files splitter writes read in pandas to
// the same frame as the uncompressed text.
func TestCodecPandas(t *testing.T) {
	oracle.Require(t, "pandas", "zstandard")
	dir := t.TempDir()
	content := []byte("a,b\n1,x\n2,\"y\nz\"\n3,w\n")
	for _, ext := range codecExts {
		writeCompressed(t, filepath.Join(dir, "go.csv"+ext), content)
	}
	out := oracle.Run(t, `
import io, sys, zipfile
import pandas as pd
d = sys.argv[1] if len(sys.argv) > 1 else sys.stdin.readline().strip()
want = pd.read_csv(io.StringIO("a,b\n1,x\n2,\"y\nz\"\n3,w\n"))
for ext in [".gz", ".bz2", ".zip", ".xz", ".zst"]:
    got = pd.read_csv(d + "/go.csv" + ext)
    assert got.equals(want), ext
    want.to_csv(d + "/py.csv" + ext, index=False)
with zipfile.ZipFile(d + "/go.csv.zip") as z:
    print(z.namelist()[0])
`, []byte(dir+"\n"))
	if got := strings.TrimSpace(string(out)); got != "go.csv" {
		t.Errorf("zip member %q, pandas names it go.csv", got)
	}
	for _, ext := range codecExts {
		ix, err := IndexFile(filepath.Join(dir, "py.csv"+ext), Options{})
		if err != nil {
			t.Fatalf("%s: %v", ext, err)
		}
		var buf bytes.Buffer
		ix.WriteRowsContext(context.Background(), &buf, []int{0, 1, 2})
		ix.Close()
		if buf.String() != string(content) {
			t.Errorf("pandas' %s: read %q, want %q", ext, buf.String(), content)
		}
	}
}

// TestCodecDamaged: a truncated or corrupted compressed file is an error
// naming the file, never a panic nor rows.
func TestCodecDamaged(t *testing.T) {
	content := bytes.Repeat([]byte("a,b\n1,x\n2,y\n"), 500)
	for _, ext := range codecExts {
		dir := t.TempDir()
		good := filepath.Join(dir, "g.csv"+ext)
		writeCompressed(t, good, content)
		b, _ := os.ReadFile(good)
		for name, bad := range map[string][]byte{
			"truncated": b[:len(b)*2/3],
			"flipped":   flip(b, len(b)/2),
			"empty":     nil,
		} {
			if ext == ".gz" && name == "empty" {
				continue // an empty .gz is no data, as in Python (pandas: no columns)
			}
			path := filepath.Join(dir, name+".csv"+ext)
			os.WriteFile(path, bad, 0o644)
			ix, err := IndexFile(path, Options{})
			if err == nil {
				ix.Close()
				t.Errorf("%s %s: no error", ext, name)
				continue
			}
			if !strings.HasPrefix(err.Error(), path+": ") {
				t.Errorf("%s %s: %v does not name the file", ext, name, err)
			}
		}
	}
}

func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0xff
	return c
}

// TestCodecTrailing: bytes after a bz2 stream that do not start another
// are ignored, as Python's bz2 module ignores them.
func TestCodecTrailing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "t.csv.bz2")
	writeCompressed(t, path, []byte("a\n1\n"))
	b, _ := os.ReadFile(path)
	os.WriteFile(path, append(b, "\x00\x00garbage"...), 0o644)
	ix, err := IndexFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Len() != 1 {
		t.Errorf("%d rows, want 1", ix.Len())
	}
}

// TestCodecTar: a tar name (pandas reads an archive) is refused, reading
// and writing.
func TestCodecTar(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.csv.tar.gz")
	os.WriteFile(path, []byte("x"), 0o644)
	if _, err := IndexFile(path, Options{}); !errors.Is(err, ErrCompression) {
		t.Errorf("reading: %v, want ErrCompression", err)
	}
	o := NewOutputs(context.Background())
	defer o.Abort()
	if _, err := o.Create(filepath.Join(dir, "o.tar")); !errors.Is(err, ErrCompression) {
		t.Errorf("writing: %v, want ErrCompression", err)
	}
}

// TestZipMembers: pandas reads a .zip of exactly one file.
func TestZipMembers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "two.csv.zip")
	var buf bytes.Buffer
	zw, _ := createZip(&buf, "a.csv")
	zw.Write([]byte("a\n1\n"))
	z := zw.(zipFile).z
	w, _ := z.Create("b.csv")
	w.Write([]byte("a\n2\n"))
	z.Close()
	os.WriteFile(path, buf.Bytes(), 0o644)
	if _, err := IndexFile(path, Options{}); !errors.Is(err, ErrCompression) {
		t.Errorf("two members: %v, want ErrCompression", err)
	}
}
