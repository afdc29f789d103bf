package main

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

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
	s := f.Value.String()
	switch strings.ToLower(s) {
	case `\t`, "tab":
		s = "\t"
	}
	if len(s) != 1 || s == `"` || s == "\n" || s == "\r" {
		return rows.Options{}, flagErr("--sep", f.Value.String(), errors.New("want one ASCII character other than a quote or a line end"))
	}
	return rows.Options{Sep: s[0]}, nil
}

// readCSV is the pandas read of the input (with its sep).
func readCSV(cmd *cobra.Command, input string) string {
	opts, _ := readOptions(cmd)
	if input == stdinPath {
		return readStdin(cmd, opts.Sep)
	}
	_, ext := splitName(input)
	switch low := strings.ToLower(ext); {
	case strings.HasPrefix(low, ".parquet"):
		return "df = pd.read_parquet(" + pyStr(input) + ")\n"
	case strings.HasPrefix(low, ".jsonl") || strings.HasPrefix(low, ".ndjson"):
		return "df = pd.read_json(" + pyStr(input) + ", lines=True)\n"
	case opts.Sep != 0:
		return "df = pd.read_csv(" + pyStr(input) + ", sep=" + pyStr(string(opts.Sep)) + ")\n"
	case strings.HasPrefix(strings.ToLower(ext), ".tsv"):
		return "df = pd.read_csv(" + pyStr(input) + ", sep='\\t')\n"
	}
	return "df = pd.read_csv(" + pyStr(input) + ")\n"
}
