package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/split"
)

// sklearnPin reads a --compat value of the form sklearn@X.Y.Z: ok reports
// whether c has that form, v is the pinned release.
func sklearnPin(c string) (v split.Version, ok bool, err error) {
	rest, ok := strings.CutPrefix(c, "sklearn@")
	if !ok {
		return split.Version{}, false, nil
	}
	v, err = split.SklearnVersion(rest)
	if err != nil {
		return split.Version{}, true, flagErr("--compat", c, err)
	}
	return v, true, nil
}

// pinnedPython prefixes the Python code of a pinned run with the release
// and the algorithm variants it implies.
func pinnedPython(v split.Version, code string) string {
	if !v.IsPinned() {
		return code
	}
	return fmt.Sprintf("# scikit-learn==%s (numpy 1.24 RandomState streams); variants: %s\n%s",
		v, strings.Join(v.VariantNames(), ", "), code)
}

// warnGroupTies warns on stderr when a pinned GroupKFold orders tied
// groups with numpy's unstable sort among more than 16 groups: splitter
// reproduces numpy 1.24.2's order, which other numpy builds may not give.
func warnGroupTies(cmd *cobra.Command, v split.Version, groups split.Labels) {
	if v.IsPinned() && v.GroupKFoldNumpyTies() && split.GroupKFoldTies(groups) {
		fmt.Fprintf(cmd.ErrOrStderr(), "warning: GroupKFold in scikit-learn %s orders groups of equal size with numpy's unstable argsort; with %d groups splitter reproduces numpy 1.24.2's order, other numpy versions or CPUs may order ties differently\n",
			v, groups.NumClasses())
	}
}
