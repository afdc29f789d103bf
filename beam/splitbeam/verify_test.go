package splitbeam

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

// TestVerifyBeamManifest requires splitter's own CLI (built from the root
// module) to verify the pipeline's manifest — exit 0 — and, once one
// shard of the input changed, to report it — exit 1.
func TestVerifyBeamManifest(t *testing.T) {
	bin := buildSplitter(t)
	dir := t.TempDir()
	shards := writeDataset(t, dir, 5000)
	r := recipe.ArgMap{"seed": "13", "test": "0.2", "stratify": "label", "shards": "2"}
	l := runBeam(t, "split", r, job.Options{Inputs: []string{filepath.Join(dir, "data")}, OutDir: filepath.Join(dir, "out")})
	if code, out := run(t, bin, "verify", l.Manifest); code != 0 {
		t.Fatalf("verify on the pipeline's manifest: exit %d, want 0:\n%s", code, out)
	}
	b := read(t, shards[4])
	b[len(b)-2] ^= 1 // one byte of the last row
	if err := os.WriteFile(shards[4], b, 0o666); err != nil {
		t.Fatal(err)
	}
	code, out := run(t, bin, "verify", l.Manifest)
	if code != 1 {
		t.Fatalf("verify after a shard changed: exit %d, want 1:\n%s", code, out)
	}
	t.Logf("verify after a shard changed: %s", out)
}

// buildSplitter builds the root module's splitter command into a
// temporary folder.
func buildSplitter(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "splitter")
	cmd := exec.Command("go", "build", "-buildvcs=false", "-o", bin, "./cmd/splitter")
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building splitter: %v\n%s", err, out)
	}
	return bin
}

// run runs bin with args and returns its exit status and output.
func run(t *testing.T, bin string, args ...string) (int, []byte) {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode(), out
	case err != nil:
		t.Fatal(err)
	}
	return 0, out
}
