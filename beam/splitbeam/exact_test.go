package splitbeam

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

// exactCases are the recipes the pipeline must run exactly, as the CLI's
// flags, and how each names the sharded input (the directory, or a glob
// of its files).
var exactCases = []struct {
	name, kind string
	args       recipe.ArgMap
	glob       bool
}{
	{"split", "split", recipe.ArgMap{"seed": "7", "test": "0.2"}, false},
	{"stratify", "split", recipe.ArgMap{"seed": "11", "test": "0.25", "stratify": "label"}, true},
	{"kfold", "kfold", recipe.ArgMap{"seed": "5", "folds": "5"}, false},
	{"shuffle", "shuffle", recipe.ArgMap{"seed": "3"}, true},
	{"hash", "split", recipe.ArgMap{"compat": "hash", "key": "id", "test": "0.2"}, false},
	{"sample", "sample", recipe.ArgMap{"seed": "9", "frac": "0.1", "replace": "true"}, true},
}

// TestExactAgainstCLI runs each recipe as a Beam pipeline on Prism over a
// sharded dataset and as splitter's CLI (job.Run) over the same INPUT —
// the directory or a glob, not a concatenated copy — both with --shards
// 3, and requires the same files byte for byte and the same manifest but
// for the field naming the engine ("splitter").
func TestExactAgainstCLI(t *testing.T) {
	n := testRows(t)
	dir := t.TempDir()
	writeDataset(t, dir, n)
	for _, c := range exactCases {
		t.Run(c.name, func(t *testing.T) {
			input := filepath.Join(dir, "data")
			if c.glob {
				input = filepath.Join(input, "part-*.csv")
			}
			args := clone(c.args, "shards", "3")
			out := t.TempDir()
			cli := runCLI(t, c.kind, args, job.Options{Inputs: []string{input}, OutDir: filepath.Join(out, "cli"), Splitter: "cli"})
			l := runBeam(t, c.kind, args, job.Options{Inputs: []string{input}, OutDir: filepath.Join(out, "beam"), Splitter: "beam"})
			sameFiles(t, filepath.Join(out, "cli"), filepath.Join(out, "beam"))
			sameManifest(t, cli, l.Manifest)
		})
	}
}

// runCLI runs the recipe as splitter's CLI does and returns its
// manifest's path.
func runCLI(t *testing.T, kind string, args recipe.ArgMap, o job.Options) string {
	t.Helper()
	r, err := recipe.Parse(kind, args)
	if err != nil {
		t.Fatal(err)
	}
	res, err := job.Run(context.Background(), r, o)
	if err != nil {
		t.Fatalf("job.Run: %v", err)
	}
	return res.ManifestPath
}

// runBeam runs the recipe as a pipeline on Prism, in process, and returns
// its layout.
func runBeam(t *testing.T, kind string, args recipe.ArgMap, o job.Options) *job.Layout {
	t.Helper()
	l, err := runPipelineLayout(kind, args, o)
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	return l
}

// runPipelineLayout lays out and runs the recipe on Prism.
func runPipelineLayout(kind string, args recipe.ArgMap, o job.Options) (*job.Layout, error) {
	r, err := recipe.Parse(kind, args)
	if err != nil {
		return nil, err
	}
	l, err := job.NewLayout(r, o)
	if err != nil {
		return nil, err
	}
	p, s := beam.NewPipelineWithRoot()
	if err := Split(s, r, l); err != nil {
		return nil, err
	}
	_, err = prism.Execute(context.Background(), p)
	return l, err
}

// sameFiles requires dir b to hold the files of dir a, byte for byte, and
// no other file.
func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	want, got := dataFiles(t, a), dataFiles(t, b)
	if !slices.Equal(want, got) {
		t.Fatalf("files: got %q, want %q", got, want)
	}
	for _, f := range want {
		if strings.HasSuffix(f, ".json") {
			continue // sameManifest
		}
		if !bytes.Equal(read(t, filepath.Join(a, f)), read(t, filepath.Join(b, f))) {
			t.Errorf("%s differs from the CLI's", f)
		}
	}
}

// sameManifest requires the pipeline's manifest at got to be, byte for
// byte, the CLI's at want with "splitter" set to the pipeline's.
func sameManifest(t *testing.T, want, got string) {
	t.Helper()
	g, err := audit.ReadManifest(got)
	if err != nil {
		t.Fatal(err)
	}
	w, err := audit.ReadManifest(want)
	if err != nil {
		t.Fatal(err)
	}
	w.Splitter = g.Splitter
	wb, err := job.MarshalManifest(w)
	if err != nil {
		t.Fatal(err)
	}
	gb := read(t, got)
	if !bytes.Equal(gb, wb) {
		t.Errorf("the manifest differs from the CLI's:\n got %s\nwant %s", gb, wb)
	}
	if !bytes.Equal(bytes.Replace(read(t, want), []byte(`"splitter": "cli"`), []byte(`"splitter": "beam"`), 1), gb) {
		t.Errorf("the manifest's bytes differ from the CLI's")
	}
}

// dataFiles lists the files of dir in name order; a temporary file left
// there fails the test.
func dataFiles(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("%s left in %s", e.Name(), dir)
		}
		names = append(names, e.Name())
	}
	return names
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// clone is args with one more argument.
func clone(args recipe.ArgMap, k, v string) recipe.ArgMap {
	c := recipe.ArgMap{k: v}
	for a, b := range args {
		c[a] = b
	}
	return c
}
