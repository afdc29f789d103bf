package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
)

// flagArgs are a command's flags as the recipe package reads arguments.
type flagArgs struct{ f *pflag.FlagSet }

func (a flagArgs) Changed(name string) bool {
	fl := a.f.Lookup(name)
	return fl != nil && fl.Changed
}

func (a flagArgs) Value(name string) string {
	if fl := a.f.Lookup(name); fl != nil {
		return fl.Value.String()
	}
	return ""
}

// parseRecipe makes the recipe of cmd from its flags.
func parseRecipe(cmd *cobra.Command) (*recipe.Recipe, error) {
	return recipe.Parse(cmd.Name(), flagArgs{cmd.Flags()})
}

// runParts is split and kfold: outputs named STEM.PART.EXT in --out-dir,
// one of them to standard output with --stdout PART.
func runParts(cmd *cobra.Command, args []string) error {
	r, err := parseRecipe(cmd)
	if err == nil {
		dir, _ := cmd.Flags().GetString("out-dir")
		part, _ := cmd.Flags().GetString("stdout")
		err = runRecipe(cmd, r, args[0], job.Options{OutDir: dir, StdoutPart: part, Inputs: several(args)})
	}
	return inputErrs(args, err)
}
