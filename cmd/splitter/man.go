package main

import (
	"errors"
	"os"

	"github.com/spf13/cobra"
)

// newManCmd is `splitter man DIR`: man pages for every command
// (splitter.1, splitter-split.1, ...), written from the command tree by
// writeManTree.
func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "man DIR",
		Short: "Write man pages for every command into DIR (splitter.1, splitter-split.1, ...)",
		Example: `  splitter man /usr/local/share/man/man1
  splitter man man1 && man ./man1/splitter-split.1`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if dir == "" {
				return errors.New("want a folder")
			}
			if err := os.MkdirAll(dir, 0o777); err != nil {
				return err
			}
			date, err := manDate()
			if err != nil {
				return err
			}
			h := manPage{title: "SPLITTER", section: "1", source: "splitter " + versionString(), date: date}
			return writeManTree(cmd.Root(), h, dir)
		},
	}
}
