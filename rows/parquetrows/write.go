package parquetrows

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"

	"github.com/splitter-dev/splitter/internal/arrowtake"
	"github.com/splitter-dev/splitter/internal/pages"
	"github.com/splitter-dev/splitter/internal/pqwriter"
)

// WriteRows writes the rows in order to w as a new Parquet file with the
// input's schema, column types, key-value metadata and compression codecs:
// the rows of df.iloc[order] (pyarrow's to_parquet keeps every value; row
// groups are at most as long as the input's longest).
func (p *File) WriteRows(w io.Writer, order []int) error {
	return p.WriteRowsContext(context.Background(), w, order)
}

// WriteRowsContext is WriteRows that stops with ctx.Err() when ctx is done.
func (p *File) WriteRowsContext(ctx context.Context, w io.Writer, order []int) (err error) {
	out := &sink{w: w}
	defer p.remember(&err)
	defer out.blame(&err)
	defer catch(p.name, &err)
	if err := p.damagedErr(); err != nil {
		return err
	}
	for _, i := range order {
		if uint(i) >= uint(p.n) {
			return fmt.Errorf("parquetrows: row %d out of range [0, %d)", i, p.n)
		}
	}
	fw, err := p.newWriter(out, p.schema)
	if err != nil {
		return err
	}
	c := p.cache
	step := p.chunkRows()
	if g := p.rgMaxRows; g > 0 {
		// Whole output row groups per step, written straight through
		// (groupCache.write); WriteBuffered would hold a row group's pages
		// in memory.
		step = (step + g - 1) / g * g
	}
	for base := 0; base < len(order); base += step {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := c.write(ctx, fw, order[base:min(base+step, len(order))]); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	if err := fw.Close(); err != nil {
		return fmt.Errorf("%s: %w", p.name, err)
	}
	return nil
}

// WritePartsContext writes each orders[k] to ws[k] as WriteRowsContext
// does (the same bytes). When the row groups the parts need fit in the
// cache together, they are decoded once, in parallel, and the parts are
// written at once, on up to GOMAXPROCS goroutines; otherwise one after
// the other. The first error stops every part.
func (p *File) WritePartsContext(ctx context.Context, ws []io.Writer, orders [][]int) (err error) {
	if len(ws) != len(orders) {
		return fmt.Errorf("parquetrows: %d writers for %d parts", len(ws), len(orders))
	}
	if !p.prefetchParts(ctx, orders) {
		for k, w := range ws {
			if err := p.WriteRowsContext(ctx, w, orders[k]); err != nil {
				return err
			}
		}
		return nil
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(ws)) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < len(ws); k = int(next.Add(1) - 1) {
				if err := p.WriteRowsContext(ctx, ws[k], orders[k]); err != nil {
					cancel(err)
					return
				}
			}
		})
	}
	wg.Wait()
	return context.Cause(ctx)
}

// prefetchParts decodes the row groups orders need (prefetch) and
// reports whether they are all held: false when they do not fit in the
// cache together, or when the file is already known damaged (the parts'
// writes return that error).
func (p *File) prefetchParts(ctx context.Context, orders [][]int) (held bool) {
	if p.damagedErr() != nil || p.rgMaxRows > math.MaxInt32 {
		return false
	}
	used := make([]bool, p.RowGroups())
	var groups []int
	for _, order := range orders {
		for _, i := range order {
			if uint(i) >= uint(p.n) {
				return false // WriteRowsContext says which
			}
			if g := p.groupOf(i); !used[g] {
				used[g] = true
				groups = append(groups, g)
			}
		}
	}
	var err error
	func() {
		defer p.remember(&err)
		defer catch(p.name, &err)
		if held, err = p.cache.prefetch(ctx, groups); err != nil {
			err = fmt.Errorf("%s: %w", p.name, err)
		}
	}()
	return held && err == nil
}

// chunkRows is the number of output rows gathered per step. When the
// decoded file fits in the cache, every row group is decoded once and
// small steps suffice. Otherwise a random order needs most row groups in
// every step, so steps are made as large as half the cache holds: the file
// is then decoded about 2*size/CacheBytes times in all.
func (p *File) chunkRows() int {
	var total int64
	for _, b := range p.rgBytes {
		total += b
	}
	if total <= p.opts.CacheBytes || p.n == 0 {
		return p.opts.ChunkRows
	}
	perRow := max(1, total/int64(p.n))
	return max(p.opts.ChunkRows, int(p.opts.CacheBytes/2/perRow))
}

// WriteWithFolds writes every row in input order with one more last
// column: name holding folds[i] for row i, as int64 when no fold is
// negative, else as strings ("" for a negative fold, a row no fold tests)
// (kfold's `fold` column, df.assign(fold=folds).to_parquet()).
func (p *File) WriteWithFolds(w io.Writer, name string, folds []int) error {
	return p.WriteRangeWithFolds(w, name, folds, 0, p.n)
}

// WriteRangeWithFolds is WriteWithFolds of rows lo..hi-1 only: one shard
// of the file WriteWithFolds writes, with the same schema (the column's
// type decided by all the folds). It is WriteConcatWithFolds of the one
// file.
func (p *File) WriteRangeWithFolds(w io.Writer, name string, folds []int, lo, hi int) (err error) {
	defer p.remember(&err)
	return WriteConcatWithFolds(w, []*File{p}, name, folds, lo, hi)
}

// newWriter starts a Parquet writer for schema sc keeping the input's
// metadata, codecs and row group length.
func (p *File) newWriter(w io.Writer, sc *arrow.Schema) (*pqwriter.FileWriter, error) {
	props := []parquet.WriterProperty{parquet.WithAllocator(p.mem)}
	if p.rgMaxRows > 0 {
		props = append(props, parquet.WithMaxRowGroupLength(int64(p.rgMaxRows)))
	}
	if cb := p.pr.MetaData().GetCreatedBy(); cb != "" {
		props = append(props, parquet.WithCreatedBy(cb))
	}
	leaves := p.pr.MetaData().Schema
	for c, codec := range p.codecs {
		if c < leaves.NumColumns() {
			props = append(props, parquet.WithCompressionPath(leaves.Column(c).ColumnPath(), codec))
		}
	}
	if p.rules.DataPageBytes > 0 {
		props = append(props, parquet.WithDataPageSize(p.rules.DataPageBytes))
	}
	if p.rules.DictionaryByInput {
		for c := 0; c < leaves.NumColumns(); c++ {
			props = append(props, parquet.WithDictionaryPath(leaves.Column(c).ColumnPath(), keepsDictionary(p.pr.MetaData(), c)))
		}
	}
	fw, err := pqwriter.NewFileWriter(sc, w, parquet.NewWriterProperties(props...))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.name, err)
	}
	if p.arrowSchema != "" {
		// The input's serialized Arrow schema, kept verbatim (pyarrow reads
		// pandas metadata, dictionary and timezone types from it).
		schema := p.arrowSchema
		if sc != p.schema {
			schema = base64.StdEncoding.EncodeToString(pqwriter.SerializeSchema(sc, p.mem))
		}
		if err := fw.AppendKeyValueMetadata("ARROW:schema", schema); err != nil {
			return nil, fmt.Errorf("%s: %w", p.name, err)
		}
	}
	return fw, nil
}

// gather returns the rows of chunk, in order, as one record: copied
// column by column from the row groups held at once (hold) when they fit
// in the cache, taken group by group otherwise (gatherByGroup).
func (c *groupCache) gather(ctx context.Context, chunk []int) (arrow.Record, error) {
	r, err := c.hold(ctx, chunk)
	if err != nil || r == nil {
		if err == nil {
			return c.gatherByGroup(ctx, chunk)
		}
		return nil, err
	}
	defer r.release()
	p := c.p
	cols := make([]arrow.Array, p.schema.NumFields())
	defer releaseArrays(cols)
	for ci := range cols {
		if cols[ci], err = r.column(ctx, ci, 0, len(chunk)); err != nil {
			return nil, err
		}
	}
	return array.NewRecord(p.schema, cols, int64(len(chunk))), nil
}

// resident is a chunk of rows whose row groups are held decoded: row k of
// the chunk is row local[k] of row group group[k], recs[g] (retained).
type resident struct {
	p            *File
	recs         []arrow.Record
	group, local []int32
}

// hold returns the chunk's row groups decoded and retained, or nil when
// they do not fit in the cache together (or a row group holds more rows
// than an int32 counts).
func (c *groupCache) hold(ctx context.Context, chunk []int) (*resident, error) {
	p := c.p
	if p.rgMaxRows > math.MaxInt32 || p.RowGroups() > math.MaxInt32 {
		return nil, nil
	}
	r := &resident{p: p, group: make([]int32, len(chunk)), local: make([]int32, len(chunk))}
	pages.Populate(r.group)
	pages.Populate(r.local)
	used := make([]bool, p.RowGroups())
	var groups []int
	for k, i := range chunk {
		g := p.groupOf(i)
		r.group[k], r.local[k] = int32(g), int32(i-p.rgStart[g])
		if !used[g] {
			used[g] = true
			groups = append(groups, g)
		}
	}
	if held, err := c.prefetch(ctx, groups); !held || err != nil {
		return nil, err
	}
	r.recs = make([]arrow.Record, p.RowGroups())
	for _, g := range groups {
		rec, err := c.group(ctx, g)
		if err != nil {
			r.release()
			return nil, err
		}
		r.recs[g] = rec
	}
	return r, nil
}

// column returns column ci of the chunk's rows lo..hi-1.
func (r *resident) column(ctx context.Context, ci, lo, hi int) (arrow.Array, error) {
	srcs := make([]arrow.Array, len(r.recs))
	for g, rec := range r.recs {
		if rec != nil {
			srcs[g] = rec.Column(ci)
		}
	}
	dt := r.p.schema.Field(ci).Type
	if a, ok := gatherColumn(nil, dt, srcs, r.group[lo:hi], r.local[lo:hi]); ok {
		return a, nil
	}
	a, err := takeByGroup(r.p.mem, dt, srcs, r.group[lo:hi], r.local[lo:hi])
	if err != nil {
		return nil, fmt.Errorf("take column %q: %w", r.p.names[ci], err)
	}
	return a, nil
}

func (r *resident) release() {
	for _, rec := range r.recs {
		if rec != nil {
			rec.Release()
		}
	}
}

// gatherByGroup is gather taking the rows of each row group from it (each
// group decoded once per chunk, and let go when the cache is full), the
// pieces concatenated, and a last take putting them in chunk order.
func (c *groupCache) gatherByGroup(ctx context.Context, chunk []int) (arrow.Record, error) {
	p := c.p
	groupOf := make([]int32, len(chunk))
	count := make([]int, p.RowGroups()+1)
	for k, i := range chunk {
		g := p.groupOf(i)
		groupOf[k] = int32(g)
		count[g+1]++
	}
	for g := 1; g < len(count); g++ {
		count[g] += count[g-1]
	}
	// local[count[g]:count[g+1]] are the in-group rows of group g, in chunk
	// order; pos[k] is where chunk row k lands in the concatenation.
	local := make([]int, len(chunk))
	pos := make([]int, len(chunk))
	next := append([]int(nil), count[:len(count)-1]...)
	for k, i := range chunk {
		g := groupOf[k]
		local[next[g]] = i - p.rgStart[g]
		pos[k] = next[g]
		next[g]++
	}
	var pieces []arrow.Record
	defer func() {
		for _, r := range pieces {
			r.Release()
		}
	}()
	for g := 0; g < p.RowGroups(); g++ {
		if count[g] == count[g+1] {
			continue
		}
		rec, err := c.group(ctx, g)
		if err != nil {
			return nil, err
		}
		piece, err := takeRecord(rec, local[count[g]:count[g+1]])
		rec.Release()
		if err != nil {
			return nil, err
		}
		pieces = append(pieces, piece)
	}
	if len(pieces) == 1 && isIdentity(pos) {
		pieces[0].Retain()
		return pieces[0], nil
	}
	return p.concatTake(pieces, len(chunk), pos)
}

// groupOf returns the row group holding row i: i / rgEven when every
// row group but the last holds rgEven rows, by binary search otherwise.
func (p *File) groupOf(i int) int {
	if p.rgEven > 0 {
		return min(i/p.rgEven, len(p.rgBytes)-1)
	}
	lo, hi := 0, len(p.rgStart)-1
	for hi-lo > 1 {
		m := (lo + hi) / 2
		if p.rgStart[m] <= i {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
}

func isIdentity(pos []int) bool {
	for k, v := range pos {
		if k != v {
			return false
		}
	}
	return true
}

// takeRecord returns rec's rows at positions, in order (rec.take).
func takeRecord(rec arrow.Record, positions []int) (arrow.Record, error) {
	cols := make([]arrow.Array, rec.NumCols())
	for i := range cols {
		a, err := takeColumn(rec.Column(i), positions)
		if err != nil {
			for _, x := range cols[:i] {
				x.Release()
			}
			return nil, fmt.Errorf("take column %q: %w", rec.ColumnName(i), err)
		}
		cols[i] = a
	}
	out := array.NewRecord(rec.Schema(), cols, int64(len(positions)))
	for _, a := range cols {
		a.Release()
	}
	return out, nil
}

// takeColumn returns col's values at positions (df.take); a dictionary
// column keeps its dictionary and takes its indices.
func takeColumn(col arrow.Array, positions []int) (arrow.Array, error) {
	return arrowtake.Take(memory.DefaultAllocator, col, positions, nil)
}

// takeArray returns values at positions (null where !valid).
func takeArray(values arrow.Array, positions []int, valid []bool) (arrow.Array, error) {
	return arrowtake.Take(memory.DefaultAllocator, values, positions, valid)
}

// concatTake concatenates pieces (records of p's schema holding n rows in
// all) column by column and takes the rows at pos from the result.
func (p *File) concatTake(pieces []arrow.Record, n int, pos []int) (arrow.Record, error) {
	cols := make([]arrow.Array, p.schema.NumFields())
	defer releaseArrays(cols)
	for ci := range cols {
		parts := make([]arrow.Array, len(pieces))
		for k, r := range pieces {
			parts[k] = r.Column(ci)
		}
		a, err := arrowtake.Concatenate(p.mem, parts)
		if err != nil {
			return nil, err
		}
		cols[ci] = a
	}
	all := array.NewRecord(p.schema, cols, int64(n))
	defer all.Release()
	return takeRecord(all, pos)
}
