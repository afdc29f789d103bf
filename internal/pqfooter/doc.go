// Package pqfooter gives a Parquet footer (the thrift compact-protocol
// FileMetaData) one canonical byte form: Arrow Go's metadata writer lists a
// column chunk's page encoding stats in Go map order, so two writes of the
// same data can differ in the order of those entries, and only there.
// Canonical sorts them; Split finds the footer in a whole file.
//
// The package walks the thrift bytes with internal/thrift and imports
// nothing of Arrow.
package pqfooter
