// Package arrowtake is Arrow's take (compute.TakeArray) for every type
// splitter writes, built on arrow/array and arrow/memory only, so the CLI
// does not link arrow/compute and its gRPC-laden dependencies.
//
// Element k of a take is values[indices[k]]. Fixed-width and binary
// buffers are sized once and filled in place; nested types take their
// children by the expanded child indices, as compute does, so the result
// is array.Equal to compute's, down to the child values under nulls.
package arrowtake
