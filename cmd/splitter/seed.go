package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// drawnSeedKey is the command annotation holding a drawn seed.
const drawnSeedKey = "splitter.drawn-seed"

// manifestKey is the command annotation holding the path of the manifest
// the command wrote.
const manifestKey = "splitter.manifest"

// flagBool is the value of a boolean flag of cmd (local or inherited),
// false when cmd has no such flag.
func flagBool(cmd *cobra.Command, name string) bool {
	v, _ := cmd.Flags().GetBool(name)
	return v
}

// announceSeed prints "seed: N" on stderr when cmd drew its seed.
// With --quiet it is printed only when no manifest records it.
func announceSeed(cmd *cobra.Command) {
	if _, ok := cmd.Annotations[manifestKey]; ok && flagBool(cmd, "quiet") {
		return
	}
	if s, ok := cmd.Annotations[drawnSeedKey]; ok {
		fmt.Fprintf(cmd.ErrOrStderr(), "seed: %s\n", s)
	}
}

// flagErr formats an error about a flag's value: `--seed "x": reason`.
func flagErr(flag, value string, err error) error {
	return fmt.Errorf("%s %q: %w", flag, value, err)
}
