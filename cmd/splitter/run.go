package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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
