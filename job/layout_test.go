package job_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

// TestLayoutManifest requires a Layout to name what Run writes and its
// NewManifest to be, byte for byte, the manifest Run writes: on one file,
// a directory and a list of files.
func TestLayoutManifest(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if err := os.Mkdir(data, 0o777); err != nil {
		t.Fatal(err)
	}
	shards := []string{"id,label\n1,a\n2,b\n3,a\n", "id,label\n", "id,label\n4,b\n5,a\n6,b\n7,a"}
	var files []string
	for i, s := range shards {
		p := filepath.Join(data, "part-"+string(rune('0'+i))+".csv")
		if err := os.WriteFile(p, []byte(s), 0o666); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	for name, inputs := range map[string][]string{"file": files[:1], "dir": {data}, "list": {files[2], files[0]}} {
		t.Run(name, func(t *testing.T) {
			r, err := recipe.Parse("split", recipe.ArgMap{"seed": "3", "test": "0.4", "shards": "2"})
			if err != nil {
				t.Fatal(err)
			}
			o := job.Options{Inputs: inputs, OutDir: filepath.Join(dir, "out-"+name), Splitter: "test"}
			l, err := job.NewLayout(r, o)
			if err != nil {
				t.Fatal(err)
			}
			res, err := job.Run(context.Background(), r, o)
			if err != nil {
				t.Fatal(err)
			}
			if l.Manifest != res.ManifestPath {
				t.Errorf("manifest path %q, Run wrote %q", l.Manifest, res.ManifestPath)
			}
			var sums, outSums []string
			var counts []int
			for i, f := range l.Files {
				s, err := audit.HashFile(f)
				if err != nil {
					t.Fatal(err)
				}
				sums = append(sums, s)
				if res.Manifest.Files != nil {
					counts = append(counts, res.Manifest.Files[i].Rows)
				}
			}
			for i, f := range res.Outputs {
				if p := l.OutputPath(recipe.Output{Name: f.Name, Shard: i % 2, Of: 2}); p != f.Path {
					t.Errorf("output %d at %q, Run wrote %q", i, p, f.Path)
				}
				outSums = append(outSums, res.Manifest.Outputs[i].SHA256)
			}
			got, err := job.MarshalManifest(l.NewManifest(r, res.Rows, sums, counts, res.Outputs, outSums))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(res.ManifestPath)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("NewManifest:\n%s\nRun wrote:\n%s", got, want)
			}
		})
	}
}
