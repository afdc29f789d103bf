package table

import (
	"context"
	"io"
	"math/bits"
	"runtime"
	"slices"
	"sync"
)

// blockRows is how many rows one step of a dataset's write of n rows
// gathers: an eighth of the output within [2 MB, 4 MB]. Larger blocks
// put their rows more densely in the input, but their fresh memory cost
// more than that saved on this machine (16 and 32 MB blocks were slower
// at 10M rows in scripts/bench/shards.sh).
func (d *Dataset) blockRows(n int) int {
	avg := int(max(1, d.Size()/int64(max(1, d.Len()))))
	return max(1, min(4<<20, max(2<<20, n/8*avg))/avg)
}

// gather writes the records of order a block at a time: blocks gathered
// by GOMAXPROCS workers, written in order by the calling goroutine.
func (d *Dataset) gather(ctx context.Context, w io.Writer, order []int) error {
	blockRows := d.blockRows(len(order))
	blocks := (len(order) + blockRows - 1) / blockRows
	workers := min(runtime.GOMAXPROCS(0), blocks)
	eols, datas := make([][]byte, len(d.text)), make([][]byte, len(d.text))
	for k, ix := range d.text {
		eols[k], datas[k] = headerEOL(ix), ix.Data()
	}
	results := make([]chan []byte, blocks)
	for b := range results {
		results[b] = make(chan []byte, 1)
	}
	errs := make(chan error, workers)
	// Two buffers a worker (its blocks are gathered at most two ahead of
	// the writer, and no worker can starve another), reused block to
	// block and kept for the next write once the workers are done.
	free := make([]chan []byte, workers)
	for k := range free {
		free[k] = make(chan []byte, 2)
		free[k] <- d.buffer()
		free[k] <- d.buffer()
	}
	defer func() {
		for _, f := range free {
			for len(f) > 0 {
				d.pool.Put(&poolItem{buf: <-f})
			}
		}
	}()
	// The workers are waited for on every return: they read the mapped
	// shards, which Close unmaps.
	var wg sync.WaitGroup
	defer wg.Wait()
	done := make(chan struct{})
	defer close(done)
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := d.scratch()
			defer d.pool.Put(&poolItem{sc: sc})
			err := d.guardAll(0, func() error {
				for b := k; b < blocks; b += workers {
					var buf []byte
					select {
					case buf = <-free[k]:
					case <-done:
						return nil
					}
					results[b] <- d.appendRecords(buf[:0], order[b*blockRows:min((b+1)*blockRows, len(order))], datas, eols, sc)
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
		free[b%workers] <- buf
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
// The rows are visited in input order, not output order (a counting sort
// on row number into buckets of about bucketBytes of input): their
// lengths first, then their bytes, each copied to its place in out, so
// the shards are read front to back and each bucket from cache.
func (d *Dataset) appendRecords(out []byte, order []int, datas, eols [][]byte, sc *scratch) []byte {
	m := len(order)
	sc.grow(m, d.buckets())
	sorted, recs, offs := sc.sorted[:m], sc.recs[:m], sc.offs[:m]
	counts := sc.counts
	clear(counts)
	for _, i := range order {
		counts[i>>d.shift+1]++
	}
	for b := 1; b < len(counts); b++ {
		counts[b] += counts[b-1]
	}
	for p, i := range order {
		b := i >> d.shift
		sorted[counts[b]] = int32(p)
		counts[b]++
	}
	k, lo, hi := 0, d.starts[0], d.starts[1]
	data := d.text[0].Data()
	for _, p := range sorted {
		i := order[p]
		if i < lo || i >= hi {
			k, _ = d.Shard(i)
			lo, hi = d.starts[k], d.starts[k+1]
			data = d.text[k].Data()
		}
		s, e := d.text[k].Span(i - lo)
		r := record{start: s, n: int32(e - s), shard: int32(k)}
		if e == s || data[e-1] != '\n' && data[e-1] != '\r' {
			r.noEOL = true
		}
		recs[p] = r
	}
	size := 0
	for p := range recs {
		offs[p] = size
		size += int(recs[p].n)
		if recs[p].noEOL {
			size += len(eols[recs[p].shard])
		}
	}
	base := len(out)
	out = slices.Grow(out, size)[:base+size]
	for _, p := range sorted {
		r := recs[p]
		data := datas[r.shard]
		n := copy(out[base+offs[p]:], data[r.start:r.start+int(r.n)])
		if r.noEOL {
			copy(out[base+offs[p]+n:], eols[r.shard])
		}
	}
	return out
}

// record is where a row's bytes lie: data[start:start+n] of its shard
// (no pointer: the tables of a block cost the collector nothing).
type record struct {
	start int
	n     int32
	shard int32
	noEOL bool // the shard's last row, without a line end
}

// scratch is one gathering goroutine's tables, reused block to block.
type scratch struct {
	sorted []int32
	recs   []record
	offs   []int
	counts []int32
}

func (sc *scratch) grow(rows, buckets int) {
	if len(sc.sorted) < rows {
		sc.sorted, sc.recs, sc.offs = make([]int32, rows), make([]record, rows), make([]int, rows)
	}
	if len(sc.counts) != buckets+1 {
		sc.counts = make([]int32, buckets+1)
	}
}

// poolItem is a buffer or a scratch kept for the dataset's next write
// (fresh memory costs more than the copy on some machines).
type poolItem struct {
	buf []byte
	sc  *scratch
}

// buffer is an output buffer from the pool (nil when it has none).
func (d *Dataset) buffer() []byte {
	for range 4 {
		it, _ := d.pool.Get().(*poolItem)
		if it == nil {
			return nil
		}
		if it.sc == nil {
			return it.buf
		}
		d.pool.Put(it)
	}
	return nil
}

// scratch is a scratch from the pool, or a new one.
func (d *Dataset) scratch() *scratch {
	for range 4 {
		it, _ := d.pool.Get().(*poolItem)
		if it == nil {
			break
		}
		if it.sc != nil {
			return it.sc
		}
		d.pool.Put(it)
	}
	return &scratch{}
}

// bucketBytes is about how much input one bucket of the sort covers.
const bucketBytes = 128 << 10

// buckets is the number of buckets of row numbers (d.shift bits each).
func (d *Dataset) buckets() int { return d.Len()>>d.shift + 1 }

// setShift sizes the buckets: a power of two rows of about bucketBytes.
func (d *Dataset) setShift() {
	avg := max(1, d.Size()/int64(max(1, d.Len())))
	rowsPer := max(1, bucketBytes/avg)
	d.shift = uint(bits.Len64(uint64(rowsPer))) - 1
	for d.Len()>>d.shift >= 1<<20 {
		d.shift++
	}
}
