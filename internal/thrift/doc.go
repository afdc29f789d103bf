// Package thrift reads Thrift's compact protocol, the encoding of
// Parquet's page headers and footers: type codes, varints, zigzag
// integers, field headers, lists, sets and maps, and skipping any value.
//
// A Reader reads bytes held in memory (NewReader) or streamed from an
// io.ByteReader with a bound on how many it may read (NewStreamReader).
// Damaged input gives an error, never a panic or a hang: structs, lists
// and maps nest at most MaxDepth deep, and declared sizes are checked
// against the bytes left before anything is read.
//
// The package decodes no Thrift IDL: callers walk their structs with
// Reader.Fields, reading the fields they want and leaving the others to be
// skipped.
package thrift
