package main

import (
	"bytes"
	"io"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// columnFlags are the flags that name a column of the input; shell
// completion offers the input's column names for them.
var columnFlags = []string{"stratify", "group", "weights", "key", "label"}

// registerColumnCompletion makes every column flag of every command
// complete to the column names of the input file already on the command
// line (cobra's completion command: `splitter completion bash`).
func registerColumnCompletion(root *cobra.Command) {
	for _, c := range root.Commands() {
		for _, name := range columnFlags {
			if c.Flags().Lookup(name) == nil {
				continue
			}
			c.RegisterFlagCompletionFunc(name, func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
				if len(args) == 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return headerNames(cmd, args[len(args)-1]), cobra.ShellCompDirectiveNoFileComp
			})
		}
	}
}

// headerNames returns the column names of the input at path, reading only
// its first 64 KiB for uncompressed text (the whole table otherwise); nil
// when it cannot be read.
func headerNames(cmd *cobra.Command, path string) []string {
	opts, _ := readOptions(cmd)
	if formatOf(path) == "delimited text" && !rows.IsCompressedPath(path) {
		f, err := rows.OpenRegular(path)
		if err != nil {
			return nil
		}
		defer f.Close()
		head, _ := io.ReadAll(io.LimitReader(f, 64<<10))
		if i := bytes.IndexAny(head, "\r\n"); i >= 0 {
			head = head[:i+1]
		}
		ix, err := rows.IndexBytes(path, head, opts)
		if err != nil {
			return nil
		}
		return ix.Names()
	}
	t, err := table.Open(cmd.Context(), path, opts)
	if err != nil {
		return nil
	}
	defer t.Close()
	return t.Names()
}
