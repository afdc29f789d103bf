package arrowgen

import (
	"math/rand/v2"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// variants returns option sets as the tests of splitter use them.
func variants() map[string]Options {
	return map[string]Options{
		"raw": {MaxDepth: 3, Nest: 0.6, MaxFields: 4, Slice: SliceAll, NotNull: 0.3, Metadata: 0.3},
		"tidy": {MaxDepth: 3, Nest: 0.4, MaxFields: 5, Slice: SliceTop, TidyNulls: true, DistinctDicts: true,
			NaN: true, NonEmptyBinary: true, NotNull: 0.25, SchemaMetadata: 0.5},
	}
}

// TestValid: records of random schemas are valid (validate: v15 has no array.ValidateFull), with
// nulls only where the field is nullable (or under a null parent).
func TestValid(t *testing.T) {
	for name, opts := range variants() {
		g := New(rand.New(rand.NewPCG(1, 2)), opts)
		for range 300 {
			sc := g.Schema()
			rec := g.Record(sc, g.r.IntN(40))
			for i, col := range rec.Columns() {
				if err := validate(col); err != nil {
					t.Fatalf("%s: %s: %v", name, sc.Field(i).Type, err)
				}
				if !sc.Field(i).Nullable && col.NullN() > 0 {
					t.Fatalf("%s: %s: %d nulls in a non-nullable column", name, sc.Field(i).Type, col.NullN())
				}
			}
			rec.Release()
		}
	}
}

// TestDeterministic: the same seed gives the same schemas and records.
func TestDeterministic(t *testing.T) {
	make := func() (scs []*arrow.Schema, recs []arrow.Record) {
		g := New(rand.New(rand.NewPCG(3, 4)), variants()["raw"])
		for range 50 {
			sc := g.Schema()
			scs, recs = append(scs, sc), append(recs, g.Record(sc, 20))
		}
		return scs, recs
	}
	scs1, recs1 := make()
	scs2, recs2 := make()
	for i := range scs1 {
		if !scs1[i].Equal(scs2[i]) || !array.RecordEqual(recs1[i], recs2[i]) {
			t.Fatalf("case %d differs: %s / %s", i, scs1[i], scs2[i])
		}
		recs1[i].Release()
		recs2[i].Release()
	}
}

// TestEveryType: every ID of Types appears in schemas; TopTypes only at
// the top.
func TestEveryType(t *testing.T) {
	opts := Options{Types: Without(AllTypes(), arrow.FLOAT16), TopTypes: []arrow.Type{arrow.FLOAT16},
		MaxDepth: 2, Nest: 0.5, MaxFields: 3}
	g := New(rand.New(rand.NewPCG(5, 6)), opts)
	seen := map[arrow.Type]bool{}
	for range 2000 {
		for _, f := range g.Schema().Fields() {
			if f.Type.ID() == arrow.FLOAT16 {
				continue
			}
			walk(f.Type, func(dt arrow.DataType) {
				if dt.ID() == arrow.FLOAT16 {
					t.Fatalf("float16 below the top: %s", f.Type)
				}
				seen[dt.ID()] = true
			})
		}
	}
	for _, id := range AllTypes() {
		if !seen[id] && id != arrow.FLOAT16 {
			t.Errorf("no %s made", id)
		}
	}
}

// walk calls f on dt and every type nested in it.
func walk(dt arrow.DataType, f func(arrow.DataType)) {
	f(dt)
	if n, ok := dt.(arrow.NestedType); ok {
		for _, c := range n.Fields() {
			walk(c.Type, f)
		}
	}
}

// TestTypeOf: TypeOf makes arrays of every type ID, valid.
func TestTypeOf(t *testing.T) {
	g := New(rand.New(rand.NewPCG(7, 8)), variants()["tidy"])
	for _, id := range AllTypes() {
		for range 20 {
			dt := g.TypeOf(id, 2)
			if dt.ID() != id {
				t.Fatalf("TypeOf(%s) is %s", id, dt)
			}
			a := g.Array(dt, g.r.IntN(30))
			if err := validate(a); err != nil {
				t.Fatalf("%s: %v", dt, err)
			}
			a.Release()
		}
	}
}
