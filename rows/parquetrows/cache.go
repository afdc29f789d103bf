package parquetrows

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"

	"github.com/splitter-dev/splitter/internal/pqwriter"
)

// groupCache keeps decoded row groups (one record each) up to a byte bound,
// evicting the least recently used. A File holds one for all its writes
// (a split's parts decode the file once), until Close; it is safe for
// concurrent use.
type groupCache struct {
	p     *File
	mu    sync.Mutex
	recs  map[int]arrow.Record
	used  map[int]int64 // last use tick
	bytes int64
	tick  int64
}

func newGroupCache(p *File) *groupCache {
	return &groupCache{p: p, recs: map[int]arrow.Record{}, used: map[int]int64{}}
}

// group returns row group g as one record, retained: the caller releases
// it.
func (c *groupCache) group(ctx context.Context, g int) (arrow.Record, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tick++
	if r, ok := c.recs[g]; ok {
		c.used[g] = c.tick
		r.Retain()
		return r, nil
	}
	for c.bytes+c.p.rgBytes[g] > c.p.opts.CacheBytes && len(c.recs) > 0 {
		oldest, t := -1, int64(0)
		for k, u := range c.used {
			if oldest < 0 || u < t {
				oldest, t = k, u
			}
		}
		c.dropLocked(oldest)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rec, err := c.decode(g)
	if err != nil {
		return nil, err
	}
	c.recs[g] = rec
	c.used[g] = c.tick
	c.bytes += c.p.rgBytes[g]
	rec.Retain()
	return rec, nil
}

// prefetch decodes, in parallel, those of groups not held yet, and holds
// them, when all of groups fit in the cache together; fits reports
// whether they do (when not, prefetch does nothing). Groups held but not
// among groups are let go first, least recently used first, so that the
// cache stays within its bound while the new ones are decoded. Each (row
// group, column) is one task; up to GOMAXPROCS run at once, each on a
// goroutine of its own whose panics recovered turns into errors. With
// one task, the caller's group call decodes it.
func (c *groupCache) prefetch(ctx context.Context, groups []int) (fits bool, err error) {
	p := c.p
	var need, missingBytes int64
	wanted := map[int]bool{}
	c.mu.Lock()
	var missing []int
	for _, g := range groups {
		if wanted[g] {
			continue
		}
		wanted[g] = true
		need += p.rgBytes[g]
		if _, ok := c.recs[g]; !ok {
			missing = append(missing, g)
			missingBytes += p.rgBytes[g]
		}
	}
	if fits = need <= p.opts.CacheBytes; !fits || len(missing) < 2 && p.schema.NumFields() < 2 {
		c.mu.Unlock()
		return fits, nil
	}
	for c.bytes+missingBytes > p.opts.CacheBytes {
		oldest, t := -1, int64(0)
		for k, u := range c.used {
			if !wanted[k] && (oldest < 0 || u < t) {
				oldest, t = k, u
			}
		}
		if oldest < 0 {
			break
		}
		c.dropLocked(oldest)
	}
	c.mu.Unlock()
	recs, err := c.decodeAll(ctx, missing)
	if err != nil {
		return true, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, g := range missing {
		if _, ok := c.recs[g]; ok { // decoded meanwhile by a group call
			recs[k].Release()
			continue
		}
		c.tick++
		c.recs[g], c.used[g] = recs[k], c.tick
		c.bytes += p.rgBytes[g]
	}
	return true, nil
}

// decodeAll decodes row groups groups (decode's records, in that order),
// their columns on up to GOMAXPROCS goroutines.
func (c *groupCache) decodeAll(ctx context.Context, groups []int) ([]arrow.Record, error) {
	p := c.p
	nf := p.schema.NumFields()
	cols := make([]arrow.Array, len(groups)*nf)
	errs := make([]error, len(cols))
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(cols)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s flatScratch
			for {
				t := int(next.Add(1) - 1)
				if t >= len(cols) || failed.Load() || ctx.Err() != nil {
					return
				}
				if cols[t], errs[t] = c.decodeColumn(&s, groups[t/nf], t%nf); errs[t] != nil {
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	if err := cmp.Or(firstErr(errs), ctx.Err()); err != nil {
		releaseArrays(cols)
		return nil, err
	}
	recs := make([]arrow.Record, len(groups))
	for k, g := range groups {
		recs[k] = array.NewRecord(p.schema, cols[k*nf:(k+1)*nf], int64(p.rgStart[g+1]-p.rgStart[g]))
	}
	releaseArrays(cols)
	return recs, nil
}

// firstErr is the first non-nil error of errs.
func firstErr(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// decodeColumn is column i of row group g as decode reads it (a flat
// column by decodeFlat, through s), with a panic in Arrow's decoders
// returned as an error (recovered): it may run on a goroutine of
// decodeAll's.
func (c *groupCache) decodeColumn(s *flatScratch, g, i int) (a arrow.Array, err error) {
	defer recovered(&err)
	if leaf, pt, ok := c.p.flatLeaf(i); ok {
		a, err = c.p.decodeFlat(s, g, i, leaf, pt)
		switch {
		case err == nil:
			return a, nil
		case !errors.Is(err, errNotHere):
			return nil, fmt.Errorf("row group %d: %w", g, err)
		}
	}
	ch, err := c.p.readField(i, []int{g})
	if err != nil {
		return nil, fmt.Errorf("row group %d: %w", g, err)
	}
	defer ch.Release()
	if a, err = compact(ch, c.p.cacheMem, c.p.mem); err != nil {
		return nil, fmt.Errorf("row group %d: %w", g, err)
	}
	return a, nil
}

// decode reads row group g as one record. Each column is decoded on this
// goroutine, where catch reaches its panics; cancellation is checked
// between row groups. Columns are copied to buffers of their
// length (compact): Arrow's reader leaves up to twice that reserved.
func (c *groupCache) decode(g int) (arrow.Record, error) {
	p := c.p
	cols := make([]arrow.Array, p.schema.NumFields())
	defer releaseArrays(cols)
	var s flatScratch
	for i := range cols {
		a, err := c.decodeColumn(&s, g, i)
		if err != nil {
			return nil, err
		}
		cols[i] = a
	}
	return array.NewRecord(p.schema, cols, int64(p.rgStart[g+1]-p.rgStart[g])), nil
}

// drop releases row group g.
func (c *groupCache) drop(g int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dropLocked(g)
}

func (c *groupCache) dropLocked(g int) {
	if r, ok := c.recs[g]; ok {
		r.Release()
		delete(c.recs, g)
		delete(c.used, g)
		c.bytes -= c.p.rgBytes[g]
	}
}

// release releases every row group.
func (c *groupCache) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for g := range c.recs {
		c.dropLocked(g)
	}
}

// write writes the rows of chunk to fw as whole row groups (the last may
// be shorter) of the input's longest length. When its row groups fit in
// the cache together, each output column is gathered and written alone
// (one column of one row group in memory at a time); otherwise the chunk
// is gathered group by group into one record.
func (c *groupCache) write(ctx context.Context, fw *pqwriter.FileWriter, chunk []int) error {
	r, err := c.hold(ctx, chunk)
	if err != nil {
		return err
	}
	if r == nil {
		rec, err := c.gatherByGroup(ctx, chunk)
		if err != nil {
			return err
		}
		defer rec.Release()
		return fw.Write(rec)
	}
	defer r.release()
	step := c.p.rgMaxRows
	if step <= 0 {
		step = len(chunk)
	}
	for lo := 0; lo < len(chunk); lo += step {
		fw.NewRowGroup()
		if err := r.writeGroup(ctx, fw, lo, min(lo+step, len(chunk))); err != nil {
			return err
		}
	}
	return nil
}

// gathered is a column gathered for writing, or why it could not be.
type gathered struct {
	a   arrow.Array
	err error
}

// writeGroup writes the chunk's rows lo..hi-1 as the row group fw has
// open, column by column; each column is gathered on a goroutine of its
// own while the one before it is encoded (encoding takes about twice as
// long), so a part's columns cost about their encoding alone.
func (r *resident) writeGroup(ctx context.Context, fw *pqwriter.FileWriter, lo, hi int) (err error) {
	nf := r.p.schema.NumFields()
	gather := func(ci int) <-chan gathered {
		ch := make(chan gathered, 1)
		go func() {
			var g gathered
			defer func() { ch <- g }()
			defer recovered(&g.err)
			g.a, g.err = r.column(ctx, ci, lo, hi)
		}()
		return ch
	}
	var next <-chan gathered
	if nf > 0 {
		next = gather(0)
	}
	defer func() {
		if next != nil { // a write failed: let the gathering column go
			if g := <-next; g.a != nil {
				g.a.Release()
			}
		}
	}()
	for ci := range nf {
		g := <-next
		next = nil
		if g.err != nil {
			return g.err
		}
		if ci+1 < nf {
			next = gather(ci + 1)
		}
		err := fw.WriteColumnData(g.a)
		g.a.Release()
		if err != nil {
			return err
		}
	}
	return nil
}
