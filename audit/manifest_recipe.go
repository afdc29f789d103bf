package audit

import (
	"fmt"

	"github.com/splitter-dev/splitter/recipe"
)

// RecipeOf returns the recipe m records, checked: the recipe itself
// (manifest_version 3), or for older manifests the recipe their flags and
// seed spell. Errors do not quote the manifest's values beyond the
// argument's name.
func (m *Manifest) RecipeOf() (*recipe.Recipe, error) {
	if m.Recipe != nil {
		r := *m.Recipe
		if err := r.Validate(); err != nil {
			return nil, fmt.Errorf("%w: its recipe is not valid", ErrManifest)
		}
		if r.Seeded() && r.Seed == "" {
			return nil, fmt.Errorf("%w: its recipe has no seed", ErrManifest)
		}
		return &r, nil
	}
	args := recipe.ArgMap{}
	for name, v := range m.Flags {
		switch name {
		case "manifest", "no-manifest", "out-dir", "output", "json", "dry-run", "quiet", "verbose":
			continue // where files went and what was printed
		}
		args[name] = v
	}
	if _, ok := args["seed"]; !ok && m.Seed != "" && m.Seed != "None" {
		args["seed"] = m.Seed
	}
	r, err := recipe.Parse(m.Command, args)
	if err != nil {
		return nil, fmt.Errorf("%w: its flags make no recipe", ErrManifest)
	}
	return r, nil
}
