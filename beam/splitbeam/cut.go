package splitbeam

import (
	"bytes"
	"context"
	"fmt"

	"github.com/splitter-dev/splitter/rows"
)

// maxChunk bounds the bytes of one Chunk before it is sent on.
const maxChunk = 4 << 20

// cutFn is the cut step: it reads one shard's rows and emits their bytes
// keyed by output file.
type cutFn struct {
	// Read are the CLI's read options (recipe.ReadOptions).
	Read rows.Options
}

// ProcessElement indexes shard (all its pieces name the same) and emits
// the rows each piece places.
func (f *cutFn) ProcessElement(ctx context.Context, shard int, pieces func(*Piece) bool, emit func(int, Chunk)) error {
	var ix *rows.Index
	defer func() {
		if ix != nil {
			ix.Close()
		}
	}()
	c := cutter{emit: emit, open: map[int32]*Chunk{}}
	var p Piece
	for pieces(&p) {
		if ix == nil {
			var err error
			if ix, err = openShard(ctx, p.Path, f.Read); err != nil {
				return err
			}
			if c.eol = lineEndOf(ix.Header()); c.eol == nil {
				c.eol = []byte("\n")
			}
		}
		if err := c.piece(ix, &p); err != nil {
			return fmt.Errorf("%s: %w", p.Path, err)
		}
		p = Piece{}
	}
	c.flushAll()
	return nil
}

// cutter gathers rows into one open Chunk per output file.
type cutter struct {
	emit func(int, Chunk)
	open map[int32]*Chunk
	eol  []byte // the header's line end, for a last row without one
}

// piece cuts the rows of p from ix.
func (c *cutter) piece(ix *rows.Index, p *Piece) error {
	err := ix.Guard(func() error {
		for k, row := range p.Rows {
			if int(row) >= ix.Len() {
				return fmt.Errorf("row %d of %d: %w", row, ix.Len(), rows.ErrInputChanged)
			}
			rec := ix.Record(int(row))
			if int(row) == ix.Len()-1 && lineEndOf(rec) == nil {
				rec = append(append([]byte(nil), rec...), c.eol...)
			}
			c.add(p.Files[k], p.Pos[k], 1, rec)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.folds(ix, p)
}

// folds cuts p's runs of rows with their fold column.
func (c *cutter) folds(ix *rows.Index, p *Piece) error {
	if len(p.Ranges) == 0 {
		return nil
	}
	if len(p.Folds) != ix.Len() {
		return fmt.Errorf("%d folds for %d rows: %w", len(p.Folds), ix.Len(), rows.ErrInputChanged)
	}
	var head, buf bytes.Buffer
	if err := ix.WriteRangeWithFolds(&head, "fold", p.Folds, 0, 0); err != nil {
		return err
	}
	for _, r := range p.Ranges {
		buf.Reset()
		if err := ix.WriteRangeWithFolds(&buf, "fold", p.Folds, int(r.Lo), int(r.Hi)); err != nil {
			return err
		}
		c.add(r.File, r.Pos, int32(r.Hi-r.Lo), buf.Bytes()[head.Len():])
	}
	return nil
}

// add appends a segment of n rows at position pos of file.
func (c *cutter) add(file int32, pos int64, n int32, b []byte) {
	ch := c.open[file]
	if ch == nil {
		ch = &Chunk{}
		c.open[file] = ch
	}
	ch.Data = append(ch.Data, b...)
	ch.Pos = append(ch.Pos, pos)
	ch.Count = append(ch.Count, n)
	ch.Ends = append(ch.Ends, int64(len(ch.Data)))
	if len(ch.Data) >= maxChunk {
		c.emit(int(file), *ch)
		delete(c.open, file)
	}
}

// flushAll emits every open chunk.
func (c *cutter) flushAll() {
	for file, ch := range c.open {
		c.emit(int(file), *ch)
	}
	clear(c.open)
}

// lineEndOf is the line end closing b ("\n", "\r\n", "\r"), nil for none.
func lineEndOf(b []byte) []byte {
	switch {
	case bytes.HasSuffix(b, []byte("\r\n")):
		return []byte("\r\n")
	case bytes.HasSuffix(b, []byte("\n")):
		return []byte("\n")
	case bytes.HasSuffix(b, []byte("\r")):
		return []byte("\r")
	}
	return nil
}
