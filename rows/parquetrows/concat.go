package parquetrows

import (
	"context"
	"fmt"
	"io"

	"github.com/apache/arrow/go/v15/arrow"
)

// Ref is one row of one of several files: files[File], row Row.
type Ref struct{ File, Row int }

// SameSchema reports whether q's columns have p's names and Arrow types,
// in order (metadata aside): whether their rows concatenate.
func (p *File) SameSchema(q *File) bool {
	a, b := p.schema.Fields(), q.schema.Fields()
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || !arrow.TypeEqual(a[i].Type, b[i].Type) || a[i].Nullable != b[i].Nullable {
			return false
		}
	}
	return true
}

// WriteConcatContext writes the rows refs names, in order, as one new
// Parquet file with the schema, metadata and codecs of files[0]: the rows
// of pd.concat([pd.read_parquet(f) for f in files]).iloc[...] (every file
// of files[0]'s schema, SameSchema).
func WriteConcatContext(ctx context.Context, w io.Writer, files []*File, refs []Ref) (err error) {
	p := files[0]
	out := &sink{w: w}
	defer out.blame(&err)
	defer catch(p.name, &err)
	for _, f := range files {
		if err := f.damagedErr(); err != nil {
			return err
		}
	}
	fw, err := p.newWriter(out, p.schema)
	if err != nil {
		return err
	}
	caches := make([]*groupCache, len(files))
	for k, f := range files {
		caches[k] = newGroupCache(f)
		defer caches[k].release()
	}
	step := p.chunkRows()
	for base := 0; base < len(refs); base += step {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := gatherRefs(ctx, caches, refs[base:min(base+step, len(refs))])
		if err != nil {
			return err
		}
		err = fw.WriteBuffered(rec)
		rec.Release()
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	if err := fw.Close(); err != nil {
		return fmt.Errorf("%s: %w", p.name, err)
	}
	return nil
}

// gatherRefs returns the rows of chunk, in order, as one record of the
// first file's schema: each file's rows gathered from it, the pieces
// concatenated, then put in chunk order.
func gatherRefs(ctx context.Context, caches []*groupCache, chunk []Ref) (arrow.Record, error) {
	per := make([][]int, len(caches))
	for _, r := range chunk {
		per[r.File] = append(per[r.File], r.Row)
	}
	start := make([]int, len(caches)+1)
	for k := range per {
		start[k+1] = start[k] + len(per[k])
	}
	pos := make([]int, len(chunk))
	next := append([]int(nil), start[:len(caches)]...)
	for j, r := range chunk {
		pos[j] = next[r.File]
		next[r.File]++
	}
	var pieces []arrow.Record
	defer func() {
		for _, r := range pieces {
			r.Release()
		}
	}()
	for k, rs := range per {
		if len(rs) == 0 {
			continue
		}
		rec, err := caches[k].gather(ctx, rs)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", caches[k].p.name, err)
		}
		pieces = append(pieces, rec)
	}
	p := caches[0].p
	return p.concatTake(pieces, len(chunk), pos)
}
