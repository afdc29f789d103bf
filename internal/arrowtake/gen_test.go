package arrowtake

import (
	"math/rand/v2"

	"github.com/splitter-dev/splitter/internal/arrowgen"
)

// newGen returns a generator of every Arrow type arrowtake takes, with
// nulls at every level (bitmaps sometimes absent, random values under
// them), every level sliced, dictionaries with nulls and repeats, no NaN
// (which array.Equal would not equal to itself).
func newGen(r *rand.Rand) *arrowgen.Gen {
	return arrowgen.New(r, arrowgen.Options{Nest: 2.0 / 3, NotNull: 0.2, Metadata: 0.1, Slice: arrowgen.SliceAll})
}
