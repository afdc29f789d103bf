package rows

import (
	"bufio"
	"context"
	"fmt"
	"io"
)

// writeBuf is the size of the output buffer.
const writeBuf = 1 << 20

// WriteRows writes the header and then the records of the rows in order,
// each byte for byte with its own line end; a last input row without a line
// end gets the header's (LF if the header has none). This is the row set
// df.iloc[order].to_csv would select, in the input's own bytes.
func (ix *Index) WriteRows(w io.Writer, order []int) error {
	return ix.WriteRowsContext(context.Background(), w, order)
}

// WriteRowsContext is WriteRows that stops with ctx.Err() when ctx is done.
func (ix *Index) WriteRowsContext(ctx context.Context, w io.Writer, order []int) error {
	bw := bufio.NewWriterSize(w, writeBuf)
	bw.Write(ix.header)
	if n := ix.Len(); n > 0 && len(lineEnd(ix.header)) == 0 {
		bw.Write(ix.headerEOL)
	}
	n := ix.Len()
	for k, i := range order {
		if k&0xffff == 0xffff {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if i < 0 || i >= n {
			return fmt.Errorf("rows: row %d out of range [0, %d)", i, n)
		}
		s, e := ix.bounds(i)
		rec := ix.data[s:e]
		if _, err := bw.Write(rec); err != nil {
			return err
		}
		if i == n-1 && len(lineEnd(rec)) == 0 {
			bw.Write(ix.headerEOL)
		}
	}
	return bw.Flush()
}

// WriteWithColumn writes the header and every row in input order with one
// more last column: the header gets name, row i gets values[i]; rows
// shorter than the table get empty fields before it. This is kfold's
// `fold` column (df.assign(fold=values) keeping the input's bytes).
func (ix *Index) WriteWithColumn(w io.Writer, name string, values []string) error {
	n := ix.Len()
	if len(values) != n {
		return fmt.Errorf("rows: %d values for %d rows", len(values), n)
	}
	bw := bufio.NewWriterSize(w, writeBuf)
	sep := []byte{ix.sep}
	h := ix.header
	eol := lineEnd(h)
	bw.Write(h[:len(h)-len(eol)])
	bw.Write(sep)
	bw.WriteString(name)
	bw.Write(ix.headerEOL)
	width := ix.hfields + ix.leading
	s := newScanner(ix.data, ix.sep)
	for i := 0; i < n; i++ {
		st, e := ix.bounds(i)
		rec := ix.data[st:e]
		eol := lineEnd(rec)
		if len(eol) == 0 {
			eol = ix.headerEOL
		}
		body := rec[:len(rec)-len(lineEnd(rec))]
		bw.Write(body)
		_, f, _ := s.record(st)
		for ; f < width; f++ {
			bw.Write(sep)
		}
		bw.Write(sep)
		bw.WriteString(values[i])
		if _, err := bw.Write(eol); err != nil {
			return err
		}
	}
	return bw.Flush()
}
