package pqwriter

import (
	"math/rand/v2"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/splitter-dev/splitter/internal/arrowgen"
)

// gen makes random schemas and records (with arrowgen) and the tests'
// other random choices, all from one seed.
type gen struct {
	*arrowgen.Gen
	clean bool // only what reads back as written (round-trip tests)
}

// newGen returns the generator of seed.
func newGen(seed int64, clean bool) *gen {
	r := rand.New(rand.NewPCG(uint64(seed), 0))
	return &gen{Gen: arrowgen.New(r, genOptions(clean)), clean: clean}
}

// pick returns a random int in [0, n).
func (g *gen) pick(n int) int { return g.Rand().IntN(n) }

// genOptions are the Arrow data pqarrow writes (no durations, intervals or
// large lists), three levels deep, sliced at every level, with nulls as
// builders make them (pqarrow refuses null lists that are not empty) and
// dictionaries of distinct values (pqarrow cannot write some others). clean keeps to what
// reads back as written: no fixed-size lists, timestamps in seconds,
// time32[s], date64, decimal256 (pqarrow's reader misreads narrow ones),
// dictionaries (written directly, they can read back wrong), NaN or empty
// binaries (JSON shows an empty binary with no data buffer as null), and
// decimal128 and float16 only at the top (pqarrow writes these wrongly
// under null parents).
func genOptions(clean bool) arrowgen.Options {
	opts := arrowgen.Options{
		Types: arrowgen.Without(arrowgen.AllTypes(), arrow.DURATION, arrow.INTERVAL_MONTHS,
			arrow.INTERVAL_DAY_TIME, arrow.INTERVAL_MONTH_DAY_NANO, arrow.LARGE_LIST),
		MaxDepth: 3, Nest: 1.0 / 3, MaxFields: 5,
		NotNull: 0.25, Metadata: 0.25, SchemaMetadata: 1.0 / 3,
		Slice: arrowgen.SliceAll, TidyNulls: true, DistinctDicts: true,
		NaN: !clean, NonEmptyBinary: clean,
	}
	if clean {
		opts.Types = arrowgen.Without(opts.Types, arrow.FIXED_SIZE_LIST, arrow.DATE64, arrow.DECIMAL256,
			arrow.DICTIONARY, arrow.DECIMAL128, arrow.FLOAT16)
		opts.TopTypes = []arrow.Type{arrow.DECIMAL128, arrow.FLOAT16}
		opts.TimeUnits = []arrow.TimeUnit{arrow.Millisecond, arrow.Microsecond, arrow.Nanosecond}
	}
	return opts
}
