package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestStdoutPart: --stdout PART streams that part to standard output
// (bytes as the file would hold), writes the other parts as usual and no
// manifest unless --manifest; a part the recipe does not write is an
// error naming the parts; --json with it is refused.
func TestStdoutPart(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "customers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		part string
	}{
		{[]string{"split", "--seed", "4", "--test", "0.2"}, "test"},
		{[]string{"split", "--seed", "4", "--sizes", "0.6,0.2,0.2"}, "val"},
		{[]string{"kfold", "--seed", "4", "--folds", "3", "--files"}, "fold1.train"},
		{[]string{"kfold", "--seed", "4", "--folds", "3"}, "folds"},
	} {
		files, piped := t.TempDir(), t.TempDir()
		for _, d := range []string{files, piped} {
			os.WriteFile(filepath.Join(d, "c.csv"), src, 0o644)
		}
		mustRun(t, files, append(tc.args, "c.csv")...)
		// Through a real pipe, as a shell would run it.
		cmd := exec.Command("sh", "-c", `"$0" "$@" | cat > streamed`, splitterBin)
		cmd.Args = append(cmd.Args, append(tc.args, "--stdout", tc.part, "c.csv")...)
		cmd.Dir = piped
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v --stdout %s: %v %s", tc.args, tc.part, err, out)
		}
		want, _ := os.ReadFile(filepath.Join(files, "c."+tc.part+".csv"))
		got, _ := os.ReadFile(filepath.Join(piped, "streamed"))
		if len(want) == 0 || !bytes.Equal(got, want) {
			t.Errorf("%v --stdout %s: standard output (%d bytes) differs from the part file (%d bytes)", tc.args, tc.part, len(got), len(want))
		}
		ents, _ := os.ReadDir(piped)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".json") || e.Name() == "c."+tc.part+".csv" {
				t.Errorf("%v --stdout %s: wrote %s", tc.args, tc.part, e.Name())
			}
		}
		if len(ents) < 3 && tc.part != "folds" {
			t.Errorf("%v --stdout %s: the other parts are missing: %d files", tc.args, tc.part, len(ents))
		}
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "c.csv"), src, 0o644)
	r := runBin(t, dir, "--seed", "4", "--stdout", "tset", "c.csv")
	if r.code != 2 || !strings.Contains(string(r.stderr), `no such output: "tset" (the outputs: train, test)`) {
		t.Errorf("--stdout tset: exit %d, %s", r.code, r.stderr)
	}
	r = runBin(t, dir, "--seed", "4", "--stdout", "test", "--json", "c.csv")
	if r.code != 2 || !strings.Contains(string(r.stderr), "--json with --stdout") {
		t.Errorf("--stdout with --json: exit %d, %s", r.code, r.stderr)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("failed runs wrote files: %d entries", len(ents))
	}
}
