package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/audit"
)

// matchFlags adds the flags saying how explain reads the parts.
func matchFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("key", "", "match rows on this unique id `COL`umn alone (default: every column DATA and the parts share, by value)")
	f.String("split-column", "", "DATA FILE: FILE's `COL` says each row's part (train/test/val, or True/False for is-test); membership only")
	f.Bool("ids", false, "TRAIN [VAL] TEST are ID lists (one id a line, or a JSON list): row positions, or values of --key")
}

// explainThree searches the two-step three-way splits of three and
// prints each match as two-part matches are printed; searched is called
// when the search ends (the progress bar is cleared before the matches).
func explainThree(cmd *cobra.Command, args []string, sep byte, three *audit.Matched, eo audit.ExplainOptions, searched func()) error {
	matches, err := audit.Explain3(cmd.Context(), three, eo)
	searched()
	if err != nil {
		return err
	}
	out := []pythonMatch{}
	for _, m := range matches {
		out = append(out, pythonMatch{strconv.FormatUint(m.Seed, 10), m.Python(args[0], sep), m.Recipe()})
	}
	if err := printMatches(cmd, out); err != nil {
		return err
	}
	if len(matches) == 0 {
		return &exitError{code: exitDiffers, msg: fmt.Sprintf("%s: no two-step recipe with a seed in %d-%d makes them from %s", strings.Join(args[1:], ", "), eo.First, eo.Last, args[0])}
	}
	return nil
}
