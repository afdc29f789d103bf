package main

import "github.com/spf13/cobra"

// shardFlags registers --shards and --max-rows-per-file on cmd: each
// output written as STEM.PART-00000-of-0000K.EXT files.
func shardFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("shards", "", "write each output as exactly `K` files STEM.PART-00000-of-0000K.EXT (K <= 99999; the first n mod K one row longer), each with the header")
	f.String("max-rows-per-file", "", "write each output as files of at most `N` rows (the last shorter; a 0-row output is one header-only -00000-of-00001 file)")
}
