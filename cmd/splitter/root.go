package main

import (
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// newRootCmd builds the command tree. stdout and stderr are injected so
// that tests can run commands in-process.
func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "splitter [split] [flags] INPUT",
		Short: "Split and sample datasets exactly as Python does",
		Long: `splitter splits and samples datasets exactly as Python does: for the same seed it
writes the same rows, in the same order, as numpy, scikit-learn, pandas,
Hugging Face datasets, PyTorch and Python's random. Every output row is an input
row copied byte for byte.

With no command name and an input file, splitter runs "split".`,
		Example: `  # train_test_split(pd.read_csv("data.csv"), test_size=0.2, random_state=101)
  splitter --seed 101 --test 0.2 data.csv

  # KFold(5, shuffle=True, random_state=7): adds a "fold" column
  splitter kfold --folds 5 --seed 7 data.csv

  # np.random.RandomState(42).permutation(10)
  splitter perm --seed 42 --n 10`,
		Version:           versionString(),
		SilenceUsage:      true,
		SilenceErrors:     true,
		PersistentPostRun: func(cmd *cobra.Command, _ []string) { announceSeed(cmd); announceStdinManifest(cmd) },
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate("splitter {{.Version}}\n")
	// --version has no shorthand: -v is --verbose, as in most tools.
	root.Flags().Bool("version", false, "print splitter's version, VCS revision and date")
	root.PersistentFlags().BoolP("verbose", "v", false, "also print the parts' row counts, the seed, the Python code and timings on stderr")
	root.PersistentFlags().BoolP("quiet", "q", false, "print nothing but errors (and a drawn seed no manifest records)")
	addFormatFlag(root)
	root.SetGlobalNormalizationFunc(pythonSpellings)
	root.AddCommand(newSplitCmd(), newKfoldCmd(), newAssignCmd(), newShuffleCmd(), newSampleCmd(), newPermCmd(), newVerifyCmd(), newExplainCmd(), newLeaksCmd(), newManCmd())
	registerColumnCompletion(root)
	return root
}

// withDefaultCommand inserts "split" when the command line does not start
// with a command name: `splitter --seed 1 data.csv` is `splitter split
// --seed 1 data.csv`. Help and version requests, and a first word that names
// no file and no command, are left to cobra (which suggests commands).
func withDefaultCommand(root *cobra.Command, args []string) []string {
	if len(args) == 0 {
		return args
	}
	first := args[0]
	switch first {
	case "-h", "--help", "--version", "help":
		return args
	}
	for _, c := range root.Commands() {
		if c.Name() == first || c.HasAlias(first) {
			return args
		}
	}
	if strings.HasPrefix(first, "__") { // cobra's hidden completion commands
		// Completing the default command's flags: `splitter --stratify <TAB>`.
		if len(args) > 2 && strings.HasPrefix(args[1], "-") {
			return append([]string{first, "split"}, args[1:]...)
		}
		return args
	}
	if !strings.HasPrefix(first, "-") && !strings.ContainsAny(first, "./\\") {
		// A bare word: most likely a mistyped command name.
		if _, ok := findSplit(root); !ok {
			return args
		}
		if !fileExists(first) {
			return args
		}
	}
	if _, ok := findSplit(root); !ok {
		return args
	}
	return append([]string{"split"}, args...)
}

func findSplit(root *cobra.Command) (*cobra.Command, bool) {
	for _, c := range root.Commands() {
		if c.Name() == "split" {
			return c, true
		}
	}
	return nil, false
}

// pythonAliases are the argument names of the Python calls, accepted as
// flags where they are unambiguous: --test-size (or --test_size) is
// --test, as train_test_split(test_size=...) spells it.
var pythonAliases = map[string]string{
	"test-size":          "test",
	"train-size":         "train",
	"random-state":       "seed",
	"stratify-by-column": "stratify",
	"n-splits":           "folds",
}

// pythonSpellings normalises a flag name: underscores as dashes, then a
// Python argument name to splitter's flag.
func pythonSpellings(_ *pflag.FlagSet, name string) pflag.NormalizedName {
	name = strings.ReplaceAll(name, "_", "-")
	if to, ok := pythonAliases[name]; ok {
		name = to
	}
	return pflag.NormalizedName(name)
}
