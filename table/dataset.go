package table

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/rows/parquetrows"
)

// Errors of a dataset whose shards do not make one table.
var (
	// ErrMixedFormats reports shards of different formats (CSV and
	// Parquet, say).
	ErrMixedFormats = errors.New("shards of different formats")
	// ErrShardColumns reports a shard whose columns are not the first
	// shard's, in the same order (pd.concat would align them silently).
	ErrShardColumns = errors.New("columns differ from the first shard's")
)

// Dataset is several files read as one table, as
// pd.concat([pd.read_csv(f) for f in files], ignore_index=True) (or
// pd.read_parquet(dir), pd.read_json(f, lines=True) per file) reads them:
// rows numbered 0..Len()-1 across the shards in order, columns typed as
// pd.concat types them. Outputs start with the first shard's header; each
// row keeps its own bytes.
type Dataset struct {
	files  []string
	parts  []Table
	starts []int               // starts[k] is the first row of parts[k]; len(parts)+1 entries
	text   []*rows.Index       // the parts as text (nil for Parquet)
	pq     []*parquetrows.File // the parts as Parquet (nil for text)
	shift  uint                // log2 of the rows in a bucket of the write's sort
	pool   sync.Pool           // buffers and scratch tables of writes (*poolItem)
}

// OpenDataset opens files as one Dataset, each as Open opens it (opts for
// all), indexing them in parallel (GOMAXPROCS at a time). Every file must
// be of one format (compression may differ) with the first file's columns
// in the same order; otherwise the error names the first file that
// differs. A parse error names the shard, line and column.
func OpenDataset(ctx context.Context, files []string, opts rows.Options) (*Dataset, error) {
	if len(files) == 0 {
		return nil, ErrNoFiles
	}
	if err := CheckFormats(files); err != nil {
		return nil, err
	}
	parts, err := openAll(ctx, files, opts)
	if err != nil {
		return nil, err
	}
	d, err := NewDataset(files, parts)
	if err != nil {
		for _, p := range parts {
			p.Close()
		}
		return nil, err
	}
	return d, nil
}

// NewDataset is files, already open as parts (one Table each, in order),
// as one Dataset: the checks and numbering of OpenDataset without opening
// anything. An engine that indexes shards on its own workers (the Beam
// pipeline) gives the tables it rebuilt from them, so that it refuses what
// OpenDataset refuses and types columns as it does. A part may hold no
// rows' bytes: only Len, Names, Column (and IndexColumns when it has them)
// are then used. The caller closes the parts on an error.
func NewDataset(files []string, parts []Table) (*Dataset, error) {
	if len(files) == 0 || len(files) != len(parts) {
		return nil, fmt.Errorf("%w: %d files, %d tables", ErrNoFiles, len(files), len(parts))
	}
	if err := CheckFormats(files); err != nil {
		return nil, err
	}
	d := &Dataset{files: files, parts: parts, starts: make([]int, len(parts)+1)}
	for k, p := range parts {
		d.starts[k+1] = d.starts[k] + p.Len()
		switch p := p.(type) {
		case *rows.Index:
			d.text = append(d.text, p)
		case *parquetrows.File:
			d.pq = append(d.pq, p)
		}
	}
	if err := d.checkColumns(); err != nil {
		return nil, err
	}
	d.setShift()
	if d.pq != nil {
		if err := d.checkSchemas(); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// CheckFormats refuses files of different formats (compression may
// differ), naming the first that differs from the first file's.
func CheckFormats(files []string) error {
	if len(files) == 0 {
		return ErrNoFiles
	}
	f0 := formatOf(files[0])
	for _, f := range files[1:] {
		if formatOf(f) != f0 {
			return fmt.Errorf("%s: %w: it is %s, %s is %s", f, ErrMixedFormats, formatOf(f), files[0], f0)
		}
	}
	return nil
}

// formatOf is the format of a shard named path, from its name with any
// compression extension dropped: parquet, jsonl (also .ndjson), or the
// extension itself (csv, tsv, txt, ...; "none" for a name without one).
func formatOf(path string) string {
	low := strings.ToLower(rows.TrimCompression(filepath.Base(path)))
	switch ext := strings.TrimPrefix(filepath.Ext(low), "."); {
	case parquetrows.IsParquetPath(path):
		return "parquet"
	case ext == "jsonl" || ext == "ndjson":
		return "jsonl"
	case ext == "":
		return "none"
	default:
		return ext
	}
}

// openAll opens every file, GOMAXPROCS at a time; on an error it closes
// those opened and returns the error of the first file in order.
func openAll(ctx context.Context, files []string, opts rows.Options) ([]Table, error) {
	parts := make([]Table, len(files))
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				parts[k], errs[k] = Open(ctx, files[k], opts)
			}
		}()
	}
	for k := range files {
		next <- k
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		for _, p := range parts {
			if p != nil {
				p.Close()
			}
		}
		for _, e := range errs {
			if e != nil {
				return nil, e
			}
		}
	}
	return parts, nil
}

// checkColumns refuses a shard whose columns (or index columns) are not
// the first shard's. The message names the shards and the column's
// position, not the names (they are the file's content).
func (d *Dataset) checkColumns() error {
	want := d.parts[0].Names()
	for k, p := range d.parts[1:] {
		got := p.Names()
		if !slices.Equal(got, want) {
			i := 0
			for i < min(len(got), len(want)) && got[i] == want[i] {
				i++
			}
			return fmt.Errorf("%s: %w (%s): %d columns, %d in the first; column %d differs", d.files[k+1], ErrShardColumns, d.files[0], len(got), len(want), i+1)
		}
		if indexColumns(p) != indexColumns(d.parts[0]) {
			return fmt.Errorf("%s: %w (%s): its first row has another number of index fields", d.files[k+1], ErrShardColumns, d.files[0])
		}
	}
	return nil
}

// Files are the dataset's files, in order.
func (d *Dataset) Files() []string { return append([]string(nil), d.files...) }

// Len is len(pd.concat(...)): the rows of every shard.
func (d *Dataset) Len() int { return d.starts[len(d.parts)] }

// Names is the first shard's list(df.columns) (every shard's).
func (d *Dataset) Names() []string { return d.parts[0].Names() }

// Shard returns the shard holding row i and i's row number in it.
func (d *Dataset) Shard(i int) (k, local int) {
	k, found := slices.BinarySearch(d.starts, i)
	if !found {
		k--
	}
	for k < len(d.parts)-1 && d.starts[k+1] == i { // skip empty shards
		k++
	}
	return k, i - d.starts[k]
}

// Size is the bytes of the (decompressed) text shards, for progress.
func (d *Dataset) Size() int64 {
	var n int64
	for _, ix := range d.text {
		n += ix.Size()
	}
	return n
}

// Unchanged reports an error when a shard was replaced or changed size
// since it was opened (rows.Index.Unchanged).
func (d *Dataset) Unchanged() error {
	for _, ix := range d.text {
		if err := ix.Unchanged(); err != nil {
			return err
		}
	}
	return nil
}

// Close closes every shard.
func (d *Dataset) Close() error {
	var errs []error
	for _, p := range d.parts {
		errs = append(errs, p.Close())
	}
	return errors.Join(errs...)
}

// ShardLen is the number of rows of shard k.
func (d *Dataset) ShardLen(k int) int { return d.starts[k+1] - d.starts[k] }

// indexColumns is a text part's number of index fields (rows.Index's
// IndexColumns; 0 for a part without them).
func indexColumns(t Table) int {
	if ix, ok := t.(interface{ IndexColumns() int }); ok {
		return ix.IndexColumns()
	}
	return 0
}
