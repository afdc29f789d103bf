package splitbeam

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/table"
)

// maxPiece bounds the rows of one Piece (an element of the pipeline).
const maxPiece = 1 << 16

// planFn is the plan step: on one worker, it applies the recipe to the
// concatenated shards and tells every shard where its rows go.
type planFn struct {
	// Recipe is the recipe as JSON, its seed drawn.
	Recipe  string
	Columns []string
	Layout  job.Layout
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
	d, err := newDataset(all, f.Layout.Files, f.Columns)
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
	files := make([]job.File, len(outs))
	for i, o := range outs {
		files[i] = job.File{Name: o.Name, Path: f.Layout.OutputPath(o), Rows: o.Len}
		heads(i, headChunk(all, res, o, files[i].Path))
	}
	emitPieces(d, all, res, outs, pieces)
	m, err := f.draft(&r, d, all, files)
	if err != nil {
		return err
	}
	paths := make([]string, len(files))
	for i, o := range files {
		paths[i] = o.Path
	}
	drafts(Draft{Manifest: m, Paths: paths})
	return nil
}

// draft is the manifest the CLI writes for this run
// (job.Layout.NewManifest), the outputs' SHA-256 yet empty.
func (f *planFn) draft(r *recipe.Recipe, d *table.Dataset, infos []ShardInfo, outs []job.File) ([]byte, error) {
	sums := make([]string, len(infos))
	counts := make([]int, len(infos))
	for i, in := range infos {
		sums[i], counts[i] = in.SHA256, int(in.Rows)
	}
	m := f.Layout.NewManifest(r, d.Len(), sums, counts, outs, make([]string, len(outs)))
	return json.Marshal(m)
}

// headChunk is the head chunk of output o: its path, rows and header line.
func headChunk(infos []ShardInfo, res *recipe.Result, o recipe.Output, path string) Chunk {
	h := infos[0].Header
	if isFoldColumn(res, o) {
		h = infos[0].FoldHeader
	}
	return Chunk{Head: true, Path: path, Rows: int64(o.Len), Data: h}
}

// isFoldColumn reports whether o is (a shard of) a fold column file.
func isFoldColumn(res *recipe.Result, o recipe.Output) bool {
	return slices.ContainsFunc(res.FoldColumns, func(c recipe.FoldColumn) bool { return c.Name == o.Name })
}

// emitPieces sends every shard the places of its rows in the outputs.
func emitPieces(d *table.Dataset, infos []ShardInfo, res *recipe.Result, outs []recipe.Output, emit func(int, Piece)) {
	ps := make([]Piece, len(infos))
	for i, in := range infos {
		ps[i] = Piece{Shard: i, Path: in.Path}
	}
	flush := func(i int) {
		emit(i, ps[i])
		ps[i] = Piece{Shard: i, Path: infos[i].Path}
	}
	for file, o := range outs {
		if isFoldColumn(res, o) {
			continue
		}
		for pos, g := range o.Rows {
			i, local := d.Shard(g)
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
	lo := int64(0)
	for i, in := range infos {
		for _, c := range res.FoldColumns {
			emit(i, foldPiece(in, lo, c, outs))
		}
		lo += in.Rows
	}
}

// foldPiece is shard in's rows of fold column file c (the dataset's rows
// lo.. onwards): their folds and the runs of them each shard of c holds.
func foldPiece(in ShardInfo, lo int64, c recipe.FoldColumn, outs []recipe.Output) Piece {
	hi := lo + in.Rows
	p := Piece{Shard: in.Index, Path: in.Path, Folds: c.Folds[lo:hi]}
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
