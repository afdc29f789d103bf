package splitbeam

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/splitter-dev/splitter/recipe"
)

// ErrCommand reports a recipe the pipeline does not run (perm writes no
// rows).
var ErrCommand = errors.New("splitbeam: recipe writes no rows")

// ErrNoShards reports a pipeline given no input files.
var ErrNoShards = errors.New("splitbeam: no input shards")

// Options say how Split reads and where it writes.
type Options struct {
	Names
	// Sep is read_csv's sep (0 for the format's own: ',' or '\t').
	Sep byte
	// NoManifest writes no manifest.
	NoManifest bool
}

// Split adds to s the pipeline running r on the dataset of shards (in that
// order: name order for a directory or glob) and writing its outputs as
// splitter's CLI writes them for the concatenated dataset, r.Shards files
// each when set, then the manifest. Its outputs equal the Python call r
// names on pd.concat([pd.read_csv(f) for f in shards], ignore_index=True):
// train_test_split (± stratify), KFold and its kin (the fold column
// file), df.sample(frac=1) and the other shuffles, df.sample, the hash
// split. r's seed is drawn here when it has none. Paths are local paths
// every worker reaches.
func Split(s beam.Scope, shards []string, r *recipe.Recipe, o Options) error {
	if len(shards) == 0 {
		return ErrNoShards
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
	list := make([]Shard, len(shards))
	for i, p := range shards {
		list[i] = Shard{Index: i, Path: p}
	}
	s = s.Scope("splitter")
	infos := beam.ParDo(s, &countFn{Sep: o.Sep, Columns: cols, Fold: r.Command() == "kfold"}, beam.Reshuffle(s, beam.CreateList(s, list)))
	pieces, heads, drafts := beam.ParDo3(s, &planFn{Recipe: string(rj), Columns: cols, Names: o.Names}, beam.Impulse(s), beam.SideInput{Input: infos})
	chunks := beam.ParDo(s, &cutFn{Sep: o.Sep}, beam.GroupByKey(s, pieces))
	written := beam.ParDo(s, &writeFn{}, beam.GroupByKey(s, beam.Flatten(s, heads, chunks)))
	c := &commitFn{Inputs: slices.Clone(shards)}
	if !o.NoManifest {
		c.Manifest = o.manifestPath(r)
	}
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
