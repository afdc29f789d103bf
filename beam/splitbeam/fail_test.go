package splitbeam

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/recipe"
)

// TestFailureWritesNothing runs pipelines that must fail — shards whose
// columns differ, a stratify column no shard has, a shard that does not
// parse — and requires one error naming the cause and no file written.
func TestFailureWritesNothing(t *testing.T) {
	for _, c := range []struct {
		name   string
		shards []string
		args   recipe.ArgMap
		want   string
	}{
		{"headers", []string{"a,b\n1,2\n", "a,c\n3,4\n"}, recipe.ArgMap{"seed": "1", "test": "0.5"}, "part-1.csv: shard columns differ"},
		{"column", []string{"a,b\n1,2\n", "a,b\n3,4\n"}, recipe.ArgMap{"seed": "1", "test": "0.5", "stratify": "z"}, `no such column "z"`},
		{"parse", []string{"a,b\n1,2\n", "a,b\n3,4\n\"5,6\n"}, recipe.ArgMap{"seed": "1", "test": "0.5"}, "part-1.csv"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			var shards []string
			for i, s := range c.shards {
				p := filepath.Join(dir, "part-"+string(rune('0'+i))+".csv")
				if err := os.WriteFile(p, []byte(s), 0o666); err != nil {
					t.Fatal(err)
				}
				shards = append(shards, p)
			}
			out := filepath.Join(dir, "out")
			err := runPipeline(t, "split", c.args, shards, out)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err %v, want one containing %q", err, c.want)
			}
			if ents, _ := os.ReadDir(out); len(ents) > 0 {
				t.Errorf("%d files left in the out-dir, first %s", len(ents), ents[0].Name())
			}
		})
	}
}
