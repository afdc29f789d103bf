package pqreader

import (
	"bytes"
	"fmt"
	"math/rand"

	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/apache/arrow/go/v15/parquet/metadata"
	"github.com/apache/arrow/go/v15/parquet/schema"
)

// column is the shredded data of one leaf column: levels and the values
// of its non-null slots.
type column struct {
	def, rep []int16
	vals     []any
}

// shredder turns random records of a Parquet schema into column data the
// Dremel way, so that any layout, legacy ones included, can be written.
type shredder struct {
	sc   *schema.Schema
	r    *rand.Rand
	cols []column
	reps map[schema.Node]int16 // repetition level of each node
	gen  func(r *rand.Rand, p *schema.PrimitiveNode) any
}

func newShredder(sc *schema.Schema, r *rand.Rand, gen func(*rand.Rand, *schema.PrimitiveNode) any) *shredder {
	s := &shredder{sc: sc, r: r, cols: make([]column, sc.NumColumns()), reps: map[schema.Node]int16{}, gen: gen}
	s.setReps(sc.Root(), 0)
	return s
}

func (s *shredder) setReps(n schema.Node, rep int16) {
	if n.RepetitionType() == parquet.Repetitions.Repeated {
		rep++
	}
	s.reps[n] = rep
	if g, ok := n.(*schema.GroupNode); ok {
		for i := 0; i < g.NumFields(); i++ {
			s.setReps(g.Field(i), rep)
		}
	}
}

// record adds one random record.
func (s *shredder) record() {
	root := s.sc.Root()
	for i := 0; i < root.NumFields(); i++ {
		s.shred(root.Field(i), s.value(root.Field(i)), 0, 0)
	}
}

// value is a random value of n: nil for a null, []any for a repeated
// node or a group, a Go value of the physical type for a leaf.
func (s *shredder) value(n schema.Node) any {
	switch n.RepetitionType() {
	case parquet.Repetitions.Optional:
		if s.r.Intn(4) == 0 {
			return nil
		}
	case parquet.Repetitions.Repeated:
		items := make([]any, s.r.Intn(4))
		for i := range items {
			items[i] = s.inner(n)
		}
		return items
	}
	return s.inner(n)
}

func (s *shredder) inner(n schema.Node) any {
	g, ok := n.(*schema.GroupNode)
	if !ok {
		return s.gen(s.r, n.(*schema.PrimitiveNode))
	}
	out := make([]any, g.NumFields())
	for i := range out {
		out[i] = s.value(g.Field(i))
	}
	return out
}

func (s *shredder) shred(n schema.Node, v any, def, rep int16) {
	switch n.RepetitionType() {
	case parquet.Repetitions.Repeated:
		items := v.([]any)
		if len(items) == 0 {
			s.empty(n, def, rep)
		}
		for j, item := range items {
			if j > 0 {
				rep = s.reps[n]
			}
			s.shredInner(n, item, def+1, rep)
		}
	case parquet.Repetitions.Optional:
		if v == nil {
			s.empty(n, def, rep)
			return
		}
		s.shredInner(n, v, def+1, rep)
	default:
		s.shredInner(n, v, def, rep)
	}
}

func (s *shredder) shredInner(n schema.Node, v any, def, rep int16) {
	if g, ok := n.(*schema.GroupNode); ok {
		for i := 0; i < g.NumFields(); i++ {
			s.shred(g.Field(i), v.([]any)[i], def, rep)
		}
		return
	}
	c := &s.cols[s.sc.ColumnIndexByNode(n)]
	c.def, c.rep, c.vals = append(c.def, def), append(c.rep, rep), append(c.vals, v)
}

// empty records a null or empty n at def for every leaf below n.
func (s *shredder) empty(n schema.Node, def, rep int16) {
	if g, ok := n.(*schema.GroupNode); ok {
		for i := 0; i < g.NumFields(); i++ {
			s.empty(g.Field(i), def, rep)
		}
		return
	}
	c := &s.cols[s.sc.ColumnIndexByNode(n)]
	c.def, c.rep = append(c.def, def), append(c.rep, rep)
}

// writeShredded writes groups of random records (rows[i] in group i)
// with the file writer and its settings; kv is extra key-value metadata.
func writeShredded(r *rand.Rand, root *schema.GroupNode, rows []int, props *parquet.WriterProperties, kv metadata.KeyValueMetadata, gen func(*rand.Rand, *schema.PrimitiveNode) any) ([]byte, error) {
	var buf bytes.Buffer
	opts := []file.WriteOption{file.WithWriterProps(props)}
	if kv != nil {
		opts = append(opts, file.WithWriteMetadata(kv))
	}
	w := file.NewParquetWriter(&buf, root, opts...)
	sc := schema.NewSchema(root)
	for _, n := range rows {
		s := newShredder(sc, r, gen)
		for i := 0; i < n; i++ {
			s.record()
		}
		rg := w.AppendRowGroup()
		for c := range s.cols {
			cw, err := rg.NextColumn()
			if err != nil {
				return nil, err
			}
			if err := writeColumn(cw, sc.Column(c), &s.cols[c]); err != nil {
				return nil, fmt.Errorf("column %d: %w", c, err)
			}
			if err := cw.Close(); err != nil {
				return nil, err
			}
		}
		if err := rg.Close(); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeColumn(cw file.ColumnChunkWriter, descr *schema.Column, c *column) error {
	def, rep := c.def, c.rep
	if descr.MaxDefinitionLevel() == 0 {
		def = nil
	}
	if descr.MaxRepetitionLevel() == 0 {
		rep = nil
	}
	var err error
	switch w := cw.(type) {
	case *file.BooleanColumnChunkWriter:
		_, err = w.WriteBatch(typed[bool](c.vals), def, rep)
	case *file.Int32ColumnChunkWriter:
		_, err = w.WriteBatch(typed[int32](c.vals), def, rep)
	case *file.Int64ColumnChunkWriter:
		_, err = w.WriteBatch(typed[int64](c.vals), def, rep)
	case *file.Int96ColumnChunkWriter:
		_, err = w.WriteBatch(typed[parquet.Int96](c.vals), def, rep)
	case *file.Float32ColumnChunkWriter:
		_, err = w.WriteBatch(typed[float32](c.vals), def, rep)
	case *file.Float64ColumnChunkWriter:
		_, err = w.WriteBatch(typed[float64](c.vals), def, rep)
	case *file.ByteArrayColumnChunkWriter:
		_, err = w.WriteBatch(typed[parquet.ByteArray](c.vals), def, rep)
	case *file.FixedLenByteArrayColumnChunkWriter:
		_, err = w.WriteBatch(typed[parquet.FixedLenByteArray](c.vals), def, rep)
	default:
		err = fmt.Errorf("no writer for %T", cw)
	}
	return err
}

// typed is the non-null values of vals as a slice of T.
func typed[T any](vals []any) []T {
	out := make([]T, 0, len(vals))
	for _, v := range vals {
		if v != nil {
			out = append(out, v.(T))
		}
	}
	return out
}
