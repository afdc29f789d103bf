package main

import (
	"errors"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newManCmd is `splitter man DIR`: man pages for every command, written by
// cobra's generator (splitter.1, splitter-split.1, ...).
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
			root := cmd.Root()
			root.DisableAutoGenTag = true
			return doc.GenManTree(root, &doc.GenManHeader{Title: "SPLITTER", Section: "1", Source: "splitter " + versionString()}, dir)
		},
	}
}
