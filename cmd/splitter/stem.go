package main

import (
	"fmt"
	"strings"

	"github.com/splitter-dev/splitter/job"
)

// formatOf names the row format a file name implies: "Parquet", "JSON
// Lines" or "delimited text" (CSV, TSV, any other name), compression
// aside.
func formatOf(path string) string {
	_, ext := job.SplitName(path)
	ext = strings.ToLower(ext)
	switch {
	case strings.HasPrefix(ext, ".parquet"):
		return "Parquet"
	case strings.HasPrefix(ext, ".jsonl"):
		return "JSON Lines"
	}
	return "delimited text"
}

// sameFormat refuses an -o name whose extension promises another format
// than the input's: splitter copies rows in the input's format and does
// not convert (a Parquet input with -o s.csv would put Parquet bytes in
// s.csv).
func sameFormat(input, out string) error {
	if in, o := formatOf(input), formatOf(out); in != o {
		return fmt.Errorf("-o %s: names %s, but the rows are %s as in %s (splitter writes the input's format; give OUT the input's extension)", out, o, in, input)
	}
	return nil
}
