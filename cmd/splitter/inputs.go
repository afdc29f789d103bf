package main

import "github.com/splitter-dev/splitter/table"

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
