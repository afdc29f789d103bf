package splitbeam

import (
	"bytes"
	"context"
	"encoding/json"
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
// flags.
var exactCases = []struct {
	name, kind string
	args       recipe.ArgMap
}{
	{"split", "split", recipe.ArgMap{"seed": "7", "test": "0.2"}},
	{"stratify", "split", recipe.ArgMap{"seed": "11", "test": "0.25", "stratify": "label"}},
	{"kfold", "kfold", recipe.ArgMap{"seed": "5", "folds": "5"}},
	{"shuffle", "shuffle", recipe.ArgMap{"seed": "3"}},
	{"hash", "split", recipe.ArgMap{"compat": "hash", "key": "id", "test": "0.2"}},
	{"sample", "sample", recipe.ArgMap{"seed": "9", "frac": "0.1", "replace": "true"}},
}

// TestExactAgainstCLI runs each recipe as a Beam pipeline on Prism over a
// sharded dataset and requires its files to be byte for byte those the
// single-machine CLI (job.Run) writes on the concatenated file, shard by
// shard with --shards 3, and their concatenation to be the CLI's
// unsharded output.
func TestExactAgainstCLI(t *testing.T) {
	n := testRows(t)
	dir := t.TempDir()
	shards, whole := writeDataset(t, dir, n)
	for _, c := range exactCases {
		t.Run(c.name, func(t *testing.T) {
			out := t.TempDir()
			sharded := clone(c.args, "shards", "3")
			cliDir := filepath.Join(out, "cli")
			cliMan := runCLI(t, c.kind, sharded, whole, cliDir)
			plain := runCLI(t, c.kind, c.args, whole, filepath.Join(out, "plain"))
			beamDir := filepath.Join(out, "beam")
			runBeam(t, c.kind, sharded, shards, beamDir, filepath.Join(dir, "data"))
			sameFiles(t, cliDir, beamDir)
			sameOutputs(t, cliMan, filepath.Join(beamDir, "data."+cliMan.Command+".json"))
			for _, o := range plain.Outputs {
				got := concatShards(t, beamDir, o.Name)
				want := read(t, filepath.Join(out, "plain", o.Path))
				if !bytes.Equal(got, want) {
					t.Errorf("%s: the concatenated shards (%d bytes) differ from the CLI's unsharded output (%d bytes)", o.Name, len(got), len(want))
				}
			}
		})
	}
}

// runCLI runs the recipe as splitter's CLI does on the one file whole,
// writing to dir, and returns its manifest.
func runCLI(t *testing.T, kind string, args recipe.ArgMap, whole, dir string) *audit.Manifest {
	t.Helper()
	r, err := recipe.Parse(kind, args)
	if err != nil {
		t.Fatal(err)
	}
	res, err := job.Run(context.Background(), r, job.Options{Input: whole, OutDir: dir})
	if err != nil {
		t.Fatalf("job.Run: %v", err)
	}
	return res.Manifest
}

// runBeam runs the recipe as a pipeline on Prism, in process.
func runBeam(t *testing.T, kind string, args recipe.ArgMap, shards []string, dir, input string) {
	t.Helper()
	r, err := recipe.Parse(kind, args)
	if err != nil {
		t.Fatal(err)
	}
	p, s := beam.NewPipelineWithRoot()
	o := Options{Names: Names{Input: input, Stem: "data", Ext: ".csv", OutDir: dir, Splitter: "test"}}
	if err := Split(s, shards, r, o); err != nil {
		t.Fatal(err)
	}
	if _, err := prism.Execute(context.Background(), p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
}

// sameFiles requires dir b to hold the data files of dir a, byte for byte,
// and no other data file.
func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	want, got := dataFiles(t, a), dataFiles(t, b)
	if !slices.Equal(want, got) {
		t.Fatalf("files: got %q, want %q", got, want)
	}
	for _, f := range want {
		if !bytes.Equal(read(t, filepath.Join(a, f)), read(t, filepath.Join(b, f))) {
			t.Errorf("%s differs from the CLI's", f)
		}
	}
}

// sameOutputs requires the pipeline's manifest to list the CLI's outputs:
// names, paths, rows and SHA-256.
func sameOutputs(t *testing.T, want *audit.Manifest, path string) {
	t.Helper()
	b := read(t, path)
	m := sharded{Manifest: new(audit.Manifest)}
	if _, err := audit.ParseManifest(path, b); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Outputs, want.Outputs) {
		t.Errorf("manifest outputs:\n got %v\nwant %v", m.Outputs, want.Outputs)
	}
	if m.Input.Rows != want.Input.Rows || len(m.Files) != 6 {
		t.Errorf("manifest input: %d rows in %d files, want %d rows in 6", m.Input.Rows, len(m.Files), want.Input.Rows)
	}
}

// concatShards is the shards of output name in dir concatenated, the
// header once.
func concatShards(t *testing.T, dir, name string) []byte {
	t.Helper()
	var out []byte
	for _, f := range dataFiles(t, dir) {
		if !strings.HasPrefix(f, "data."+name+"-") {
			continue
		}
		b := read(t, filepath.Join(dir, f))
		if len(out) > 0 { // the header once (it holds no quoted newline)
			b = b[bytes.IndexByte(b, '\n')+1:]
		}
		out = append(out, b...)
	}
	return out
}

// dataFiles lists the .csv files of dir in name order.
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
		if strings.HasSuffix(e.Name(), ".csv") {
			names = append(names, e.Name())
		}
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
