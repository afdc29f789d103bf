package main

import (
	"strings"

	"github.com/splitter-dev/splitter/table"
)

// several is INPUT given as several arguments (a list of files read as
// one dataset), nil for one argument (a file, a directory or a glob).
func several(args []string) []string {
	if len(args) > 1 {
		return args
	}
	return nil
}

// firstFile is the first file INPUT names (a directory's or glob's first
// in order): the one whose name says the dataset's format.
func firstFile(args []string) string {
	if !table.IsDataset(args) {
		return args[0]
	}
	if files, err := table.Files(args); err == nil {
		return files[0]
	}
	return args[0]
}

// inputErrs is inputErr for INPUT given as args: an error naming one of
// them (a file of a list) is left as it is, any other names the first.
func inputErrs(args []string, err error) error {
	if err == nil {
		return nil
	}
	for _, a := range args[1:] {
		if strings.Contains(err.Error(), a) {
			return err
		}
	}
	return inputErr(args[0], err)
}
