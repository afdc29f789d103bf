package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/rows/parquetrows"
)

// copyParquetV1 copies testdata/parquet-v1's input, outputs and manifests
// (written by splitter before writer versions, make.sh) into a fresh
// folder.
func copyParquetV1(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "..", "testdata", "parquet-v1")
	dir := t.TempDir()
	for _, name := range []string{"data.parquet", "data.train.parquet", "data.test.parquet", "data.folds.parquet", "data.split.json", "data.kfold.json"} {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// setParquetWriter rewrites the manifest at path with parquet_writer v
// (removed when v is 0).
func setParquetWriter(t *testing.T, path string, v int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "parquet_writer")
	if v != 0 {
		m["parquet_writer"] = json.RawMessage(must(json.Marshal(v)))
	}
	if err := os.WriteFile(path, must(json.Marshal(m)), 0o666); err != nil {
		t.Fatal(err)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestParquetWriterVersions: manifests without parquet_writer (earlier
// releases') verify their outputs by version 1's rules; new runs record
// the newest version and verify; a manifest's version must be the one its
// outputs were written by; an unknown version is an error, not a
// difference.
func TestParquetWriterVersions(t *testing.T) {
	old := copyParquetV1(t)
	for _, m := range []string{"data.split.json", "data.kfold.json"} {
		mustRun(t, old, "verify", m)
		setParquetWriter(t, filepath.Join(old, m), int(parquetrows.WriterV2))
		if r := runBin(t, old, "verify", m); r.code != 1 {
			t.Errorf("version 1 outputs verified as version 2 (%s): exit %d, stderr %q", m, r.code, r.stderr)
		}
		setParquetWriter(t, filepath.Join(old, m), int(parquetrows.WriterV1))
		mustRun(t, old, "verify", m)
	}
	// The flag form, which names no version, accepts either version's
	// files (by value when the bytes differ).
	mustRun(t, old, "verify", "--seed", "101", "--test", "0.2", "data.parquet", "data.train.parquet", "data.test.parquet")

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "data.parquet"), must(os.ReadFile(filepath.Join(old, "data.parquet"))), 0o666); err != nil {
		t.Fatal(err)
	}
	mustRun(t, dir, "--seed", "101", "--test", "0.2", "data.parquet")
	mustRun(t, dir, "kfold", "--folds", "3", "--seed", "7", "data.parquet")
	for _, m := range []string{"data.split.json", "data.kfold.json"} {
		var got struct {
			ParquetWriter int `json:"parquet_writer"`
		}
		if err := json.Unmarshal(must(os.ReadFile(filepath.Join(dir, m))), &got); err != nil {
			t.Fatal(err)
		}
		if got.ParquetWriter != int(parquetrows.LatestWriter) {
			t.Errorf("%s: parquet_writer %d, want %d", m, got.ParquetWriter, parquetrows.LatestWriter)
		}
		mustRun(t, dir, "verify", m)
		setParquetWriter(t, filepath.Join(dir, m), 0)
		if r := runBin(t, dir, "verify", m); r.code != 1 {
			t.Errorf("version %d outputs verified without parquet_writer (%s): exit %d, stderr %q", parquetrows.LatestWriter, m, r.code, r.stderr)
		}
		setParquetWriter(t, filepath.Join(dir, m), 99)
		if r := runBin(t, dir, "verify", m); r.code != 2 || !strings.Contains(string(r.stderr), "unknown Parquet writer version 99") {
			t.Errorf("parquet_writer 99 (%s): exit %d, stderr %q", m, r.code, r.stderr)
		}
	}
	// The versions differ in bytes only: every column holds the same values.
	for _, out := range []string{"data.train.parquet", "data.test.parquet", "data.folds.parquet"} {
		if bytes.Equal(must(os.ReadFile(filepath.Join(old, out))), must(os.ReadFile(filepath.Join(dir, out)))) {
			t.Errorf("%s: version %d wrote version 1's bytes", out, parquetrows.LatestWriter)
		}
		for _, col := range []string{"id", "x", "y", "label"} {
			if a, b := parquetColumn(t, filepath.Join(old, out), col), parquetColumn(t, filepath.Join(dir, out), col); !slices.Equal(a, b) {
				t.Errorf("%s: column %s differs between the versions", out, col)
			}
		}
	}
	if a, b := parquetColumn(t, filepath.Join(old, "data.folds.parquet"), "fold"), parquetColumn(t, filepath.Join(dir, "data.folds.parquet"), "fold"); !slices.Equal(a, b) {
		t.Errorf("data.folds.parquet: column fold differs between the versions")
	}
}
