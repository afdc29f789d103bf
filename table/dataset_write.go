package table

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/splitter-dev/splitter/rows"
)

// blockRows is how many rows one step of a dataset's write gathers.
const blockRows = 1 << 14

// errNotText reports a write of Parquet shards, which have no records.
var errNotText = errors.New("table: the shards are not text")

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

// gather writes the records of order a block at a time: blocks gathered
// by GOMAXPROCS workers, written in order by the calling goroutine.
func (d *Dataset) gather(ctx context.Context, w io.Writer, order []int) error {
	blocks := (len(order) + blockRows - 1) / blockRows
	workers := min(runtime.GOMAXPROCS(0), blocks)
	eols := make([][]byte, len(d.text))
	for k, ix := range d.text {
		eols[k] = headerEOL(ix)
	}
	results := make([]chan []byte, blocks)
	for b := range results {
		results[b] = make(chan []byte, 1)
	}
	errs := make(chan error, workers)
	// The workers are waited for on every return: they read the mapped
	// shards, which Close unmaps.
	var wg sync.WaitGroup
	defer wg.Wait()
	done := make(chan struct{})
	defer close(done)
	sem := make(chan struct{}, 2*workers) // blocks gathered ahead of the writer
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := d.guardAll(0, func() error {
				for b := k; b < blocks; b += workers {
					select {
					case sem <- struct{}{}:
					case <-done:
						return nil
					}
					results[b] <- d.appendRecords(nil, order[b*blockRows:min((b+1)*blockRows, len(order))], eols)
				}
				return nil
			})
			if err != nil {
				errs <- err
			}
		}()
	}
	for b := range blocks {
		var buf []byte
		select {
		case buf = <-results[b]:
		case err := <-errs:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
		<-sem
	}
	return nil
}

// guardAll runs f with every text shard from k on guarded (a read of a
// shard that shrank is rows.ErrInputChanged naming it).
func (d *Dataset) guardAll(k int, f func() error) error {
	if k == len(d.text) {
		return f()
	}
	return d.text[k].Guard(func() error { return d.guardAll(k+1, f) })
}

// appendRecords appends the records of the dataset rows in order to out.
func (d *Dataset) appendRecords(out []byte, order []int, eols [][]byte) []byte {
	k, lo, hi := 0, d.starts[0], d.starts[1]
	for _, i := range order {
		if i < lo || i >= hi {
			k, _ = d.Shard(i)
			lo, hi = d.starts[k], d.starts[k+1]
		}
		rec := d.text[k].Record(i - lo)
		out = append(out, rec...)
		if lineEnd(rec) == nil {
			out = append(out, eols[k]...)
		}
	}
	return out
}

// WriteWithColumn writes every row in order with one more last column
// name holding values[i]: each shard's rows as its WriteWithColumn writes
// them, after the first shard's header.
func (d *Dataset) WriteWithColumn(w io.Writer, name string, values []string) error {
	return d.WriteRangeWithColumn(w, name, values, 0, d.Len())
}

// WriteRangeWithColumn is WriteWithColumn of rows lo..hi-1 only, with the
// header: one shard of that file.
func (d *Dataset) WriteRangeWithColumn(w io.Writer, name string, values []string, lo, hi int) error {
	if len(values) != d.Len() {
		return fmt.Errorf("table: %d values for %d rows", len(values), d.Len())
	}
	if lo < 0 || hi < lo || hi > d.Len() {
		return fmt.Errorf("table: range [%d, %d) out of [0, %d)", lo, hi, d.Len())
	}
	if d.pq != nil {
		return d.writeParquetColumn(w, name, values, lo, hi)
	}
	for k, ix := range d.text {
		a, b := max(lo, d.starts[k]), min(hi, d.starts[k+1])
		switch {
		case a >= b && k > 0:
			continue
		case a >= b: // the header alone
			a, b = d.starts[0], d.starts[0]
		}
		vals := values[d.starts[k]:d.starts[k+1]]
		dst := w
		if k > 0 { // its header line is the first shard's
			var head bytes.Buffer
			if err := ix.WriteRangeWithColumn(&head, name, vals, 0, 0); err != nil {
				return err
			}
			dst = &skipWriter{w: w, skip: head.Len()}
		}
		if err := ix.WriteRangeWithColumn(dst, name, vals, a-d.starts[k], b-d.starts[k]); err != nil {
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
