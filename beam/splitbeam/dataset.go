package splitbeam

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/splitter-dev/splitter/rows"
)

// ErrHeaders reports shards whose columns differ from the first shard's.
var ErrHeaders = errors.New("shard columns differ")

// errNoRows: the plan step's table holds counts and columns, not rows.
var errNoRows = errors.New("splitbeam: the plan step writes no rows")

// dataset is the sharded dataset as the plan step sees it: a table.Table
// of the concatenated shards' row count, names and the columns the recipe
// reads (pd.concat of each shard's), without their rows.
type dataset struct {
	infos   []ShardInfo // in shard order
	columns []string    // names of the gathered columns
	offsets []int64     // offsets[i]: global number of shard i's first row; last: the total
}

// newDataset checks that every shard has the first one's columns and
// numbers their rows.
func newDataset(infos []ShardInfo, columns []string) (*dataset, error) {
	slices.SortFunc(infos, func(a, b ShardInfo) int { return a.Index - b.Index })
	d := &dataset{infos: infos, columns: columns, offsets: make([]int64, len(infos)+1)}
	for i, in := range infos {
		if in.Index != i {
			return nil, fmt.Errorf("splitbeam: shard %d missing", i)
		}
		if !slices.Equal(in.Names, infos[0].Names) {
			return nil, fmt.Errorf("%s: %w from %s's: %q, not %q", in.Path, ErrHeaders, infos[0].Path, in.Names, infos[0].Names)
		}
		d.offsets[i+1] = d.offsets[i] + in.Rows
	}
	return d, nil
}

// Len is len(df).
func (d *dataset) Len() int { return int(d.offsets[len(d.infos)]) }

// Names is list(df.columns).
func (d *dataset) Names() []string { return slices.Clone(d.infos[0].Names) }

// Column is df[name] of the concatenated shards.
func (d *dataset) Column(name string) (*rows.Column, error) {
	j := slices.Index(d.columns, name)
	if j < 0 {
		return nil, fmt.Errorf("%w %q", rows.ErrNoColumn, name)
	}
	cols := make([]*rows.Column, len(d.infos))
	for i, in := range d.infos {
		cols[i] = new(rows.Column)
		if err := gob.NewDecoder(bytes.NewReader(in.Columns[j])).Decode(cols[i]); err != nil {
			return nil, fmt.Errorf("%s: column %s: %w", in.Path, name, err)
		}
	}
	return concatColumns(name, cols), nil
}

// shardOf is the shard holding global row g and g's row in it.
func (d *dataset) shardOf(g int64) (int, int64) {
	i, found := slices.BinarySearch(d.offsets, g)
	if !found {
		i--
	}
	for d.infos[i].Rows == 0 || g >= d.offsets[i+1] { // empty shards share an offset
		i++
	}
	return i, g - d.offsets[i]
}

func (d *dataset) WriteRowsContext(context.Context, io.Writer, []int) error { return errNoRows }
func (d *dataset) WriteWithColumn(io.Writer, string, []string) error        { return errNoRows }
func (d *dataset) WriteRangeWithColumn(io.Writer, string, []string, int, int) error {
	return errNoRows
}
func (d *dataset) Close() error { return nil }
