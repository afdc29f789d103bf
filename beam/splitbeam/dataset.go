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
	"github.com/splitter-dev/splitter/table"
)

// errNoRows: the plan step's tables hold counts and columns, not rows.
var errNoRows = errors.New("splitbeam: the plan step writes no rows")

// ErrNotText reports a shard that is not delimited text or JSON Lines
// (Parquet shards are not read by the pipeline yet).
var ErrNotText = errors.New("splitbeam: not a text shard (Parquet is not read yet)")

// openShard opens the shard at path as splitter's CLI opens it
// (table.Open): pd.read_csv or pd.read_json(lines=True) of that file.
func openShard(ctx context.Context, path string, opts rows.Options) (*rows.Index, error) {
	t, err := table.Open(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	ix, ok := t.(*rows.Index)
	if !ok {
		t.Close()
		return nil, fmt.Errorf("%s: %w", path, ErrNotText)
	}
	return ix, nil
}

// newDataset is the shards the count step reported, as one
// table.Dataset (table.NewDataset: the CLI's checks, its row numbering and
// its pd.concat column types), holding their counts and the recipe's
// columns, not their rows.
func newDataset(infos []ShardInfo, files []string, columns []string) (*table.Dataset, error) {
	slices.SortFunc(infos, func(a, b ShardInfo) int { return a.Index - b.Index })
	if len(infos) != len(files) {
		return nil, fmt.Errorf("splitbeam: %d of %d shards counted", len(infos), len(files))
	}
	parts := make([]table.Table, len(infos))
	for i := range infos {
		if infos[i].Index != i {
			return nil, fmt.Errorf("splitbeam: shard %d missing", i)
		}
		parts[i] = &counted{info: &infos[i], columns: columns}
	}
	return table.NewDataset(files, parts)
}

// counted is one shard as the count step reported it: a table.Table of
// its length, names and gathered columns.
type counted struct {
	info    *ShardInfo
	columns []string // names of the gathered columns
}

// Len is len(df) of the shard.
func (c *counted) Len() int { return int(c.info.Rows) }

// Names is list(df.columns) of the shard.
func (c *counted) Names() []string { return slices.Clone(c.info.Names) }

// IndexColumns is the shard's number of index fields (rows.Index's).
func (c *counted) IndexColumns() int { return c.info.IndexColumns }

// Column is df[name] of the shard, as the count step gathered it.
func (c *counted) Column(name string) (*rows.Column, error) {
	j := slices.Index(c.columns, name)
	if j < 0 || slices.Contains(c.info.Missing, name) { // as rows.Index.Column says it
		return nil, &rows.ParseError{File: c.info.Path, Err: fmt.Errorf("%w %q", rows.ErrNoColumn, name)}
	}
	col := new(rows.Column)
	if err := gob.NewDecoder(bytes.NewReader(c.info.Columns[j])).Decode(col); err != nil {
		return nil, fmt.Errorf("%s: column %s: %w", c.info.Path, name, err)
	}
	return col, nil
}

func (c *counted) WriteRowsContext(context.Context, io.Writer, []int) error { return errNoRows }
func (c *counted) WriteWithFolds(io.Writer, string, []int) error            { return errNoRows }
func (c *counted) WriteRangeWithFolds(io.Writer, string, []int, int, int) error {
	return errNoRows
}
func (c *counted) Close() error { return nil }
