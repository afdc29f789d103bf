package arrowgen

import "github.com/apache/arrow/go/v15/arrow"

// Options says what a Gen makes. Nil lists mean their defaults; zero
// chances mean never.
type Options struct {
	// Types are the type IDs a Gen makes: leaves (LeafTypes) and nested
	// (NestedTypes). Nil means AllTypes.
	Types []arrow.Type
	// TopTypes are further type IDs allowed only as a schema field's type.
	TopTypes []arrow.Type
	// MapKeys are the type IDs of map keys. Nil means the leaf types of
	// Types but NULL and DICTIONARY.
	MapKeys []arrow.Type
	// DictValues are the type IDs of dictionary values: integers, floats,
	// strings or binaries. Nil means DefaultDictValues.
	DictValues []arrow.Type
	// TimeUnits are the units of times, timestamps and durations. Nil
	// means all four.
	TimeUnits []arrow.TimeUnit

	// MaxDepth is how deep Schema nests types.
	MaxDepth int
	// Nest is the chance that a type with depth left is nested.
	Nest float64
	// MaxFields is the most fields Schema makes (at least one).
	MaxFields int
	// NotNull is the chance that a field is not nullable (a null-type
	// field always is).
	NotNull float64
	// Metadata is the chance that a field has metadata (a
	// PARQUET:field_id and another key, in random order).
	Metadata float64
	// SchemaMetadata is the chance that a schema has metadata.
	SchemaMetadata float64

	// NullRates are the rates of nulls a validity bitmap may have; each
	// bitmap picks one. Nil means 0, 0.1, 0.5 and 1. A fifth of nullable
	// arrays have no bitmap.
	NullRates []float64
	// Slice says which arrays are slices of longer ones.
	Slice Slicing
	// TidyNulls makes nulls as array builders do: null list and map
	// slots are empty, struct fields are null under null structs, and so,
	// for half of them, are the values of null fixed-size lists. Without
	// it, values under nulls are random.
	TidyNulls bool
	// DistinctDicts makes dictionaries of distinct non-null values, at
	// least one. Without it, dictionaries are random arrays, possibly
	// empty (all indices null), with nulls and repeats.
	DistinctDicts bool
	// NaN allows NaN among floating-point values.
	NaN bool
	// NonEmptyBinary makes binary and large binary values non-empty.
	NonEmptyBinary bool
}

// Slicing says which arrays a Gen makes as slices of longer arrays.
type Slicing int

const (
	// SliceNone makes every array and buffer start at offset 0.
	SliceNone Slicing = iota
	// SliceTop slices half the arrays Array and Record return, and no
	// child.
	SliceTop
	// SliceAll slices arrays at every level, dictionaries half the time,
	// and starts offsets of strings and lists past 0.
	SliceAll
)
