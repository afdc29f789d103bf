package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeFiles writes name → content under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

// TestShardsBadInput: a dataset INPUT that is no dataset fails with one
// line naming the file (and line and column), exit 2, nothing written.
func TestShardsBadInput(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		files map[string]string
		input []string
		want  []string // in the one stderr line
	}{
		{"empty dir", map[string]string{"ds/_SUCCESS": "", "ds/.x.csv": "a\n1\n"}, []string{"ds"}, []string{"ds", "no files", "directory"}},
		{"no match", map[string]string{"ds/a.csv": "a\n1\n"}, []string{"ds/*.tsv"}, []string{"ds/*.tsv", "matches nothing"}},
		{"header", map[string]string{"ds/a.csv": "a,b\n1,2\n", "ds/b.csv": "a,c\n3,4\n", "ds/c.csv": "a,d\n3,4\n"}, []string{"ds"}, []string{"ds/b.csv", "columns differ", "ds/a.csv", "column 2"}},
		{"column order", map[string]string{"a.csv": "a,b\n1,2\n", "b.csv": "b,a\n3,4\n"}, []string{"a.csv", "b.csv"}, []string{"b.csv", "columns differ"}},
		{"parse", map[string]string{"ds/a.csv": "a,b\n1,2\n", "ds/b.csv": "a,b\n3,4\n5,\"6\n"}, []string{"ds/*.csv"}, []string{"ds/b.csv: line 3, column 3", "unterminated"}},
		{"fields", map[string]string{"ds/a.csv": "a,b\n1,2\n", "ds/b.csv": "a,b\n3,4\n5,6,7\n"}, []string{"ds"}, []string{"ds/b.csv: line 3", "too many fields"}},
		{"mixed", map[string]string{"ds/a.csv": "a,b\n1,2\n", "ds/b.jsonl": "{\"a\": 1, \"b\": 2}\n"}, []string{"ds"}, []string{"ds/b.jsonl", "different formats"}},
		{"missing list file", map[string]string{"a.csv": "a,b\n1,2\n"}, []string{"a.csv", "gone.csv"}, []string{"gone.csv"}},
		{"stdin in a list", map[string]string{"a.csv": "a,b\n1,2\n"}, []string{"a.csv", "-"}, []string{"standard input"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, c.files)
			before := filesUnder(t, dir)
			for _, cmd := range [][]string{{"split", "--seed", "1"}, {"kfold", "--seed", "1"}, {"shuffle", "--seed", "1", "-o", "out.csv"}, {"assign", "--seed", "1", "-o", "a.parquet"}} {
				res := runBin(t, dir, append(cmd, c.input...)...)
				line := string(res.stderr)
				if res.code != 2 || strings.Count(line, "\n") != 1 || !strings.HasPrefix(line, "splitter: ") {
					t.Errorf("%v %v: exit %d, stderr %q; want exit 2 and one line", cmd, c.input, res.code, line)
				}
				for _, w := range c.want {
					if !strings.Contains(line, w) {
						t.Errorf("%v %v: stderr %q lacks %q", cmd, c.input, line, w)
					}
				}
				if after := filesUnder(t, dir); !slices.Equal(before, after) {
					t.Errorf("%v %v: wrote %v", cmd, c.input, after)
				}
			}
		})
	}
}

// TestShardsVerifyManifest: verify MANIFEST of a run on a directory
// fails (exit 1, one line naming the file, no byte of any file) when a
// shard is changed, removed, added or renamed, or when the manifest names
// a shard that is not there; it passes on the untouched dataset, also
// moved together with its manifest.
func TestShardsVerifyManifest(t *testing.T) {
	t.Parallel()
	const secret = "s3cr3t"
	files := map[string]string{
		"ds/part-0.csv": "id,v\n0," + secret + "\n1,b\n2,c\n",
		"ds/part-1.csv": "id,v\n3,d\n4,e\n",
		"ds/part-2.csv": "id,v\n5,f\n6,g\n7,h",
	}
	fresh := func(t *testing.T) string {
		dir := t.TempDir()
		writeFiles(t, dir, files)
		mustRun(t, dir, "--seed", "5", "--test", "0.25", "ds")
		return dir
	}
	for _, c := range []struct {
		name   string
		change func(dir string) error
		code   int
		want   string
	}{
		{"unchanged", func(string) error { return nil }, 0, ""},
		{"moved", func(dir string) error {
			if err := os.Mkdir(filepath.Join(dir, "moved"), 0o777); err != nil {
				return err
			}
			for _, f := range []string{"ds", "ds.train.csv", "ds.test.csv", "ds.split.json"} {
				if err := os.Rename(filepath.Join(dir, f), filepath.Join(dir, "moved", f)); err != nil {
					return err
				}
			}
			return nil
		}, 0, ""},
		{"changed", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "ds/part-1.csv"), []byte("id,v\n3,d\n4,E\n"), 0o666)
		}, 1, "ds/part-1.csv: the input changed"},
		{"removed", func(dir string) error { return os.Remove(filepath.Join(dir, "ds/part-1.csv")) }, 1, "ds/part-1.csv: a file of the input is missing"},
		{"added", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "ds/part-3.csv"), []byte("id,v\n8,i\n"), 0o666)
		}, 1, "ds/part-3.csv: a file was added"},
		{"added first", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "ds/part-00.csv"), []byte("id,v\n8,i\n"), 0o666)
		}, 1, "ds/part-00.csv: a file was added"},
		{"renamed", func(dir string) error {
			return os.Rename(filepath.Join(dir, "ds/part-0.csv"), filepath.Join(dir, "ds/part-9.csv"))
		}, 1, "ds/part-0.csv: a file of the input is missing"},
		{"swapped", func(dir string) error {
			a, b := filepath.Join(dir, "ds/part-0.csv"), filepath.Join(dir, "ds/part-1.csv")
			os.Rename(a, a+".tmp")
			os.Rename(b, a)
			return os.Rename(a+".tmp", b)
		}, 1, "ds/part-0.csv: the input changed"},
		{"manifest names a missing shard", func(dir string) error {
			return editManifest(dir, func(m map[string]any) {
				m["files"].([]any)[1].(map[string]any)["path"] = "ds/part-7.csv"
			})
		}, 1, ""},
		{"manifest file list edited", func(dir string) error {
			return editManifest(dir, func(m map[string]any) {
				fs := m["files"].([]any)
				m["files"] = fs[:2]
			})
		}, 1, "the manifest was edited"},
		{"absolute shard", func(dir string) error {
			return editManifest(dir, func(m map[string]any) {
				m["files"].([]any)[0].(map[string]any)["path"] = "/etc/passwd"
			})
		}, 2, "--allow-absolute"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := fresh(t)
			if err := c.change(dir); err != nil {
				t.Fatal(err)
			}
			m := "ds.split.json"
			if c.name == "moved" {
				m = "moved/ds.split.json"
			}
			res := runBin(t, dir, "verify", m)
			line := string(res.stderr)
			if res.code != c.code || c.code != 0 && strings.Count(line, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want exit %d and one line", res.code, line, c.code)
			}
			if !strings.Contains(line, c.want) || strings.Contains(line, secret) {
				t.Errorf("stderr %q: want %q and no byte of the files", line, c.want)
			}
		})
	}
}

// editManifest rewrites dir/ds.split.json through edit.
func editManifest(dir string, edit func(m map[string]any)) error {
	p := filepath.Join(dir, "ds.split.json")
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	edit(m)
	b, err = json.Marshal(m)
	if err != nil {
		return err
	}
	return os.WriteFile(p, bytes.TrimSpace(b), 0o666)
}
