package pqreader

import (
	"bytes"
	"context"
	"fmt"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/pqarrow"
)

// pair holds the oracle (pqarrow) and our reader over two file.Readers of
// the same bytes.
type pair struct {
	want *pqarrow.FileReader
	got  *FileReader
}

// openPair opens data with both readers; an error of either is returned
// only when both fail (one failing alone is a difference).
func openPair(data []byte) (*pair, error) {
	wantPR, wantErr := file.NewParquetReader(bytes.NewReader(data))
	gotPR, gotErr := file.NewParquetReader(bytes.NewReader(data))
	if wantErr != nil || gotErr != nil {
		return nil, fmt.Errorf("file.NewParquetReader: %v / %v", wantErr, gotErr)
	}
	mem := memory.NewGoAllocator()
	want, wantErr := pqarrow.NewFileReader(wantPR, pqarrow.ArrowReadProperties{Parallel: false, BatchSize: 1 << 16}, mem)
	got, gotErr := NewFileReader(gotPR, mem)
	switch {
	case wantErr != nil && gotErr != nil:
		return nil, fmt.Errorf("both fail: %v / %v", wantErr, gotErr)
	case wantErr != nil || gotErr != nil:
		return nil, fmt.Errorf("%w: NewFileReader: pqarrow %v, ours %v", errDiffers, wantErr, gotErr)
	}
	return &pair{want, got}, nil
}

var errDiffers = fmt.Errorf("readers differ")

// compareSchemas compares Schema() and the manifests.
func (p *pair) compareSchemas() error {
	ws, werr := p.want.Schema()
	gs, gerr := p.got.Schema()
	if (werr != nil) != (gerr != nil) {
		return fmt.Errorf("%w: Schema errors %v / %v", errDiffers, werr, gerr)
	}
	if werr == nil && (!ws.Equal(gs) || !ws.Metadata().Equal(gs.Metadata()) || ws.String() != gs.String()) {
		return fmt.Errorf("%w: schema\n%v\nours\n%v", errDiffers, ws, gs)
	}
	if len(p.want.Manifest.Fields) != len(p.got.Manifest.Fields) {
		return fmt.Errorf("%w: %d / %d fields", errDiffers, len(p.want.Manifest.Fields), len(p.got.Manifest.Fields))
	}
	for i := range p.want.Manifest.Fields {
		if err := compareField(&p.want.Manifest.Fields[i], &p.got.Manifest.Fields[i], fmt.Sprint(i)); err != nil {
			return err
		}
	}
	return nil
}

func compareField(w *pqarrow.SchemaField, g *SchemaField, path string) error {
	if !w.Field.Equal(*g.Field) || w.Field.String() != g.Field.String() || w.Field.Type.String() != g.Field.Type.String() {
		return fmt.Errorf("%w: field %s: %v / %v", errDiffers, path, w.Field, g.Field)
	}
	if w.ColIndex != g.ColIndex || !w.LevelInfo.Equal(&g.LevelInfo) || len(w.Children) != len(g.Children) {
		return fmt.Errorf("%w: field %s: col %d %+v %d children / col %d %+v %d children", errDiffers, path,
			w.ColIndex, w.LevelInfo, len(w.Children), g.ColIndex, g.LevelInfo, len(g.Children))
	}
	for i := range w.Children {
		if err := compareField(&w.Children[i], &g.Children[i], fmt.Sprintf("%s.%d", path, i)); err != nil {
			return err
		}
	}
	return nil
}

// outcome is what reading one field in batches gave: the batches until
// the first empty one, or an error or a panic.
type outcome struct {
	batches []*arrow.Chunked
	err     error
	panic   any
}

func (o *outcome) release() {
	for _, b := range o.batches {
		b.Release()
	}
}

func (o *outcome) failed() bool { return o.err != nil || o.panic != nil }

// readAll reads with next until an empty batch, at most limit batches.
func readAll(open func() (func(int64) (*arrow.Chunked, error), func(), error), batch int64, limit int) (o outcome) {
	defer func() {
		if r := recover(); r != nil {
			o.panic = r
		}
	}()
	next, release, err := open()
	if err != nil {
		o.err = err
		return o
	}
	defer release()
	for i := 0; i < limit; i++ {
		ch, err := next(batch)
		if err != nil {
			o.err = err
			return o
		}
		o.batches = append(o.batches, ch)
		if ch.Len() == 0 {
			return o
		}
	}
	o.err = fmt.Errorf("no empty batch after %d batches", limit)
	return o
}

// readField reads field i of both readers over groups in batches of the
// given size.
func (p *pair) readField(i int, groups []int, batch int64, limit int) (want, got outcome) {
	leaves := map[int]bool{}
	for c := 0; c < p.got.ParquetReader().MetaData().Schema.NumColumns(); c++ {
		leaves[c] = true
	}
	want = readAll(func() (func(int64) (*arrow.Chunked, error), func(), error) {
		cr, err := p.want.GetFieldReader(context.Background(), i, leaves, groups)
		if err != nil || cr == nil {
			return nil, nil, fmt.Errorf("no reader: %v", err)
		}
		return cr.NextBatch, cr.Release, nil
	}, batch, limit)
	got = readAll(func() (func(int64) (*arrow.Chunked, error), func(), error) {
		cr, err := p.got.GetFieldReader(context.Background(), i, leaves, groups)
		if err != nil || cr == nil {
			return nil, nil, fmt.Errorf("no reader: %v", err)
		}
		return cr.NextBatch, cr.Release, nil
	}, batch, limit)
	return want, got
}

// sameBatches compares two successful outcomes batch by batch: chunk
// count, chunk lengths, types (with metadata) and values.
func sameBatches(want, got *outcome) error {
	if len(want.batches) != len(got.batches) {
		return fmt.Errorf("%w: %d / %d batches", errDiffers, len(want.batches), len(got.batches))
	}
	for b := range want.batches {
		w, g := want.batches[b], got.batches[b]
		if !arrow.TypeEqual(w.DataType(), g.DataType(), arrow.CheckMetadata()) || w.DataType().String() != g.DataType().String() {
			return fmt.Errorf("%w: batch %d type %v / %v", errDiffers, b, w.DataType(), g.DataType())
		}
		if len(w.Chunks()) != len(g.Chunks()) || w.Len() != g.Len() {
			return fmt.Errorf("%w: batch %d: %d chunks of %d / %d chunks of %d", errDiffers, b, len(w.Chunks()), w.Len(), len(g.Chunks()), g.Len())
		}
		for c := range w.Chunks() {
			wc, gc := w.Chunk(c), g.Chunk(c)
			if gt, wt := goTypes(gc), goTypes(wc); gt != wt {
				return fmt.Errorf("%w: batch %d chunk %d: Go types %s / %s", errDiffers, b, c, wt, gt)
			}
			if wc.Len() != gc.Len() || wc.NullN() != gc.NullN() || !equalArrays(wc, gc) {
				return fmt.Errorf("%w: batch %d chunk %d\n%v\nours\n%v", errDiffers, b, c, wc, gc)
			}
		}
	}
	return nil
}

// goTypes names the Go types of a and of its children, dictionary and
// list values: array.Equal compares data alone, and splitter's readers
// switch on these types (a string column built as *array.Binary once
// passed array.Equal and broke column typing).
func goTypes(a arrow.Array) string {
	s := fmt.Sprintf("%T", a)
	switch x := a.(type) {
	case array.ListLike:
		s += "(" + goTypes(x.ListValues()) + ")"
	case *array.Struct:
		for i := 0; i < x.NumField(); i++ {
			s += "{" + goTypes(x.Field(i)) + "}"
		}
	case *array.Dictionary:
		if d, _ := x.Data().Dictionary().(*array.Data); d != nil { // pqarrow builds nested ones without
			s += "[" + goTypes(x.Dictionary()) + "]"
		}
	}
	return s
}

// equalArrays is array.Equal, or, where pqarrow builds an array that
// array.Equal cannot walk (it panics), the same layout: type, length,
// offset, null count, buffer bytes, children and dictionary.
func equalArrays(w, g arrow.Array) bool {
	if eq, ok := noPanic(func() bool { return array.Equal(w, g) }); ok {
		if !eq {
			eq, _ = noPanic(func() bool { return sameButDecimalBug(w, g) })
		}
		return eq
	}
	return sameData(w.Data(), g.Data())
}

// noPanic runs f; ok is false when f panicked.
func noPanic(f func() bool) (result, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return f(), true
}

func sameData(w, g arrow.ArrayData) bool {
	if w.DataType().String() != g.DataType().String() || w.Len() != g.Len() || w.Offset() != g.Offset() || w.NullN() != g.NullN() {
		return false
	}
	wb, gb := w.Buffers(), g.Buffers()
	if len(wb) != len(gb) || len(w.Children()) != len(g.Children()) {
		return false
	}
	for i := range wb {
		if (wb[i] == nil) != (gb[i] == nil) || (wb[i] != nil && !bytes.Equal(wb[i].Bytes(), gb[i].Bytes())) {
			return false
		}
	}
	for i := range w.Children() {
		if !sameData(w.Children()[i], g.Children()[i]) {
			return false
		}
	}
	return w.DataType().ID() != arrow.DICTIONARY || sameData(w.Dictionary(), g.Dictionary())
}
