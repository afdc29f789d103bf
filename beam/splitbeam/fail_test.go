package splitbeam

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

// TestFailureWritesNothing runs pipelines that must fail — shards whose
// columns differ, shards of two formats, a stratify column no shard has,
// a shard that does not parse — and requires the error splitter's CLI
// gives on the same input (job.Run), naming the shard, and no file
// written.
func TestFailureWritesNothing(t *testing.T) {
	for _, c := range []struct {
		name   string
		shards []string
		ext    string // the second shard's extension
		args   recipe.ArgMap
		want   string
	}{
		{"headers", []string{"a,b\n1,2\n", "a,c\n3,4\n"}, ".csv", recipe.ArgMap{"seed": "1", "test": "0.5"}, "part-1.csv: columns differ"},
		{"formats", []string{"a,b\n1,2\n", "{\"a\":3,\"b\":4}\n"}, ".jsonl", recipe.ArgMap{"seed": "1", "test": "0.5"}, "part-1.jsonl: shards of different formats"},
		{"column", []string{"a,b\n1,2\n", "a,b\n3,4\n"}, ".csv", recipe.ArgMap{"seed": "1", "test": "0.5", "stratify": "z"}, `no such column "z"`},
		{"parse", []string{"a,b\n1,2\n", "a,b\n3,4\n\"5,6\n"}, ".csv", recipe.ArgMap{"seed": "1", "test": "0.5"}, "part-1.csv"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			var shards []string
			for i, s := range c.shards {
				p := filepath.Join(dir, "part-"+string(rune('0'+i))+[]string{".csv", c.ext}[i])
				if err := os.WriteFile(p, []byte(s), 0o666); err != nil {
					t.Fatal(err)
				}
				shards = append(shards, p)
			}
			r, err := recipe.Parse("split", c.args)
			if err != nil {
				t.Fatal(err)
			}
			_, cliErr := job.Run(context.Background(), r, job.Options{Inputs: shards, OutDir: filepath.Join(dir, "cli")})
			if cliErr == nil || !strings.Contains(cliErr.Error(), c.want) {
				t.Fatalf("the CLI's error %v, want one containing %q", cliErr, c.want)
			}
			out := filepath.Join(dir, "out")
			err = runPipeline(t, "split", c.args, shards, out)
			if err == nil || !strings.Contains(err.Error(), cliErr.Error()) {
				t.Fatalf("err %v, want one containing the CLI's %q", err, cliErr)
			}
			if ents, _ := os.ReadDir(out); len(ents) > 0 {
				t.Errorf("%d files left in the out-dir, first %s", len(ents), ents[0].Name())
			}
		})
	}
}

// TestCommitWithoutPlan: when the plan step failed, the commit step (which
// a runner may still run, on an empty side input) succeeds without
// writing, so that the pipeline fails with the plan's error, not with
// one of its own; files written without a plan are an error.
func TestCommitWithoutPlan(t *testing.T) {
	none := func(*Draft) bool { return false }
	f := &commitFn{}
	if err := f.ProcessElement(nil, none, func(*Written) bool { return false }); err != nil {
		t.Errorf("no plan, nothing written: %v", err)
	}
	once := true
	one := func(w *Written) bool {
		ok := once
		once = false
		return ok
	}
	if err := f.ProcessElement(nil, none, one); err == nil {
		t.Error("no plan, a file written: no error")
	}
}
