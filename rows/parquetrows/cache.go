package parquetrows

import (
	"context"
	"fmt"
	"sync"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
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

// decode reads row group g as one record. Each column is decoded on this
// goroutine (ReadRowGroups would use one of pqarrow's, out of reach of
// catch), with no context to cancel (pqarrow v15 panics releasing what it
// has not read when its context is cancelled mid-read); cancellation is
// checked between row groups. Columns are copied to buffers of their
// length (compact): Arrow's reader leaves up to twice that reserved.
func (c *groupCache) decode(g int) (arrow.Record, error) {
	p := c.p
	cols := make([]arrow.Array, p.schema.NumFields())
	defer releaseArrays(cols)
	for i := range cols {
		ch, err := p.readField(i, []int{g})
		if err != nil {
			return nil, fmt.Errorf("row group %d: %w", g, err)
		}
		a, err := compact(ch, p.cacheMem, p.mem)
		ch.Release()
		if err != nil {
			return nil, fmt.Errorf("row group %d: %w", g, err)
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
func (c *groupCache) write(ctx context.Context, fw *pqarrow.FileWriter, chunk []int) error {
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
		for ci := range c.p.schema.NumFields() {
			a, err := r.column(ctx, ci, lo, min(lo+step, len(chunk)))
			if err != nil {
				return err
			}
			err = fw.WriteColumnData(a)
			a.Release()
			if err != nil {
				return err
			}
		}
	}
	return nil
}
