package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/table"
)

// stdinPath is the INPUT that means standard input; stdinName is how
// errors call it.
const (
	stdinPath = table.StdinPath
	stdinName = table.StdinName
)

// stdinKey is the command annotation marking a run on standard input.
const stdinKey = "splitter.stdin"

// addFormatFlag adds --format, the format of standard input (the
// recipe's Format).
func addFormatFlag(root *cobra.Command) {
	root.PersistentFlags().String("format", "", "the format of standard input (INPUT -): `csv`, tsv, jsonl or parquet (default: sniffed; TSV only when given)")
}

// stdinOutput refuses an -o OUT whose name promises another format than
// what standard input held (as sameFormat does for a file).
func stdinOutput(res *job.Result, out string) error {
	if res.Piped == nil || out == "" || out == stdoutPath {
		return nil
	}
	if in, o := formatOf("stdin"+res.Piped.Ext), formatOf(out); in != o {
		return fmt.Errorf("-o %s: names %s, but standard input holds %s (splitter writes the input's format; give OUT that extension, or --format)", out, o, in)
	}
	return nil
}

// announceStdinManifest says where the manifest of a run on standard input
// went (there is no input file for it to sit beside), unless --quiet.
func announceStdinManifest(cmd *cobra.Command) {
	_, stdin := cmd.Annotations[stdinKey]
	mpath, ok := cmd.Annotations[manifestKey]
	if stdin && ok && !flagBool(cmd, "quiet") {
		fmt.Fprintf(cmd.ErrOrStderr(), "manifest: %s\n", mpath)
	}
}
