package rows

// Span returns where the record of row i lies in Data: Data()[start:end]
// is Record(i), line end included (the last row may have none). A caller
// gathering many rows keeps spans, which hold no pointer.
func (ix *Index) Span(i int) (start, end int) { return ix.bounds(i) }

// Data returns the (decompressed) input's bytes, which Span indexes. It
// aliases the mapped file: do not modify it, and do not keep it after
// Close; read it under Guard.
func (ix *Index) Data() []byte { return ix.data }
