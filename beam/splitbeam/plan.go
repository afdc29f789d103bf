package splitbeam

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/splitter-dev/splitter/recipe"
)

// maxPiece bounds the rows of one Piece (an element of the pipeline).
const maxPiece = 1 << 16

// planFn is the plan step: on one worker, it applies the recipe to the
// concatenated shards and tells every shard where its rows go.
type planFn struct {
	// Recipe is the recipe as JSON, its seed drawn.
	Recipe  string
	Columns []string
	Names   Names
}

// ProcessElement runs once (on an impulse) with every ShardInfo as a side
// input. It emits each shard's Pieces, each output file's head Chunk and
// the Draft of the manifest.
func (f *planFn) ProcessElement(ctx context.Context, _ []byte, infos func(*ShardInfo) bool, pieces func(int, Piece), heads func(int, Chunk), drafts func(Draft)) error {
	var all []ShardInfo
	var in ShardInfo
	for infos(&in) {
		all = append(all, in)
		in = ShardInfo{}
	}
	d, err := newDataset(all, f.Columns)
	if err != nil {
		return err
	}
	var r recipe.Recipe
	if err := json.Unmarshal([]byte(f.Recipe), &r); err != nil {
		return fmt.Errorf("splitbeam: recipe: %w", err)
	}
	res, err := r.Apply(ctx, d)
	if err != nil {
		return err
	}
	outs := res.Outputs(d)
	paths := make([]string, len(outs))
	for i, o := range outs {
		paths[i] = f.Names.path(o)
		heads(i, f.head(d, res, o, paths[i]))
	}
	if err := emitPieces(d, res, outs, pieces); err != nil {
		return err
	}
	m, err := f.Names.draft(&r, d, outs, paths)
	if err != nil {
		return err
	}
	drafts(Draft{Manifest: m, Paths: paths})
	return nil
}

// head is the head chunk of output o: its path, rows and header line.
func (f *planFn) head(d *dataset, res *recipe.Result, o recipe.Output, path string) Chunk {
	h := d.infos[0].Header
	if isFoldColumn(res, o) {
		h = d.infos[0].FoldHeader
	}
	return Chunk{Head: true, Path: path, Rows: int64(o.Len), Data: h}
}

// isFoldColumn reports whether o is (a shard of) a fold column file.
func isFoldColumn(res *recipe.Result, o recipe.Output) bool {
	return slices.ContainsFunc(res.FoldColumns, func(c recipe.FoldColumn) bool { return c.Name == o.Name })
}

// emitPieces sends every shard the places of its rows in the outputs.
func emitPieces(d *dataset, res *recipe.Result, outs []recipe.Output, emit func(int, Piece)) error {
	ps := make([]Piece, len(d.infos))
	for i, in := range d.infos {
		ps[i] = Piece{Shard: i, Path: in.Path}
	}
	flush := func(i int) {
		emit(i, ps[i])
		ps[i] = Piece{Shard: i, Path: d.infos[i].Path}
	}
	for file, o := range outs {
		if isFoldColumn(res, o) {
			continue
		}
		for pos, g := range o.Rows {
			i, local := d.shardOf(int64(g))
			p := &ps[i]
			p.Rows = append(p.Rows, int32(local))
			p.Files = append(p.Files, int32(file))
			p.Pos = append(p.Pos, int64(pos))
			if len(p.Rows) == maxPiece {
				flush(i)
			}
		}
	}
	for i := range ps {
		if len(ps[i].Rows) > 0 {
			flush(i)
		}
	}
	for _, c := range res.FoldColumns {
		for i := range d.infos {
			emit(i, foldPiece(d, i, c, outs))
		}
	}
	return nil
}

// foldPiece is shard i's rows of fold column file c: their folds and the
// runs of them each shard of c holds.
func foldPiece(d *dataset, i int, c recipe.FoldColumn, outs []recipe.Output) Piece {
	lo, hi := d.offsets[i], d.offsets[i+1]
	p := Piece{Shard: i, Path: d.infos[i].Path, FoldValues: c.Values[lo:hi]}
	for file, o := range outs {
		if o.Name != c.Name {
			continue
		}
		olo, ohi := int64(0), int64(o.Len) // unsharded: every row
		if o.Of > 0 && o.Len > 0 {
			olo = int64(o.Rows[0])
			ohi = olo + int64(o.Len)
		} else if o.Of > 0 {
			continue
		}
		a, b := max(lo, olo), min(hi, ohi)
		if a < b {
			p.Ranges = append(p.Ranges, FoldRange{File: int32(file), Lo: a - lo, Hi: b - lo, Pos: a - olo})
		}
	}
	return p
}
