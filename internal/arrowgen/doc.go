// Package arrowgen makes random Arrow types, schemas, arrays and records
// for randomized tests, reproducibly from a seeded *rand.Rand.
//
// One Gen covers what splitter's differential tests need: every leaf type
// Arrow Go has a builder for, lists, large lists, fixed-size lists, structs
// and maps nested to any depth, dictionaries, nulls at every level (bitmaps
// sometimes absent), data sliced at every level, and values at the edges
// (negative zero, NaN, empty and non-ASCII strings, decimals of every
// precision). Options restrict it to what an oracle can take.
//
// The package is for tests only.
package arrowgen
