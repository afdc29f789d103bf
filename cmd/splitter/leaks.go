package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/table"
)

func newLeaksCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "leaks [--on COLS | --key COL | --group COL] [--json] PART PART...",
		Short: "Find rows (keys, groups) shared by two or more parts: leakage between train and test",
		Long: `Compares the parts' rows as pandas reads them and pd.merge matches them (1.5 equals
1.50, 2 equals 2.0, NaN equals NaN), on the columns all parts have (an "Unnamed: 0"
index column excluded), or on --on's columns. For each pair of parts it prints how
many distinct rows both hold — what
  len(pd.merge(a[cols].drop_duplicates(), b[cols].drop_duplicates(), on=cols))
gives — and the first few, with their 0-based rows in each part. --key COL compares
that column only; --group COL reports groups found in more than one part.

Exit 0 when no row is shared, 1 when any is, 2 on an error.`,
		Example: `  splitter leaks data.train.csv data.test.csv
  splitter leaks --key id --json train.csv val.csv test.csv
  splitter leaks --group patient train.csv test.csv`,
		Args: cobra.MinimumNArgs(2),
		RunE: runLeaks,
	}
	f := cmd.Flags()
	f.String("on", "", "compare these columns `A,B,...` only")
	f.String("key", "", "compare the id column `COL` only")
	f.String("group", "", "report the groups of column `COL` found in more than one part")
	f.Bool("json", false, `print {"pairs": [{"a", "b", "shared"}], "shared": N} on stdout`)
	sepFlag(cmd)
	return cmd
}

func runLeaks(cmd *cobra.Command, args []string) error {
	f := cmd.Flags()
	on, _ := f.GetString("on")
	key, _ := f.GetString("key")
	group, _ := f.GetString("group")
	set := 0
	for _, v := range []string{on, key, group} {
		if v != "" {
			set++
		}
	}
	if set > 1 {
		return fmt.Errorf("--on, --key and --group: %w", ErrFlagCombination)
	}
	opts := audit.LeakOptions{Key: key, Group: group}
	if on != "" {
		opts.On = strings.Split(on, ",")
	}
	ropts, err := readOptions(cmd)
	if err != nil {
		return err
	}
	parts := make([]audit.Table, len(args))
	for i, p := range args {
		t, err := table.Open(cmd.Context(), p, ropts)
		if err != nil {
			return inputErr(p, err)
		}
		defer t.Close()
		parts[i] = t
	}
	rep, err := audit.Leaks(cmd.Context(), args, parts, opts)
	if err != nil {
		if errors.Is(err, audit.ErrNoCommonColumns) {
			return fmt.Errorf("%s: %w (use --on or --key)", strings.Join(args, ", "), err)
		}
		return err
	}
	if err := printLeaks(cmd, rep, opts); err != nil {
		return err
	}
	if rep.Shared > 0 {
		return &exitError{code: exitDiffers}
	}
	return nil
}

// printLeaks prints the report: JSON with --json, else one line per pair
// with its first examples.
func printLeaks(cmd *cobra.Command, rep *audit.LeakReport, opts audit.LeakOptions) error {
	w := cmd.OutOrStdout()
	if flagBool(cmd, "json") {
		type pair struct {
			A      string `json:"a"`
			B      string `json:"b"`
			Shared int    `json:"shared"`
		}
		out := struct {
			Pairs  []pair `json:"pairs"`
			Shared int    `json:"shared"`
		}{Pairs: []pair{}, Shared: rep.Shared}
		for _, p := range rep.Pairs {
			out.Pairs = append(out.Pairs, pair{p.A, p.B, p.Shared})
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	what := "rows"
	switch {
	case opts.Key != "":
		what = "keys"
	case opts.Group != "":
		what = "groups"
	}
	for _, p := range rep.Pairs {
		fmt.Fprintf(w, "%s, %s: %d shared %s", p.A, p.B, p.Shared, what)
		for i, e := range p.Examples {
			sep := "; "
			if i == 0 {
				sep = " ("
			}
			fmt.Fprintf(w, "%srow %d = row %d: %s", sep, e.RowA, e.RowB, e.Values)
		}
		if len(p.Examples) > 0 {
			if p.Shared > len(p.Examples) {
				fmt.Fprint(w, "; ...")
			}
			fmt.Fprint(w, ")")
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d distinct %s in two or more parts (compared on %s)\n", rep.Shared, what, strings.Join(rep.Columns, ", "))
	return nil
}
