package job_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

// A Go pipeline does what `splitter --seed 7 --test 0.25 --stratify label
// data.csv` does: train_test_split(df, test_size=0.25, random_state=7,
// stratify=df["label"]), parts and manifest written atomically, byte for
// byte; then it verifies the run as an auditor would. (sklearn 1.2 gives
// train ids [4, 2, 8, 1, 3, 5], test [6, 7].)
func Example() {
	dir, _ := os.MkdirTemp("", "job")
	defer os.RemoveAll(dir)
	input := filepath.Join(dir, "data.csv")
	os.WriteFile(input, []byte("id,label,x\n1,a,0.50\n2,b,1.5\n3,a,2\n4,b,3\n5,a,4\n6,b,5\n7,a,6\n8,b,7\n"), 0o644)

	r := &recipe.Recipe{Call: recipe.TrainTestSplit, Stratify: "label", Seed: "7"}
	r.TestSize, _ = recipe.ParseSize("0.25")
	if err := r.Validate(); err != nil {
		panic(err)
	}
	res, err := job.Run(context.Background(), r, job.Options{Input: input})
	if err != nil {
		panic(err)
	}
	for _, f := range res.Outputs {
		b, _ := os.ReadFile(f.Path)
		fmt.Printf("%s (%d rows):\n%s", filepath.Base(f.Path), f.Rows, b)
	}
	fmt.Println(filepath.Base(res.ManifestPath), audit.VerifyManifest(context.Background(), res.ManifestPath, audit.VerifyOptions{}))
	// Output:
	// data.train.csv (6 rows):
	// id,label,x
	// 4,b,3
	// 2,b,1.5
	// 8,b,7
	// 1,a,0.50
	// 3,a,2
	// 5,a,4
	// data.test.csv (2 rows):
	// id,label,x
	// 6,b,5
	// 7,a,6
	// data.split.json <nil>
}
