package splitbeam

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/table"
)

// ErrCommand reports a recipe the pipeline does not run (perm writes no
// rows).
var ErrCommand = errors.New("splitbeam: recipe writes no rows")

// Split adds to s the pipeline running r on the input l lays out
// (job.NewLayout: one file, or a dataset's files in order — name order
// for a directory or glob) and writing what splitter's CLI writes for
// that same input, byte for byte: the outputs (r.Shards files each when
// set) under the CLI's names, then the CLI's manifest (none when
// l.Manifest is ""). Its outputs equal the Python call r names on
// pd.concat([pd.read_csv(f) for f in files], ignore_index=True):
// train_test_split (± stratify), KFold and its kin (the fold column
// file), df.sample(frac=1) and the other shuffles, df.sample, the hash
// split. r's seed is drawn here when it has none. Paths are local paths
// every worker reaches.
func Split(s beam.Scope, r *recipe.Recipe, l *job.Layout) error {
	if err := table.CheckFormats(l.Files); err != nil {
		return err
	}
	if c := r.Command(); c == "" || c == "perm" {
		return fmt.Errorf("%w: %s", ErrCommand, r.Call)
	}
	if r.Seeded() && r.Seed == "" {
		if err := r.DrawSeed(nil); err != nil {
			return err
		}
	}
	rj, err := json.Marshal(r)
	if err != nil {
		return err
	}
	cols := recipeColumns(r)
	list := make([]Shard, len(l.Files))
	for i, p := range l.Files {
		list[i] = Shard{Index: i, Path: p}
	}
	read := r.ReadOptions()
	s = s.Scope("splitter")
	infos := beam.ParDo(s, &countFn{Read: read, Columns: cols, Fold: r.Command() == "kfold"}, beam.Reshuffle(s, beam.CreateList(s, list)))
	pieces, heads, drafts := beam.ParDo3(s, &planFn{Recipe: string(rj), Columns: cols, Layout: *l}, beam.Impulse(s), beam.SideInput{Input: infos})
	chunks := beam.ParDo(s, &cutFn{Read: read}, beam.GroupByKey(s, pieces))
	written := beam.ParDo(s, &writeFn{}, beam.GroupByKey(s, beam.Flatten(s, heads, chunks)))
	c := &commitFn{Manifest: l.Manifest, Inputs: slices.Clone(l.Files)}
	beam.ParDo0(s, c, beam.Impulse(s), beam.SideInput{Input: drafts}, beam.SideInput{Input: written})
	return nil
}

// recipeColumns are the columns r reads, each once.
func recipeColumns(r *recipe.Recipe) []string {
	var cols []string
	for _, c := range []string{r.Stratify, r.Group, r.Weights, r.Key} {
		if c != "" && !slices.Contains(cols, c) {
			cols = append(cols, c)
		}
	}
	return cols
}
