package splitbeam_test

import (
	"context"
	"log"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/splitter-dev/splitter/beam/splitbeam"
	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

// train_test_split(df, test_size=0.2, random_state=7, stratify=df["label"])
// on pd.concat of data/'s shards, written as 4 files a part (the CLI's
// --shards 4) and the manifest, on the runner --runner names (Prism by
// default).
func ExampleSplit() {
	beam.Init()
	r, err := recipe.Parse("split", recipe.ArgMap{"seed": "7", "test": "0.2", "stratify": "label", "shards": "4"})
	if err != nil {
		log.Fatal(err)
	}
	// Laid out as `splitter --seed 7 ... data/` lays out its run.
	l, err := job.NewLayout(r, job.Options{Inputs: []string{"data"}, Splitter: "splitbeam"})
	if err != nil {
		log.Fatal(err)
	}
	p, s := beam.NewPipelineWithRoot()
	if err := splitbeam.Split(s, r, l); err != nil {
		log.Fatal(err)
	}
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatal(err)
	}
	// data.train-00000-of-00004.csv ... data.test-00003-of-00004.csv and
	// data.split.json (the CLI's manifest) are written beside data/.
}
