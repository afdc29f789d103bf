package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// explainFolds is explain --fold-column COL FILE: the cross-validator
// that gave FILE's fold column, stratify and group columns taken from
// FILE's other columns.
func explainFolds(cmd *cobra.Command, args []string, col string, opts rows.Options, eo audit.ExplainOptions) error {
	if col == "" || len(args) != 1 {
		return fmt.Errorf("explain --fold-column: %d files: %w", len(args), audit.ErrShapeArgs)
	}
	t, err := table.Open(cmd.Context(), args[0], opts)
	if err != nil {
		return inputErr(args[0], err)
	}
	defer t.Close()
	c, err := table.Lookup(t, col, "--fold-column")
	if err != nil {
		return inputErr(args[0], err)
	}
	if c.Kind != rows.Int64 || c.HasNull() {
		return fmt.Errorf("%s: --fold-column %s: want fold numbers 0..K-1 in every row", args[0], col)
	}
	folds := make([]int, len(c.Ints))
	for i, v := range c.Ints {
		folds[i] = int(v)
	}
	for _, sc := range stratifyColumns(t) {
		if sc.Name != col {
			eo.Columns = append(eo.Columns, sc)
		}
	}
	return printFolds(cmd, folds, eo, fmt.Sprintf("%s: no cross-validator with a seed in %d-%d gives the folds of column %q", args[0], eo.First, eo.Last, col))
}

// printFolds searches the folds and prints one line per match, "seed S:
// CV(...).split(...)"; none is exit 1 with msg.
func printFolds(cmd *cobra.Command, folds []int, eo audit.ExplainOptions, msg string) error {
	clearBar := func() {}
	if bar := startSeedProgress(cmd, eo.Last-eo.First); bar != nil {
		eo.Progress = func(done, _ uint64) { _ = bar.Set64(int64(min(done, math.MaxInt64))) }
		clearBar = func() { _ = bar.Clear() }
		defer clearBar()
	}
	found, err := audit.ExplainFolds(cmd.Context(), folds, eo)
	clearBar() // before the matches, which a terminal shows on the bar's line
	if perr := printFoldMatches(cmd, found); perr != nil && err == nil {
		err = perr
	}
	if err != nil {
		return interrupted(err)
	}
	if len(found) == 0 {
		return &exitError{code: exitDiffers, msg: msg}
	}
	return nil
}

// interrupted is err, or for an interrupted search exit 130 naming the
// seeds searched.
func interrupted(err error) error {
	ie := (*audit.InterruptedError)(nil)
	if !errors.As(err, &ie) {
		return err
	}
	searched := fmt.Sprintf("no seed searched of %d..%d", ie.First, ie.Last)
	if ie.Next > ie.First {
		searched = fmt.Sprintf("searched seeds %d..%d of %d..%d", ie.First, ie.Next-1, ie.First, ie.Last)
	}
	return &exitError{code: exitInterrupted, msg: "interrupted; " + searched}
}

// explainFoldFiles is explain [--fold-files] DATA FOLD0 FOLD1 ...: the
// cross-validator whose test folds are the files, in order.
func explainFoldFiles(cmd *cobra.Command, args []string, opts rows.Options, eo audit.ExplainOptions) error {
	for _, name := range []string{"fold-column", "split-column", "ids"} {
		if cmd.Flags().Changed(name) {
			return fmt.Errorf("--%s with fold files: %w", name, audit.ErrShapeArgs)
		}
	}
	key, _ := cmd.Flags().GetString("key")
	folds, data, err := audit.OpenFolds(cmd.Context(), args, audit.ShapeOptions{Key: key, Read: opts})
	if data != nil {
		defer data.Close()
	}
	if errors.Is(err, audit.ErrUnmatched) || errors.Is(err, audit.ErrNotFolds) {
		return &exitError{code: exitDiffers, msg: err.Error()}
	}
	if err != nil {
		return err
	}
	eo.Columns = stratifyColumns(data)
	return printFolds(cmd, folds, eo, fmt.Sprintf("%s: no cross-validator with a seed in %d-%d gives these %d test folds of %s", strings.Join(args[1:], ", "), eo.First, eo.Last, len(args)-1, args[0]))
}

// printFoldMatches prints a line per fold match, "seed S: CV(...).split(...)",
// or with --json one object as explain --json prints for two parts.
func printFoldMatches(cmd *cobra.Command, found []audit.FoldMatch) error {
	type match struct {
		Seed   string         `json:"seed"`
		Python string         `json:"python"`
		Recipe *recipe.Recipe `json:"recipe"`
	}
	res := struct {
		Matches []match `json:"matches"`
	}{Matches: []match{}}
	for _, m := range found {
		line := m.Recipe.SplitPython()
		if m.Releases != "" {
			line += "  # scikit-learn " + m.Releases
		}
		if !flagBool(cmd, "json") {
			fmt.Fprintf(cmd.OutOrStdout(), "seed %d: %s\n", m.Seed, line)
		}
		res.Matches = append(res.Matches, match{strconv.FormatUint(m.Seed, 10), line, m.Recipe})
	}
	if !flagBool(cmd, "json") {
		return nil
	}
	enc := json.NewEncoder(cmd.OutOrStdout())
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}
