package splitbeam

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/rows"
)

// countFn indexes a shard and reports its ShardInfo: the count step.
type countFn struct {
	// Read are the CLI's read options (recipe.ReadOptions).
	Read rows.Options
	// Columns are the columns the recipe reads; Fold is set when it
	// writes a fold column file.
	Columns []string
	Fold    bool
}

// ProcessElement indexes sh as pd.read_csv(sh.Path) reads it.
func (f *countFn) ProcessElement(ctx context.Context, sh Shard, emit func(ShardInfo)) error {
	ix, err := openShard(ctx, sh.Path, f.Read)
	if err != nil {
		return err
	}
	defer ix.Close()
	sum, err := audit.HashFileContext(ctx, sh.Path)
	if err != nil {
		return err
	}
	info := ShardInfo{Index: sh.Index, Path: sh.Path, Rows: int64(ix.Len()), SHA256: sum, Names: ix.Names(), Header: ix.Header(), IndexColumns: ix.IndexColumns()}
	if f.Fold {
		var h bytes.Buffer
		if err := ix.WriteRangeWithFolds(&h, "fold", make([]int, ix.Len()), 0, 0); err != nil {
			return fmt.Errorf("%s: %w", sh.Path, err)
		}
		info.FoldHeader = h.Bytes()
	}
	for _, name := range f.Columns {
		b, err := encodeColumn(ix, name)
		if errors.Is(err, rows.ErrNoColumn) {
			info.Missing = append(info.Missing, name)
		} else if err != nil {
			return err
		}
		info.Columns = append(info.Columns, b)
	}
	emit(info)
	return nil
}

// encodeColumn is df[name] of ix, gob-encoded (an error wrapping
// rows.ErrNoColumn when ix lacks it).
func encodeColumn(ix *rows.Index, name string) ([]byte, error) {
	col, err := ix.Column(name)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(col); err != nil {
		return nil, fmt.Errorf("column %s: %w", name, err)
	}
	return b.Bytes(), nil
}
