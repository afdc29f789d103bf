package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShardsParts: verify's flag form and explain take a part written as
// shards (a glob or a directory of STEM.PART-0000k-of-0000K.EXT files,
// concatenated in name order) and a sharded DATA.
func TestShardsParts(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var b strings.Builder
	for s := range 3 {
		b.Reset()
		b.WriteString("id,label\n")
		for i := range 40 {
			fmt.Fprintf(&b, "%d,%d\n", s*40+i, (i*7)%3)
		}
		writeFiles(t, dir, map[string]string{fmt.Sprintf("ds/part-%d.csv", s): b.String()})
	}
	mustRun(t, dir, "--seed", "77", "--test", "0.25", "--shards", "4", "--out-dir", "out", "ds")
	os.Mkdir(filepath.Join(dir, "trainparts"), 0o777)
	trains, _ := filepath.Glob(filepath.Join(dir, "out", "ds.train-*"))
	for _, f := range trains {
		if err := os.Rename(f, filepath.Join(dir, "trainparts", filepath.Base(f))); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"verify", "--seed", "77", "--test", "0.25", "ds", "trainparts", "out/ds.test-*"}, 0, ""},
		{[]string{"verify", "--seed", "78", "--test", "0.25", "ds", "trainparts", "out/ds.test-*"}, 1, ""},
		{[]string{"verify", "--seed", "77", "--test", "0.25", "ds", "out/ds.test-*", "trainparts"}, 1, ""},
		{[]string{"explain", "--seeds", "70-80", "ds", "trainparts", "out/ds.test-*"}, 0, "seed 77: files = sorted(f.path for f in os.scandir('ds')"},
		{[]string{"explain", "--seeds", "70-76", "ds", "trainparts", "out/ds.test-*"}, 1, ""},
	} {
		res := runBin(t, dir, c.args...)
		if res.code != c.code || !strings.Contains(string(res.stdout), c.out) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d and %q", c.args, res.code, res.stdout, res.stderr, c.code, c.out)
		}
	}
}
