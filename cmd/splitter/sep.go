package main

import (
	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/rows"
)

// sepFlag registers --sep on cmd.
func sepFlag(cmd *cobra.Command) {
	cmd.Flags().String("sep", "", "field delimiter `C`, one character (read_csv(sep=C)); `\\t` or tab for a tab; default , (tab for .tsv)")
}

// readOptions returns the rows options of --sep.
func readOptions(cmd *cobra.Command) (rows.Options, error) {
	f := cmd.Flags().Lookup("sep")
	if f == nil || !f.Changed {
		return rows.Options{}, nil
	}
	s, err := recipe.ParseSep(f.Value.String())
	if err != nil {
		return rows.Options{}, err
	}
	return rows.Options{Sep: s[0]}, nil
}
