// Package pqwriter writes Arrow records to Parquet exactly as Arrow Go
// v15's pqarrow.FileWriter does with the default ArrowWriterProperties: the
// same schema, the same levels, values, pages, statistics and footer, so
// the same bytes. It is built on parquet/file and parquet/schema only, so
// that the CLI does not link pqarrow, arrow/compute and arrow/flight (whose
// gRPC and protobuf package initialisation costs every run).
//
// Where pqarrow's behaviour is a quirk (fixed-size lists sliced at an
// offset, decimal values under null structs, statistics of dictionary
// columns) this package reproduces it, since the point is byte identity.
// Where pqarrow would panic or silently skip a column, this package returns
// an error instead.
package pqwriter
