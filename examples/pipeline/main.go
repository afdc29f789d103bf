// Command pipeline is the Go program a pipeline would copy: read a dataset
// (CSV, TSV, JSON Lines or Parquet, gz or not), split it with a stratified
// train_test_split exactly as scikit-learn does, write train and test byte
// for byte with a manifest, all or nothing, and verify the run as an
// auditor would.
//
//	go run ./examples/pipeline -seed 7 -test 0.2 -stratify churned examples/customers.csv
//
// It equals, in Python:
//
//	df = pd.read_csv("examples/customers.csv")
//	train, test = train_test_split(df, test_size=0.2, random_state=7, stratify=df["churned"])
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

func main() {
	seed := flag.String("seed", "7", "random_state")
	test := flag.String("test", "0.2", "test_size: a fraction or a row count")
	stratify := flag.String("stratify", "churned", "the label column to stratify on")
	outDir := flag.String("out-dir", "", "where the parts go (default: beside the input)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: pipeline [flags] DATA")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, flag.Arg(0), *seed, *test, *stratify, *outDir); err != nil {
		fmt.Fprintln(os.Stderr, "pipeline:", err)
		os.Exit(1)
	}
}

// run splits input and verifies what it wrote.
func run(ctx context.Context, input, seed, test, stratify, outDir string) error {
	// The recipe: one value for the Python call. Parse takes the CLI's
	// spelling of the arguments; a Recipe literal works as well.
	r, err := recipe.Parse("split", recipe.ArgMap{"seed": seed, "test": test, "stratify": stratify})
	if err != nil {
		return err
	}
	res, err := job.Run(ctx, r, job.Options{Input: input, OutDir: outDir})
	if err != nil {
		return err
	}
	for _, f := range res.Outputs {
		fmt.Printf("%s: %d rows\n", f.Path, f.Rows)
	}
	fmt.Printf("manifest: %s\npython:\n%s\n", res.ManifestPath, res.Python)
	// Anyone holding the files can check them against the manifest.
	return audit.VerifyManifest(ctx, res.ManifestPath, audit.VerifyOptions{})
}
