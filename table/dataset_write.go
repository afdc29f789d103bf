package table

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/splitter-dev/splitter/rows"
)

// WriteRowsContext writes the first shard's header and then the rows of
// order (dataset rows), each with its own bytes and line end; a shard's
// last row without one gets its shard's header line end (LF when none):
// pd.concat(...).iloc[order].to_csv, byte for byte. Parquet shards are
// written as one Parquet file with the first shard's schema.
func (d *Dataset) WriteRowsContext(ctx context.Context, w io.Writer, order []int) error {
	for _, i := range order {
		if uint(i) >= uint(d.Len()) {
			return fmt.Errorf("table: row %d out of range [0, %d)", i, d.Len())
		}
	}
	if d.pq != nil {
		return d.writeParquet(ctx, w, order)
	}
	if _, err := w.Write(d.head()); err != nil {
		return err
	}
	return d.gather(ctx, w, order)
}

// head is the first shard's header as outputs start with it: with its
// line end when the dataset has rows.
func (d *Dataset) head() []byte {
	h := append([]byte(nil), d.text[0].Header()...)
	if d.Len() > 0 && len(h) > 0 && len(lineEnd(h)) == 0 {
		h = append(h, headerEOL(d.text[0])...)
	}
	return h
}

// lineEnd is the line end that closes rec: "\r\n", "\n", "\r" or none.
func lineEnd(rec []byte) []byte {
	switch {
	case bytes.HasSuffix(rec, []byte("\r\n")):
		return rec[len(rec)-2:]
	case bytes.HasSuffix(rec, []byte("\n")), bytes.HasSuffix(rec, []byte("\r")):
		return rec[len(rec)-1:]
	}
	return nil
}

// headerEOL is the line end of ix's header, LF when it has none.
func headerEOL(ix *rows.Index) []byte {
	if e := lineEnd(ix.Header()); e != nil {
		return e
	}
	return []byte("\n")
}

// WriteWithFolds writes every row in order with one more last column
// name holding folds[i]: each shard's rows as its WriteWithFolds writes
// them, after the first shard's header.
func (d *Dataset) WriteWithFolds(w io.Writer, name string, folds []int) error {
	return d.WriteRangeWithFolds(w, name, folds, 0, d.Len())
}

// WriteRangeWithFolds is WriteWithFolds of rows lo..hi-1 only, with the
// header: one shard of that file.
func (d *Dataset) WriteRangeWithFolds(w io.Writer, name string, folds []int, lo, hi int) error {
	if len(folds) != d.Len() {
		return fmt.Errorf("table: %d folds for %d rows", len(folds), d.Len())
	}
	if lo < 0 || hi < lo || hi > d.Len() {
		return fmt.Errorf("table: range [%d, %d) out of [0, %d)", lo, hi, d.Len())
	}
	if d.pq != nil {
		return d.writeParquetFolds(w, name, folds, lo, hi)
	}
	for k, ix := range d.text {
		a, b := max(lo, d.starts[k]), min(hi, d.starts[k+1])
		switch {
		case a >= b && k > 0:
			continue
		case a >= b: // the header alone
			a, b = d.starts[0], d.starts[0]
		}
		vals := folds[d.starts[k]:d.starts[k+1]]
		dst := w
		if k > 0 { // its header line is the first shard's
			var head bytes.Buffer
			if err := ix.WriteRangeWithFolds(&head, name, vals, 0, 0); err != nil {
				return err
			}
			dst = &skipWriter{w: w, skip: head.Len()}
		}
		if err := ix.WriteRangeWithFolds(dst, name, vals, a-d.starts[k], b-d.starts[k]); err != nil {
			return err
		}
	}
	return nil
}

// skipWriter drops the first skip bytes written through it.
type skipWriter struct {
	w    io.Writer
	skip int
}

func (s *skipWriter) Write(p []byte) (int, error) {
	n := len(p)
	if s.skip > 0 {
		k := min(s.skip, len(p))
		s.skip -= k
		p = p[k:]
	}
	if len(p) == 0 {
		return n, nil
	}
	if _, err := s.w.Write(p); err != nil {
		return 0, err
	}
	return n, nil
}

// WritePartsContext writes each orders[k] to ws[k] as WriteRowsContext
// does (a train/test split's parts, say). The parts of text shards of
// rows.SpillMin bytes or more in all are staged together by one pass
// over the shards in turn, as rows stages the parts of one file that
// large (rows.WriteConcatPartsContext); other parts are written in turn.
func (d *Dataset) WritePartsContext(ctx context.Context, ws []io.Writer, orders [][]int) error {
	if len(ws) != len(orders) {
		return fmt.Errorf("table: %d writers for %d orders", len(ws), len(orders))
	}
	if d.pq == nil {
		done, err := rows.WriteConcatPartsContext(ctx, d.text, ws, orders)
		if done || err != nil {
			return err
		}
	}
	for k, order := range orders {
		if err := d.WriteRowsContext(ctx, ws[k], order); err != nil {
			return err
		}
	}
	return nil
}
