package splitbeam

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/splitter-dev/splitter/internal/oracle"
	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

// TestConcatLive checks the pipeline against pandas and scikit-learn live
// on shards whose label columns pandas types apart (int64 in one, float64
// or str in another): the rows of train_test_split(stratify=) and the
// folds of StratifiedKFold on pd.concat of the shards, or an error where
// Python raises.
func TestConcatLive(t *testing.T) {
	oracle.Require(t, "numpy", "pandas", "sklearn")
	script := oracle.Script(t, "testdata/concat_split.py")
	r := oracle.Rand(t)
	for i := range 4 {
		kind := []string{"split", "kfold"}[i%2]
		t.Run(fmt.Sprintf("%d-%s", i, kind), func(t *testing.T) {
			dir := t.TempDir()
			shards := writeTypedShards(t, dir, r)
			seed, test := r.IntN(1000), []string{"0.2", "0.25", "0.3"}[r.IntN(3)]
			var want struct {
				Train, Test, Fold []int
				Error, Dtype      string
			}
			oracle.RunJSON(t, script, map[string]any{"shards": shards, "kind": kind, "seed": seed, "test": json.Number(test), "folds": 3}, &want)
			args := recipe.ArgMap{"seed": strconv.Itoa(seed), "stratify": "label"}
			if kind == "split" {
				args["test"] = test
			} else {
				args["folds"] = "3"
			}
			out := filepath.Join(dir, "out")
			err := runPipeline(t, kind, args, shards, out)
			t.Logf("label dtype %s; python error %q; pipeline error %v", want.Dtype, want.Error, err)
			switch {
			case want.Error != "" && err == nil:
				t.Fatalf("Python raised %q; the pipeline ran", want.Error)
			case want.Error != "":
				return
			case err != nil:
				t.Fatal(err)
			case kind == "split":
				sameInts(t, "train", ids(t, filepath.Join(out, "part-0.train.csv"), 0), want.Train)
				sameInts(t, "test", ids(t, filepath.Join(out, "part-0.test.csv"), 0), want.Test)
			default:
				sameInts(t, "fold", ids(t, filepath.Join(out, "part-0.folds.csv"), 3), want.Fold)
			}
		})
	}
}

// writeTypedShards writes 3 to 5 shards of 20 to 200 rows: id, label,
// text; each shard's labels ints, floats or strings.
func writeTypedShards(t *testing.T, dir string, r *rand.Rand) []string {
	var shards []string
	id := 0
	for s := range 3 + r.IntN(3) {
		var b strings.Builder
		b.WriteString("id,label,text\n")
		typ := r.IntN(5) // strings rarely: they make Python raise when mixed
		for range 20 + r.IntN(180) {
			l := r.IntN(3)
			switch {
			case typ == 4:
				fmt.Fprintf(&b, "%d,c%d,\"x,%d\"\n", id, l, id)
			case typ >= 2:
				fmt.Fprintf(&b, "%d,%d.0,t\n", id, l)
			default:
				fmt.Fprintf(&b, "%d,%d,t\n", id, l)
			}
			id++
		}
		p := filepath.Join(dir, fmt.Sprintf("part-%d.csv", s))
		if err := os.WriteFile(p, []byte(b.String()), 0o666); err != nil {
			t.Fatal(err)
		}
		shards = append(shards, p)
	}
	return shards
}

// runPipeline runs the recipe on Prism over the shards (a list of
// files), writing to dir.
func runPipeline(t *testing.T, kind string, args recipe.ArgMap, shards []string, dir string) error {
	_, err := runPipelineLayout(kind, args, job.Options{Inputs: shards, OutDir: dir})
	return err
}

// ids reads column j of the CSV file at path as integers.
func ids(t *testing.T, path string, j int) []int {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	for _, rec := range recs[1:] {
		v, err := strconv.Atoi(rec[j])
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, v)
	}
	return out
}

func sameInts(t *testing.T, what string, got, want []int) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s: got %d rows %v..., want %d rows %v...", what, len(got), head(got), len(want), head(want))
	}
}

func head(v []int) []int { return v[:min(len(v), 8)] }
