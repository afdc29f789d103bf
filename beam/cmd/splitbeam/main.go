// Command splitbeam runs a splitter recipe on a sharded dataset as an
// Apache Beam pipeline (package splitbeam): locally on Prism by default,
// or on any runner Beam's Go SDK reaches (--runner dataflow, flink,
// spark with their own flags).
//
//	splitbeam --seed 7 --test 0.2 --shards 4 --out-dir out data/
//	splitbeam --kind kfold --folds 5 --seed 7 'data/part-*.csv'
//	splitbeam --kind shuffle --seed 7 data/
//
// The outputs are those splitter's CLI writes for the same INPUT, byte for
// byte: STEM.PART[-00000-of-0000K].EXT, and the CLI's manifest (its
// "splitter" field "splitbeam"), which `splitter verify` checks.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/splitter-dev/splitter/beam/splitbeam"
	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

// recipeFlags are splitter's recipe flags, passed to recipe.Parse as
// given.
var recipeFlags = []string{"seed", "test", "train", "val", "sizes", "stratify", "group", "weights", "key", "compat", "folds", "repeats", "gap", "n", "frac", "lengths", "names", "shards", "max-rows-per-file", "sep"}

// boolFlags are splitter's boolean recipe flags.
var boolFlags = []string{"no-shuffle", "replace", "fold-files"}

func main() {
	fs := flag.CommandLine
	kind := fs.String("kind", "split", "the splitter command: split, kfold, shuffle, sample")
	outDir := fs.String("out-dir", "", "folder of the outputs (default: the input's)")
	manifest := fs.String("manifest", "", "the manifest's path (default STEM.KIND.json in the out-dir)")
	noManifest := fs.Bool("no-manifest", false, "write no manifest")
	verbose := fs.Bool("v", false, "log the runner's progress (its INFO lines)")
	for _, f := range recipeFlags {
		fs.String(f, "", "splitter's --"+f)
	}
	for _, f := range boolFlags {
		fs.Bool(f, false, "splitter's --"+f)
	}
	flag.Parse()
	beam.Init()
	if !*verbose {
		// The runner logs through slog's default logger (set by
		// beam.Init); a failure is reported once, as one line, below.
		slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError + 1})))
	}
	if err := run(*kind, *outDir, *manifest, *noManifest, fs.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "splitbeam:", cause(err))
		os.Exit(1)
	}
}

// run builds and runs the pipeline.
func run(kind, outDir, manifest string, noManifest bool, inputs []string) error {
	args := recipe.ArgMap{}
	flag.Visit(func(f *flag.Flag) { args[f.Name] = f.Value.String() })
	for _, f := range []string{"kind", "out-dir", "manifest", "no-manifest"} {
		delete(args, f)
	}
	for k := range args { // Beam's own flags are no recipe's
		if !isRecipeFlag(k) {
			delete(args, k)
		}
	}
	r, err := recipe.Parse(kind, args)
	if err != nil {
		return err
	}
	l, err := job.NewLayout(r, job.Options{Inputs: inputs, OutDir: outDir, Manifest: manifest, NoManifest: noManifest, Splitter: "splitbeam"})
	if err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	if err := splitbeam.Split(s, r, l); err != nil {
		return err
	}
	if r.SeedDrawn {
		fmt.Fprintf(os.Stderr, "seed: %s\n", r.Seed)
	}
	return beamx.Run(context.Background(), p)
}

func isRecipeFlag(name string) bool {
	for _, f := range append(recipeFlags, boolFlags...) {
		if f == name {
			return true
		}
	}
	return false
}

// cause is the line of a failed pipeline's error that names what failed
// (a runner wraps a DoFn's error in its plan and stack): the text after
// the last "failed:" line, else err's first line.
func cause(err error) string {
	msg := strings.TrimSpace(err.Error())
	if i := strings.LastIndex(msg, "failed:\n"); i >= 0 {
		msg = msg[i+len("failed:\n"):]
	}
	line, _, _ := strings.Cut(msg, "\n")
	return line
}
