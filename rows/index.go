package rows

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"unicode/utf8"
	"unsafe"
)

// Options configures how a file is read.
type Options struct {
	// Sep is the field delimiter, as read_csv(sep=...) with a one-character
	// sep; 0 means ',' (or '\t' for a .tsv file in IndexFile).
	Sep byte
	// Format is the input format; Auto picks JSON Lines for .jsonl and
	// .ndjson paths (also gzipped) in IndexFile, CSV otherwise.
	Format Format
	// TempDir is where temporary files go (a decompressed .gz input, the
	// spill of a large output); "" means os.TempDir(). They are unlinked
	// as soon as they are created where the system allows it.
	TempDir string
	// ParquetWriter is the version of the rules a Parquet input's rows
	// are written by (parquetrows.WriterVersion); 0 means the newest.
	ParquetWriter int
}

// Format is an input format.
type Format int

// Formats.
const (
	Auto      Format = iota // from the file name (IndexFile), CSV for IndexBytes
	CSV                     // pandas.read_csv
	JSONLines               // pandas.read_json(lines=True)
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Index is the result of the first pass over a CSV: where each row's record
// starts, plus the header. It holds about four bytes per row (see
// offsets); the file's bytes stay on disk (memory-mapped) until Close.
type Index struct {
	name       string
	data       []byte
	release    func() error
	sep        byte
	header     []byte // header bytes as written to outputs, BOM included
	headerEOL  []byte // the header's line end, "\n" when it has none
	hfields    int    // fields of the header line
	names      []string
	leading    int     // leading index columns (first data row longer than the header)
	offs       offsets // rows+1 record starts; the last is the end of the data
	jsonl      bool    // JSON Lines: one row a line, no header
	freeStarts func()
	stamp      *fileStamp  // the input file as opened (Unchanged); nil when not from a file
	src        io.ReaderAt // the mapped file, open until Close, for copies that read it without mapping its pages (nil: none)
	drop       bool        // data is a mapped file read with drop-behind
	tempDir    string      // Options.TempDir
}

// IndexFile memory-maps the file at path and indexes its rows as
// pandas.read_csv(path, sep=opts.Sep) numbers them. A path ending in .gz is
// decompressed first (to a temporary file, removed by Close), as pandas does
// for compression="infer". Close releases the file.
func IndexFile(path string, opts Options) (*Index, error) {
	return IndexFileContext(context.Background(), path, opts)
}

// IndexFileContext is IndexFile that stops with ctx.Err() when ctx is done
// while a .gz input is decompressed (checked every 256 KiB of output). The
// errors it returns name the file: a *ParseError for bad input,
// ErrInputChanged when the file shrinks while it is read, ErrTempSpace
// when decompressing would fill the temporary directory.
func IndexFileContext(ctx context.Context, path string, opts Options) (*Index, error) {
	if opts.Sep == 0 {
		opts.Sep = sepForPath(path)
	}
	data, release, stamp, src, err := openData(ctx, path, opts.TempDir)
	if err != nil {
		return nil, err
	}
	if opts.Format == Auto && isJSONLPath(path) {
		opts.Format = JSONLines
	}
	ix, err := indexMapped(path, data, release, opts, stamp)
	if err == nil {
		ix.src = src
	}
	return ix, err
}

// indexMapped indexes data, the mapped content of the input called name
// (read as opts.Format says; Auto is CSV), released by release (also on an
// error).
func indexMapped(name string, data []byte, release func() error, opts Options, stamp *fileStamp) (*Index, error) {
	var ix *Index
	err := guardMapped(name, data, func() (err error) {
		if testHookMapped != nil {
			testHookMapped(name)
		}
		if opts.Format == JSONLines {
			ix, err = indexJSONL(name, data)
		} else {
			ix, err = indexData(name, data, opts, len(data) >= dropMin)
		}
		return err
	})
	if err != nil {
		release()
		return nil, err
	}
	ix.release = release
	ix.tempDir = opts.TempDir
	ix.stamp = stamp
	return ix, nil
}

// testHookMapped, when set (tests), runs once the input is mapped, before
// it is indexed.
var testHookMapped func(path string)

// IndexBytes indexes an in-memory CSV; name is used in error messages.
func IndexBytes(name string, data []byte, opts Options) (*Index, error) {
	if opts.Format == JSONLines {
		return indexJSONL(name, data)
	}
	if opts.Sep == 0 {
		opts.Sep = ','
	}
	return indexData(name, data, opts, false)
}

// Close releases the memory-mapped file (and any decompressed temporary)
// and the row offsets. Records returned by Record must not be used after.
func (ix *Index) Close() error {
	if ix.freeStarts != nil {
		ix.freeStarts()
		ix.freeStarts = nil
	}
	ix.offs = offsets{}
	ix.src = nil
	if ix.release == nil {
		return nil
	}
	r := ix.release
	ix.release = nil
	ix.data = nil
	return r()
}

// setStarts packs the finished starts, held in parts in order, into
// ix.offs (see packOffsets; own: parts[0] is at the start of a mapping of
// its own). free releases their memory.
func (ix *Index) setStarts(parts [][]int64, free func(), own bool) error {
	offs, freeLow, err := packOffsets(parts, own)
	if errors.Is(err, ErrHugeRecord) {
		return &ParseError{File: ix.name, Err: err}
	}
	if err != nil {
		return fmt.Errorf("%s: %w", ix.name, err)
	}
	if freeLow != nil { // the starts were copied out: their memory is free
		free()
		free = freeLow
	}
	ix.offs, ix.freeStarts = offs, free
	// An Index dropped without Close still returns its offset memory.
	runtime.AddCleanup(ix, func(free func()) { free() }, free)
	return nil
}

// allocStarts returns an empty offset slice with room for n rows, in
// huge-page memory when large, the function that frees it and, when it is
// a mapping of its own, that mapping.
func allocStarts(n int) ([]int64, func(), []byte, error) {
	b, free, mapped, err := bigAllocMapped(n * 8)
	if err != nil || n == 0 {
		return nil, free, nil, err
	}
	starts := unsafe.Slice((*int64)(unsafe.Pointer(&b[0])), n)[:0]
	if !mapped {
		b = nil
	}
	return starts, free, b, nil
}

// bufferLines is pandas' TextReader.buffer_lines: the rows per low_memory
// chunk for a table of the given width.
func bufferLines(width int) int {
	if width < 1 {
		width = 1
	}
	heuristic := (1 << 20) / width
	b := 1
	for b*2 < heuristic {
		b *= 2
	}
	return b
}

// errAt builds a ParseError for the byte at pos: its physical line and,
// when withColumn, its 1-based byte column.
func (ix *Index) errAt(pos int, withColumn bool, err error) error {
	line, col := lineCol(ix.data, pos)
	if !withColumn {
		col = 0
	}
	return &ParseError{File: ix.name, Line: line, Column: col, Err: err}
}

// lineCol returns the 1-based physical line and byte column of pos; LF,
// CRLF and a lone CR each end a line.
func lineCol(d []byte, pos int) (line, col int) {
	line = 1
	lineStart := 0
	for i := 0; i < pos; i++ {
		switch d[i] {
		case '\n':
			line++
			lineStart = i + 1
		case '\r':
			if i+1 < len(d) && d[i+1] == '\n' {
				continue
			}
			line++
			lineStart = i + 1
		}
	}
	return line, pos - lineStart + 1
}

// lineEnd returns the line end that closes rec: "\n", "\r\n", "\r" or nil.
func lineEnd(rec []byte) []byte {
	switch {
	case bytes.HasSuffix(rec, []byte("\r\n")):
		return []byte("\r\n")
	case bytes.HasSuffix(rec, []byte("\n")):
		return []byte("\n")
	case bytes.HasSuffix(rec, []byte("\r")):
		return []byte("\r")
	}
	return nil
}

// Len returns the number of rows, len(pd.read_csv(path)).
func (ix *Index) Len() int { return ix.offs.len() - 1 }

// Names returns the column names, list(pd.read_csv(path).columns): empty
// names become "Unnamed: i" and duplicates are mangled to "a.1", "a.2".
//
// For JSON Lines the names are read from the rows on the first call; if
// the file shrinks under it (ErrInputChanged), Names returns none and the
// next read of the rows reports the error.
func (ix *Index) Names() []string {
	if ix.jsonl && ix.names == nil {
		ix.guard(func() error { ix.names = ix.jsonlNames(); return nil })
	}
	return append([]string(nil), ix.names...)
}

// IndexColumns returns how many leading fields pandas reads as the index
// (the first data row had that many more fields than the header).
func (ix *Index) IndexColumns() int { return ix.leading }

// Header returns the header line as written to outputs: the input's bytes,
// a BOM included, with its line end.
func (ix *Index) Header() []byte { return ix.header }

// Record returns the bytes of row i, line end included (the last row may
// have none). The slice aliases the mapped file: do not modify it, and do
// not keep it after Close.
func (ix *Index) Record(i int) []byte {
	s, e := ix.bounds(i)
	return ix.data[s:e]
}

func (ix *Index) bounds(i int) (int, int) {
	s := int(ix.offs.at(i))
	if ix.jsonl {
		return s, jsonlEnd(ix.data, s)
	}
	return s, recordEnd(ix.data, s, s+ix.offs.size(i), ix.sep)
}

// Size returns the number of bytes of the (decompressed) input.
func (ix *Index) Size() int64 { return int64(len(ix.data)) }

func sepForPath(path string) byte {
	p := TrimCompression(path)
	if len(p) > 4 && (p[len(p)-4:] == ".tsv" || p[len(p)-4:] == ".TSV") {
		return '\t'
	}
	return ','
}

// openData maps the file at path (decompressing compressed inputs first) and
// returns the stamp of the file opened and the file mapped (the input, or
// its decompressed temporary copy; open until release).
func openData(ctx context.Context, path, tempDir string) ([]byte, func() error, *fileStamp, io.ReaderAt, error) {
	if c := codecOf(path); c != nil {
		return openCompressed(ctx, path, tempDir, c)
	}
	f, err := OpenRegular(path)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, nil, nil, err
	}
	data, release, err := mapFile(f, func() error { return nil })
	return data, release, stampOf(path, st), f, err
}

// parallelMin is the smallest input indexed in two halves at once.
const parallelMin = 4 << 20

// speculation is the scan of a file's second half from a line start.
type speculation struct {
	parts     [][]int64 // the record starts, in chunks
	more      startChunks
	maxFields int
	ok        bool  // no quote error and no row whose checks need its number
	utf8OK    bool  // data[from:] is UTF-8 (known when ok)
	err       error // no memory for more starts
}

// speculate scans data[from:] (of the file name) into res, appending
// record starts to dst (then to more chunks), and checks the text is
// UTF-8 as it goes (utf8OK is known only when ok). The caller frees
// res.more, also after a fault.
func speculate(res *speculation, name string, data []byte, sep byte, from int, dst []int64, drop bool) {
	s := newScanner(data, sep)
	starts := dst
	res.more.name = name
	maxF := 0
	pos := from
	dr := newCheckingDropper(data, from, drop)
	defer dr.finish(len(data))
	for {
		pos = s.skipBlank(pos)
		if pos >= len(data) {
			dr.checkTo(len(data))
			res.parts, res.maxFields, res.ok, res.utf8OK = res.more.parts(starts), maxF, true, !dr.bad
			return
		}
		if s.isWS(data[pos]) && data[pos-1] != '\n' {
			return
		}
		end, f, bad := s.record(pos)
		if bad >= 0 {
			return
		}
		maxF = max(maxF, f)
		if len(starts) == cap(starts) {
			var err error
			if starts, err = res.more.next(starts); err != nil {
				res.err = err
				return
			}
		}
		starts = append(starts, int64(pos))
		pos = end
		dr.advance(pos)
	}
}

// checkUTF8 reports the first byte of data[from:to] that is not UTF-8, as
// pandas' UnicodeDecodeError for the file.
func (ix *Index) checkUTF8(from, to int) error {
	if validUTF8(ix.data, from, to, ix.drop) {
		return nil
	}
	b := ix.data[from:to]
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return ix.errAt(from+i, true, ErrEncoding)
		}
		i += size
	}
	return nil
}

// IndexReaderAt indexes the first size bytes of r (for Go pipelines whose
// data is not a file: the bytes are read into memory, which IndexFile
// avoids by mapping the file). opts.Format Auto means CSV here. Close
// frees the memory.
func IndexReaderAt(name string, r io.ReaderAt, size int64, opts Options) (*Index, error) {
	if int64(int(size)) != size || size < 0 {
		return nil, fmt.Errorf("%s: size %d out of range", name, size)
	}
	buf, free, _, err := bigAllocMapped(int(size))
	if err != nil {
		return nil, reserveError(name, size, "the input", err)
	}
	if _, err := io.ReadFull(io.NewSectionReader(r, 0, size), buf); err != nil {
		free()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ix, err := IndexBytes(name, buf, opts)
	if err != nil {
		free()
		return nil, err
	}
	ix.release = func() error { free(); return nil }
	return ix, nil
}
