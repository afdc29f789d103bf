package arrowgen

import (
	"math/rand/v2"

	"github.com/apache/arrow/go/v15/arrow"
)

// Gen makes random types and arrays. Everything it makes follows from its
// *rand.Rand and Options: the same seed gives the same results.
type Gen struct {
	r      *rand.Rand
	opts   Options
	leaves []arrow.Type // leaf IDs of opts.Types
	nested []arrow.Type // nested IDs of opts.Types
	keys   []arrow.Type // map key IDs
}

// New returns a Gen drawing from r, making what opts says.
func New(r *rand.Rand, opts Options) *Gen {
	if opts.Types == nil {
		opts.Types = AllTypes()
	}
	if opts.DictValues == nil {
		opts.DictValues = DefaultDictValues()
	}
	if opts.TimeUnits == nil {
		opts.TimeUnits = []arrow.TimeUnit{arrow.Second, arrow.Millisecond, arrow.Microsecond, arrow.Nanosecond}
	}
	if opts.NullRates == nil {
		opts.NullRates = []float64{0, 0.1, 0.5, 1}
	}
	g := &Gen{r: r, opts: opts}
	for _, id := range opts.Types {
		if isNested(id) {
			g.nested = append(g.nested, id)
		} else {
			g.leaves = append(g.leaves, id)
		}
	}
	g.keys = opts.MapKeys
	if g.keys == nil {
		g.keys = Without(g.leaves, arrow.NULL, arrow.DICTIONARY)
	}
	return g
}

// Rand returns the Gen's source of randomness.
func (g *Gen) Rand() *rand.Rand { return g.r }

// chance returns true with probability p.
func (g *Gen) chance(p float64) bool { return g.r.Float64() < p }

// pick returns a random element of s.
func pick[T any](g *Gen, s []T) T { return s[g.r.IntN(len(s))] }
