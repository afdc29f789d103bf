package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/rows"
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

// runRecipe is every row-writing command: it opens input, draws the
// seed if none was given, applies r and writes its outputs (at path(name))
// and the manifest (defManifest unless --manifest/--no-manifest), all or
// nothing.
func runRecipe(cmd *cobra.Command, r *recipe.Recipe, input string, path func(name string) string, defManifest string) error {
	j, mpath, ix, err := startInput(cmd, input, defManifest, r.ReadOptions())
	if err != nil {
		return err
	}
	defer ix.Close()
	if err := r.DrawSeed(nil); err != nil {
		return err
	}
	if r.SeedDrawn {
		if cmd.Annotations == nil {
			cmd.Annotations = map[string]string{}
		}
		cmd.Annotations[drawnSeedKey] = r.Seed
	}
	ctx := cmd.Context()
	res, err := r.Apply(ctx, ix)
	if err != nil {
		return inputErr(input, err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(cmd.ErrOrStderr(), "warning: "+w)
	}
	j.rows, j.recipe, j.python = ix.Len(), r, r.Python(input, ix.Len())
	ro := res.Outputs(ix)
	outs := make([]output, len(ro))
	orders := make([][]int, len(ro))
	for i, o := range ro {
		outs[i] = output{name: o.Name, path: path(o.Name), rows: o.Len, order: o.Rows,
			write: func(w io.Writer) error { return o.Write(ctx, w) }}
		orders[i] = o.Rows
	}
	// A split's parts of a text input are written together (a large
	// input in one pass).
	if rix, ok := ix.(*rows.Index); ok && r.Command() == "split" {
		j.writeAll = func(ws []io.Writer) error { return rix.WritePartsContext(ctx, ws, orders) }
	}
	return j.commit(ctx, outs, mpath)
}
