package rows

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"sync"
)

// writeBuf is the size of the output buffer.
const writeBuf = 1 << 20

// stageBuf is the buffer of a staged output file: large writes (a window,
// a block of rows) pass it by, so it gathers only small ones (a header, a
// compressor's output). Smaller than writeBuf because a page touched first
// costs a fault (about 10 µs on the virtual machines splitter is timed on):
// the header before a window's rows fills the buffer up once.
const stageBuf = 256 << 10

// WriteRows writes the header and then the records of the rows in order,
// each byte for byte with its own line end; a last input row without a line
// end gets the header's (LF if the header has none). This is the row set
// df.iloc[order].to_csv would select, in the input's own bytes.
func (ix *Index) WriteRows(w io.Writer, order []int) error {
	return ix.WriteRowsContext(context.Background(), w, order)
}

// head is the header line as outputs start with it (with a line end when
// rows follow).
func (ix *Index) head() []byte {
	head := append([]byte(nil), ix.header...)
	if ix.Len() > 0 && len(ix.header) > 0 && len(lineEnd(ix.header)) == 0 {
		head = append(head, ix.headerEOL...)
	}
	return head
}

// WriteRowsContext is WriteRows that stops with ctx.Err() when ctx is done.
// How the rows are copied depends on the input and the order (see
// plan.go). A fault reading the mapped file (it shrank) is
// ErrInputChanged; what was written before it is not to be used.
func (ix *Index) WriteRowsContext(ctx context.Context, w io.Writer, order []int) error {
	return ix.write(ctx, []io.Writer{w}, [][]int{order}, stdLimits())
}

// writeGathered writes head and then the records of order (all in range)
// gathered from the input a block of rows at a time: by the calling
// goroutine alone, or by workers goroutines while the calling one writes
// the blocks in order.
func (ix *Index) writeGathered(ctx context.Context, w io.Writer, head []byte, order []int, workers int) error {
	blocks := (len(order) + blockRows - 1) / blockRows
	if workers < 2 {
		// A short order's buffer is about its size (append grows it
		// when its rows are longer than the average).
		avg := len(ix.data)/max(1, ix.Len()) + 1
		out := make([]byte, 0, min(writeBuf, len(head)+len(order)*avg))
		out = append(out, head...)
		for b := 0; b < blocks; b++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			out = ix.appendRows(out, order[b*blockRows:min((b+1)*blockRows, len(order))])
			if len(out) >= writeBuf/2 || b == blocks-1 {
				if _, err := w.Write(out); err != nil {
					return err
				}
				out = out[:0]
			}
		}
		if len(out) > 0 {
			_, err := w.Write(out)
			return err
		}
		return nil
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	// On an early return (error or cancellation) the workers are told to
	// stop and waited for: they read the mapped file, which the caller may
	// unmap (Close) as soon as this returns.
	var wg sync.WaitGroup
	defer wg.Wait()
	done := make(chan struct{})
	defer close(done)
	results := make([]chan []byte, blocks)
	for b := range results {
		results[b] = make(chan []byte, 1)
	}
	free := make([]chan []byte, workers)
	for k := range free {
		free[k] = make(chan []byte, 2)
		free[k] <- make([]byte, 0, writeBuf)
		free[k] <- make([]byte, 0, writeBuf)
	}
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			b := k
			err := ix.guard(func() error {
				for ; b < blocks; b += workers {
					var buf []byte
					select {
					case buf = <-free[k]:
					case <-done:
						return nil
					}
					results[b] <- ix.appendRows(buf[:0], order[b*blockRows:min((b+1)*blockRows, len(order))])
				}
				return nil
			})
			if err != nil {
				results[b] <- nil // a fault: the input changed
			}
		}(k)
	}
	for b := 0; b < blocks; b++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		buf := <-results[b]
		if buf == nil {
			return ix.changed()
		}
		if _, err := w.Write(buf); err != nil {
			return err
		}
		free[b%workers] <- buf
	}
	return nil
}

// appendRows appends the records of the rows in order (all in range) to out.
// Rows are copied in batches: first the offsets and the first and last byte
// of every record of the batch are loaded (independent loads, so the cache
// and TLB misses of a random order overlap), then the records are copied
// from cache.
func (ix *Index) appendRows(out []byte, order []int) []byte {
	data := ix.data
	offs := ix.offs
	const batch = 64
	var ss, ee [batch]int
	var sink byte
	for base := 0; base < len(order); base += batch {
		m := min(batch, len(order)-base)
		for k := 0; k < m; k++ {
			i := order[base+k]
			ss[k] = int(offs.at(i))
			ee[k] = ss[k] + offs.size(i)
		}
		for k := 0; k < m; k++ {
			sink += data[ss[k]] + data[ee[k]-1]
		}
		for k := 0; k < m; k++ {
			var e int
			if ix.jsonl {
				e = jsonlEnd(data, ss[k])
			} else {
				e = recordEnd(data, ss[k], ee[k], ix.sep)
			}
			rec := data[ss[k]:e]
			out = append(out, rec...)
			if e == len(data) && len(lineEnd(rec)) == 0 {
				out = append(out, ix.headerEOL...)
			}
		}
	}
	runtime.KeepAlive(sink)
	return out
}

// WriteWithFolds writes the header and every row in input order with one
// more last column: the header gets name, row i gets folds[i] in decimal,
// or nothing where folds[i] is negative (a row no fold tests: an empty
// field, null in JSON Lines); rows shorter than the table get empty fields
// before it. This is kfold's `fold` column (df.assign(fold=folds) with
// pandas' nullable Int64, keeping the input's bytes).
//
// A fault reading the mapped file (it shrank) is ErrInputChanged.
func (ix *Index) WriteWithFolds(w io.Writer, name string, folds []int) error {
	return ix.guard(func() error { return ix.writeWithFolds(w, name, folds, 0, ix.Len()) })
}

// writeWithFolds writes the header and rows lo..hi-1 with the column.
func (ix *Index) writeWithFolds(w io.Writer, name string, folds []int, lo, hi int) error {
	n := ix.Len()
	if len(folds) != n {
		return fmt.Errorf("rows: %d folds for %d rows", len(folds), n)
	}
	bw := bufio.NewWriterSize(w, writeBuf)
	var num []byte // folds[i] in decimal
	if ix.jsonl {
		// JSON Lines: the key is added as the object's last member.
		key, _ := json.Marshal(name)
		for i := lo; i < hi; i++ {
			rec := ix.Record(i)
			eol := lineEnd(rec)
			if len(eol) == 0 {
				eol = ix.headerEOL
			}
			body := rec[:len(rec)-len(lineEnd(rec))]
			j := bytes.LastIndexByte(body, '}')
			inner := bytes.TrimSpace(body[:j])
			bw.Write(body[:j])
			if len(inner) > 0 && inner[len(inner)-1] != '{' {
				bw.WriteByte(',')
			}
			bw.Write(key)
			bw.WriteByte(':')
			if folds[i] < 0 {
				bw.WriteString("null")
			} else {
				num = strconv.AppendInt(num[:0], int64(folds[i]), 10)
				bw.Write(num)
			}
			bw.Write(body[j:])
			if _, err := bw.Write(eol); err != nil {
				return err
			}
		}
		return bw.Flush()
	}
	sep := []byte{ix.sep}
	h := ix.header
	eol := lineEnd(h)
	bw.Write(h[:len(h)-len(eol)])
	bw.Write(sep)
	bw.WriteString(name)
	bw.Write(ix.headerEOL)
	width := ix.hfields + ix.leading
	s := newScanner(ix.data, ix.sep)
	// One front-to-back pass: a large mapped input is released behind it.
	dr := newDropper(ix.data, int(ix.offs.at(lo)), ix.drop)
	defer dr.finish(int(ix.offs.at(hi)))
	for i := lo; i < hi; i++ {
		st, e := ix.bounds(i)
		dr.advance(st)
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
		if folds[i] >= 0 {
			num = strconv.AppendInt(num[:0], int64(folds[i]), 10)
			bw.Write(num)
		}
		if _, err := bw.Write(eol); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// distinct reports whether order (rows below n) names no row twice: the
// spilled copy stages each row once (sampling with replacement repeats
// rows, and goes through the windowed copy).
func distinct(order []int, n int) bool {
	seen := make([]uint64, (n+63)/64)
	for _, i := range order {
		w, b := i>>6, uint64(1)<<(i&63)
		if seen[w]&b != 0 {
			return false
		}
		seen[w] |= b
	}
	return true
}

// inRange checks that every row of order is below n.
func inRange(order []int, n int) error {
	for _, i := range order {
		if uint(i) >= uint(n) {
			return fmt.Errorf("rows: row %d out of range [0, %d)", i, n)
		}
	}
	return nil
}
