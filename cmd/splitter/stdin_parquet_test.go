package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// TestStdinParquet: Parquet piped into '-' (sniffed by PAR1, or named by
// --format parquet) writes the same parts as the file itself, named
// stdin.PART.parquet, and verifies with --input.
func TestStdinParquet(t *testing.T) {
	dir := t.TempDir()
	randomPQTable(rand.New(rand.NewPCG(7, 8)), 300).writeParquet(t, filepath.Join(dir, "d.parquet"), 64)
	mustRun(t, dir, "--seed", "5", "--test", "0.3", "--no-manifest", "d.parquet")
	for _, format := range [][]string{nil, {"--format", "parquet"}} {
		out := filepath.Join(dir, "out"+strconv.Itoa(len(format)))
		args := append(append([]string{"--seed", "5", "--test", "0.3", "--out-dir", out}, format...), "-")
		in, err := os.Open(filepath.Join(dir, "d.parquet"))
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(splitterBin, args...)
		cmd.Stdin = in
		r := runCmd(t, cmd, dir, args)
		in.Close()
		if r.code != 0 {
			t.Fatalf("%q: exit %d: %s", args, r.code, r.stderr)
		}
		for _, part := range []string{"train", "test"} {
			want, _ := os.ReadFile(filepath.Join(dir, "d."+part+".parquet"))
			got, err := os.ReadFile(filepath.Join(out, "stdin."+part+".parquet"))
			if err != nil || len(want) == 0 || !bytes.Equal(got, want) {
				t.Errorf("%q: stdin.%s.parquet differs from d.%s.parquet (%v)", args, part, part, err)
			}
		}
		mustRun(t, dir, "verify", "--input", "d.parquet", filepath.Join(out, "stdin.split.json"))
	}
}
