package main

import (
	"strings"

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
