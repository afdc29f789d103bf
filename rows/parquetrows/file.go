// Package parquetrows is the row engine for Parquet files: it numbers the
// rows of a Parquet file as pandas.read_parquet(path) (pandas 1.5, pyarrow
// engine) numbers them, reads single columns typed as that DataFrame holds
// them, and writes rows in any order to a new Parquet file with the input's
// schema, types and key-value metadata. Arrays are Apache Arrow's; pages
// are read and written through Arrow's parquet/file, and converted to and
// from Arrow by splitter's own internal/pqreader and internal/pqwriter,
// which match pqarrow value for value and byte for byte without linking
// it (pqarrow links gRPC).
//
// Writing streams: the output is built in chunks of rows, and for each
// chunk only the row groups holding its rows are decoded (kept in a cache
// bounded by Options.CacheBytes and kept from one write to the next, so
// that the parts of a split decode the file once), so a file much larger
// than memory is copied with bounded memory at the cost of re-reading row
// groups.
//
// Damaged files: every method that reads the file returns an error
// wrapping ErrParquet, after the file name, for any bytes at all; none
// panics. The footer is checked against the file's size before anything it
// declares is allocated, every column is decoded on the caller's goroutine
// and checked whole, and a panic Arrow raises while decoding is turned
// into that error. A file found damaged stays so: later reads return the
// same error.
package parquetrows

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/apache/arrow/go/v15/parquet/file"

	"github.com/splitter-dev/splitter/internal/pqreader"
	"github.com/splitter-dev/splitter/rows"
)

// Sentinel errors (compare with errors.Is).
var (
	// ErrParquet is a file that is not a readable Parquet file: not Parquet
	// at all, or damaged (a footer or page that does not decode, counts or
	// offsets that do not fit the file, a column shorter than its row
	// groups declare). Every reading method wraps it, after the file name.
	ErrParquet = errors.New("not a readable Parquet file")
	// ErrNoColumn is a column name the file does not have (pandas KeyError
	// on df[name]); it is rows.ErrNoColumn, wrapped in a rows.ParseError.
	ErrNoColumn = rows.ErrNoColumn
	// ErrColumnType is a column whose Arrow type splitter cannot hold as
	// pandas would (dates, timestamps, decimals, binary, nested types) for
	// use as labels, groups or weights. Such columns are still copied.
	ErrColumnType = errors.New("column type not supported for labels, groups or weights")
)

// DefaultCacheBytes is the default bound on decoded row groups kept in
// memory while writing.
const DefaultCacheBytes = 256 << 20

// Options configures Open.
type Options struct {
	// CacheBytes bounds the uncompressed bytes of the row groups kept
	// decoded for writing, from one write to the next until Close; 0
	// means DefaultCacheBytes. A smaller bound lowers peak memory and
	// re-reads row groups more often.
	CacheBytes int64
	// ChunkRows is how many output rows are gathered per step; 0 means
	// 65536.
	ChunkRows int
	// Writer is the version of the rules rows are written by; 0 means
	// LatestWriter. Open refuses a version it does not know
	// (ErrWriterVersion).
	Writer WriterVersion
}

// File is an open Parquet file.
type File struct {
	name        string
	pr          *file.Reader
	fr          *pqreader.FileReader
	schema      *arrow.Schema
	names       []string
	n           int
	rgStart     []int // rgStart[g] is the first row of row group g; len = groups+1
	rgBytes     []int64
	rgMaxRows   int
	rgEven      int    // rows of every row group but the last, when they are equal and the last no longer; 0 otherwise
	arrowSchema string // the file's ARROW:schema value, "" when none
	leaves      []int  // every leaf column index
	allLeaves   map[int]bool
	codecs      []compress.Compression
	opts        Options
	rules       WriterRules // of opts.Writer
	mem         memory.Allocator
	allocLimit  int                   // the most one allocation for reading may take
	broken      atomic.Pointer[error] // set once a read finds the file damaged
	src         io.ReaderAt
	chunks      []chunk          // of row group g, leaf c at g*len(leaves)+c
	scanned     []atomic.Bool    // chunks whose pages scanChunk has passed
	cache       *groupCache      // decoded row groups, kept for every write
	cacheMem    memory.Allocator // the cache's buffers (offHeap)
}

// Open opens the Parquet file at path and reads its footer (schema and row
// group layout); no data is read until a column is read or rows written.
func Open(path string, opts Options) (*File, error) {
	f, err := rows.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	p, err := OpenReader(path, f, opts)
	if err != nil {
		f.Close()
		return nil, err
	}
	return p, nil
}

// OpenReader is Open for a Parquet file held by r (an *os.File, a
// *bytes.Reader, an object-store reader, ...); name is used in error
// messages. Close closes r when it is an io.Closer.
func OpenReader(name string, r parquet.ReaderAtSeeker, opts Options) (p *File, err error) {
	path := name
	defer catch(name, &err)
	rules, err := opts.Writer.Rules()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// Data is decoded through an allocator refusing any one allocation a
	// file of this size cannot need; output is built with an unbounded one.
	allocLimit := int(max(baseAlloc, min(size, 1<<40)*allocPerByte))
	readMem := boundedAllocator{memory.NewGoAllocator(), allocLimit}
	if opts.CacheBytes <= 0 {
		opts.CacheBytes = DefaultCacheBytes
	}
	if opts.ChunkRows <= 0 {
		opts.ChunkRows = 1 << 16
	}
	props := parquet.NewReaderProperties(readMem)
	// Column chunks are read through buffers of 256 KiB, or of the
	// file's size when smaller (one is allocated per column chunk read:
	// 1 MiB ones were a tenth of a split's garbage).
	props.BufferSize, props.BufferedStreamEnabled = min(256<<10, max(size, 1<<10)), true
	pr, err := file.NewParquetReader(r, file.WithReadProps(props))
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", path, ErrParquet, clean(err.Error()))
	}
	if kv := pr.MetaData().KeyValueMetadata(); kv != nil {
		if v := kv.FindValue("ARROW:schema"); v != nil {
			if err := checkArrowSchema(*v); err != nil {
				return nil, damaged(path, "%v", err)
			}
		}
	}
	// splitter's own reader decodes on the calling goroutine (see catch).
	fr, err := pqreader.NewFileReader(pr, readMem)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", path, ErrParquet, clean(err.Error()))
	}
	chunks, err := check(path, pr, fr, size)
	if err != nil {
		return nil, err
	}
	sc, err := fr.Schema()
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", path, ErrParquet, clean(err.Error()))
	}
	q := &File{name: path, pr: pr, fr: fr, schema: sc, opts: opts, rules: rules, allocLimit: allocLimit, mem: memory.NewGoAllocator(), allLeaves: map[int]bool{}, src: r, chunks: chunks, scanned: make([]atomic.Bool, len(chunks))}
	q.cache, q.cacheMem = newGroupCache(q), newOffHeap(2*opts.CacheBytes)
	for _, fl := range sc.Fields() {
		q.names = append(q.names, fl.Name)
	}
	md := pr.MetaData()
	if kv := md.KeyValueMetadata(); kv != nil && kv.FindValue("ARROW:schema") != nil {
		q.arrowSchema = *kv.FindValue("ARROW:schema")
	}
	for c := 0; c < md.Schema.NumColumns(); c++ {
		q.leaves = append(q.leaves, c)
		q.allLeaves[c] = true
	}
	q.rgStart = make([]int, pr.NumRowGroups()+1)
	q.rgBytes = make([]int64, pr.NumRowGroups())
	for g := 0; g < pr.NumRowGroups(); g++ {
		rg := md.RowGroup(g)
		rows := int(rg.NumRows())
		q.rgStart[g+1] = q.rgStart[g] + rows
		q.rgBytes[g] = rg.TotalByteSize()
		q.rgMaxRows = max(q.rgMaxRows, rows)
	}
	q.n = q.rgStart[len(q.rgStart)-1]
	q.rgEven = evenGroups(q.rgStart)
	if pr.NumRowGroups() > 0 {
		rg := md.RowGroup(0)
		for c := 0; c < rg.NumColumns(); c++ {
			cc, err := rg.ColumnChunk(c)
			if err != nil {
				break
			}
			q.codecs = append(q.codecs, cc.Compression())
		}
	}
	return q, nil
}

// evenGroups is the rows of every row group but the last when they are
// all the same, non-zero, and the last holds no more; 0 otherwise.
func evenGroups(start []int) int {
	if len(start) < 2 {
		return 0
	}
	r := start[1] - start[0]
	for g := 1; g+1 < len(start); g++ {
		if rows := start[g+1] - start[g]; rows > r || (rows != r && g+2 < len(start)) {
			return 0
		}
	}
	return r
}

// IsParquetPath reports whether path names a Parquet file (.parquet, any
// case).
func IsParquetPath(path string) bool {
	return strings.HasSuffix(strings.ToLower(path), ".parquet")
}

// Len returns the number of rows, len(pd.read_parquet(path)).
func (p *File) Len() int { return p.n }

// Names returns the column names, list(pd.read_parquet(path).columns)
// (pandas index columns stored as __index_level_N__ included).
func (p *File) Names() []string { return append([]string(nil), p.names...) }

// Schema returns the file's Arrow schema, key-value metadata included.
func (p *File) Schema() *arrow.Schema { return p.schema }

// RowGroups returns the number of row groups.
func (p *File) RowGroups() int { return len(p.rgBytes) }

// Close closes the file and frees the decoded row groups kept for writing
// (held outside the Go heap: a File never closed keeps them).
func (p *File) Close() error {
	if p.pr == nil {
		return nil
	}
	p.cache.release()
	err := p.pr.Close() // closes the reader too when it is an io.Closer
	p.pr = nil
	return err
}

// column returns the index of the column called name.
func (p *File) column(name string) (int, error) {
	for i, n := range p.names {
		if n == name {
			return i, nil
		}
	}
	return -1, &rows.ParseError{File: p.name, Err: fmt.Errorf("%w %q", ErrNoColumn, name)}
}
