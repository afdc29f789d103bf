package parquetrows

import (
	"context"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"

	"github.com/splitter-dev/splitter/internal/pqreader"
)

// batchRows is the most rows decoded by one step of readField: memory
// grows with the rows a file really holds, not with the count its footer
// declares.
const batchRows = 1 << 20

// readField decodes top-level field i over the row groups groups, on the
// calling goroutine, and checks that it holds as many rows as the footer
// declares.
func (p *File) readField(i int, groups []int) (*arrow.Chunked, error) {
	want := 0
	for _, g := range groups {
		want += p.rgStart[g+1] - p.rgStart[g]
	}
	f := &p.fr.Manifest.Fields[i]
	if err := p.scanPages(f, groups); err != nil {
		return nil, fmt.Errorf("%w: column %q: %s", ErrParquet, p.names[i], clean(err.Error()))
	}
	var chunks []arrow.Array
	defer func() {
		for _, a := range chunks {
			a.Release()
		}
	}()
	got, err := decode(p.fr, i, p.allLeaves, groups, want, func(ch *arrow.Chunked) {
		for _, a := range ch.Chunks() {
			a.Retain()
			chunks = append(chunks, a)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("%w: column %q: %s", ErrParquet, p.names[i], clean(err.Error()))
	}
	if got != want {
		return nil, fmt.Errorf("%w: column %q holds %d rows, the footer declares %d", ErrParquet, p.names[i], got, want)
	}
	for _, a := range chunks {
		if err := validate(a.Data()); err != nil {
			return nil, fmt.Errorf("%w: column %q: %v", ErrParquet, p.names[i], err)
		}
	}
	return arrow.NewChunked(p.schema.Field(i).Type, chunks), nil
}

// decode reads field i of fr over groups in batches of batchRows (memory
// grows with the rows the file really holds), passing each batch to keep,
// and returns the rows read.
func decode(fr *pqreader.FileReader, i int, leaves map[int]bool, groups []int, want int, keep func(*arrow.Chunked)) (int, error) {
	cr, err := fr.GetFieldReader(context.Background(), i, leaves, groups)
	if err != nil {
		return 0, err
	}
	if cr == nil {
		return 0, fmt.Errorf("no data")
	}
	defer cr.Release()
	got := 0
	for off := 0; off < want; off += batchRows {
		ch, err := cr.NextBatch(int64(min(want-off, batchRows)))
		if err != nil {
			return 0, err
		}
		got += ch.Len()
		keep(ch)
		ch.Release()
	}
	return got, nil
}

// scanPages runs scanChunk, once, on the chunks of field f in groups.
func (p *File) scanPages(f *pqreader.SchemaField, groups []int) error {
	for k := range f.Children {
		if err := p.scanPages(&f.Children[k], groups); err != nil {
			return err
		}
	}
	if len(f.Children) > 0 || f.ColIndex < 0 {
		return nil
	}
	for _, g := range groups {
		j := g*len(p.leaves) + f.ColIndex
		if p.scanned[j].Load() {
			continue
		}
		c := p.chunks[j]
		if err := scanChunk(p.src, c.start, c.n, c.values); err != nil {
			return fmt.Errorf("row group %d: %w", g, err)
		}
		p.scanned[j].Store(true)
	}
	return nil
}

// boundedAllocator is the Go allocator refusing, by a panic that catch
// turns into an error, any one allocation above limit: a damaged page
// header can declare a page of up to 2 GiB, which Arrow allocates before
// finding the page shorter.
type boundedAllocator struct {
	memory.Allocator
	limit int
}

func (a boundedAllocator) Allocate(size int) []byte {
	a.bound(size)
	return a.Allocator.Allocate(size)
}

func (a boundedAllocator) Reallocate(size int, b []byte) []byte {
	a.bound(size)
	return a.Allocator.Reallocate(size, b)
}

func (a boundedAllocator) bound(size int) {
	if size > a.limit {
		panic(fmt.Sprintf("an allocation of %d bytes, above the bound of %d for this file's size", size, a.limit))
	}
}
