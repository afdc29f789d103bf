package audit

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"hash/maphash"
	"io"
	"os"
	"slices"

	"github.com/splitter-dev/splitter/internal/pages"
	"github.com/splitter-dev/splitter/internal/pqfooter"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// CompareOptions says how a Comparer reads a file and reports on it.
type CompareOptions struct {
	Layout   Layout
	Sep      byte // the CSV delimiter; 0 means ','
	AnyOrder bool // rows compared as multisets (the header still in place)
	// Quote lets the Diff carry the bytes of the rows that differ
	// (Diff.Want, Diff.Got). Without it a report names rows and lines only.
	Quote bool
	// Shards reads a directory or glob path as a part written as shards
	// (PartFiles, in name order; a user's argument, never a manifest's
	// path, which names each shard).
	Shards bool
}

// chunk is how much of the file a Comparer reads at a time.
const chunk = 256 << 10

// readSize is how much of f to read at a time: chunk, or for a smaller
// file (its size known) its whole content at once, so that comparing a
// small file does not allocate and clear a chunk's buffers. 4 KiB at
// least: a file growing meanwhile is still read in pages.
func readSize(f io.Closer) int {
	file, ok := f.(*os.File)
	if !ok {
		return chunk
	}
	st, err := file.Stat()
	if err != nil || st.Size() >= chunk {
		return chunk
	}
	return max(4<<10, int(st.Size())+1)
}

// Comparer checks, as a recipe writes its output to it, that a file holds
// the same content: the file is read alongside (decompressed once, as a
// stream, when its name ends in .gz), compared byte for byte, and from the
// first differing byte on cut into rows of which only 8-byte hashes are
// kept. Memory grows with the rows, never with the bytes. It also computes
// the SHA-256 of the file's (uncompressed) content, as a manifest records
// it.
//
// In order, the bytes before the first difference are the same on both
// sides and are not cut into rows as they pass: a file that matches is
// only read, hashed and compared. At a difference, the rows before it
// are counted by reading the file's first bytes again (catchUp).
type Comparer struct {
	ctx  context.Context
	path string // the file read
	name string // the file's name in reports
	o    CompareOptions
	seed maphash.Seed

	f   io.Closer // the file (or shard) read
	gz  io.Closer // the decompressor, for a compressed file
	r   io.Reader
	sum hash.Hash
	buf []byte

	want, got *rowHasher
	lazy      bool  // want is not fed before the first differing byte (catchUp)
	split     bool  // got is fed apart from want (from the first differing byte)
	off       int64 // bytes of the expected content seen
	diffAt    int64 // the first differing byte (-1: none yet)
	diffLine  int   // its line
	ended     bool  // the file ended
	done      bool

	// tail is, in a byte-for-byte comparison (Parquet), the expected
	// bytes from the first difference on, up to maxTail (tailDropped
	// past that): enough to see whether the file differs only in the
	// order of its footer's page encoding stats (footerOrderOnly).
	tail        []byte
	tailDropped bool
}

// maxTail bounds Comparer.tail: a difference further from the end than
// this is not in a footer's encoding stats.
const maxTail = 64 << 20

// NewComparer opens path (a regular file only: a FIFO or device is refused
// with rows.ErrNotRegular without blocking) for a comparison; name is how
// reports call it. ctx stops the comparison (Write returns ctx.Err()).
func NewComparer(ctx context.Context, path, name string, o CompareOptions) (*Comparer, error) {
	f, r, gz, err := openPart(path, o.Layout, o.Shards)
	if err != nil {
		return nil, err
	}
	seed := maphash.MakeSeed()
	c := &Comparer{ctx: ctx, path: path, name: name, o: o, seed: seed, f: f, gz: gz, r: r,
		sum: sha256.New(), buf: make([]byte, chunkOf(f, gz)), diffAt: -1}
	pages.Populate(c.buf)
	if o.Layout != WholeBytes {
		// In order, the rows before the first differing byte are the
		// same on both sides: only those from there on are kept (none
		// when the file matches). In any order all are.
		c.want = newRowHasher(o.Layout, o.Sep, seed, o.Quote)
		c.want.store = o.AnyOrder
		c.lazy = !o.AnyOrder
	}
	return c, nil
}

// openPart is openContent of a part: a file, or with shards the shards a
// directory or glob names, read as one file (their headers but the
// first's dropped; Parquet shards refused).
func openPart(path string, layout Layout, shards bool) (io.Closer, io.Reader, io.Closer, error) {
	if !shards {
		return openContent(path)
	}
	files, err := PartFiles(path)
	if errors.Is(err, table.ErrNoFiles) {
		return openContent(path) // an empty folder is no file: ErrNotRegular
	}
	if err != nil {
		return nil, nil, nil, err
	}
	if len(files) == 1 && files[0] == path {
		return openContent(path)
	}
	if layout == WholeBytes {
		return nil, nil, nil, fmt.Errorf("%s: %w", path, ErrParquetShards)
	}
	s, err := openShards(files, layout != LineRows)
	if err != nil {
		return nil, nil, nil, err
	}
	return s, s, nil, nil
}

// contentName is path without the extension of the compression its
// content is read through ("data.csv.bz2" → "data.csv").
func contentName(path string) string { return rows.TrimCompression(path) }

// openContent opens path for reading its content, decompressing a
// compressed file (.gz, .bz2, .zip, .xz, .zst) as pandas reads it.
func openContent(path string) (*os.File, io.Reader, io.Closer, error) {
	f, err := rows.OpenRegular(path)
	if err != nil {
		return nil, nil, nil, err
	}
	if !rows.IsCompressedPath(path) {
		return f, bufio.NewReaderSize(f, readSize(f)), nil, nil
	}
	zr, err := rows.Decompress(f, path)
	if err != nil {
		f.Close()
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, zr, zr, nil
}

// chunkOf is how much of the content read from f a Comparer takes at a
// time: readSize of a file read as it is, chunk through a decompressor.
func chunkOf(f, gz io.Closer) int {
	if gz != nil {
		return chunk
	}
	return readSize(f)
}

// Write compares p, the next bytes the recipe writes, with the file's.
func (c *Comparer) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if err := c.ctx.Err(); err != nil {
			return n - len(p), err
		}
		k := min(len(p), len(c.buf))
		piece := p[:k]
		m := 0
		if !c.ended {
			var err error
			m, err = io.ReadFull(c.r, c.buf[:k])
			switch {
			case err == io.EOF || err == io.ErrUnexpectedEOF:
				c.ended = true
			case err != nil:
				return n - len(p), fmt.Errorf("%s: %w", c.path, err)
			}
			c.sum.Write(c.buf[:m])
		}
		found := c.buf[:m]
		at := -1
		if c.diffAt < 0 {
			if i := firstDiff(piece[:m], found); i >= 0 {
				at = i
			} else if m < k {
				at = m
			}
		}
		if at >= 0 {
			// Both sides are fed up to the first differing byte, then
			// marked there, then fed the rest.
			c.feed(piece[:at], found[:min(at, m)])
			if err := c.mark(c.off + int64(at)); err != nil {
				return n - len(p), err
			}
			c.feed(piece[at:], found[min(at, m):])
		} else {
			c.feed(piece, found)
		}
		if c.o.Layout == WholeBytes && c.diffAt >= 0 {
			c.keepTail(piece[max(at, 0):])
		}
		c.off += int64(k)
		p = p[k:]
	}
	return n, nil
}

// feed gives the row hashers the expected bytes want and the file's got.
// Up to the first differing byte the two are the same bytes, and only
// want is fed: got takes want's state at the mark (split).
func (c *Comparer) feed(want, got []byte) {
	if c.want != nil && !c.lazy {
		c.want.Write(want)
		if c.split {
			c.got.Write(got)
		}
	}
}

// splitHashers gives got want's state, once: from here on the two sides
// are fed apart.
func (c *Comparer) splitHashers() {
	if c.want == nil || c.split {
		return
	}
	c.split = true
	c.got = c.want.twin()
}

// mark records the first differing byte, at, and asks both row hashers to
// keep the record that holds it (the same one on both sides: up to at the
// bytes, and so the records, are the same).
func (c *Comparer) mark(at int64) error {
	c.diffAt = at
	if err := c.catchUp(at); err != nil {
		return err
	}
	c.splitHashers()
	if c.want != nil {
		c.diffLine = c.want.line
		c.want.capture(c.want.next())
		c.got.capture(c.got.next())
		c.want.store, c.got.store = true, true
	}
	return nil
}

// catchUp feeds a lazy want the file's first n bytes, the same as the
// expected ones up to the first difference: want is then as if it had
// been fed all along. A file that no longer holds them changed meanwhile
// (rows.ErrInputChanged).
func (c *Comparer) catchUp(n int64) error {
	if !c.lazy {
		return nil
	}
	c.lazy = false
	f, r, gz, err := openPart(c.path, c.o.Layout, c.o.Shards)
	if err != nil {
		return err
	}
	defer f.Close()
	if gz != nil {
		defer gz.Close()
	}
	buf := make([]byte, chunk)
	for n > 0 {
		if err := c.ctx.Err(); err != nil {
			return err
		}
		m, err := io.ReadFull(r, buf[:min(n, int64(len(buf)))])
		c.want.Write(buf[:m])
		n -= int64(m)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return fmt.Errorf("%s: %w", c.path, rows.ErrInputChanged)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", c.path, err)
		}
	}
	return nil
}

// firstDiff is the first position where a and b (of equal length) differ,
// -1 when they are equal.
func firstDiff(a, b []byte) int {
	if bytes.Equal(a, b) {
		return -1
	}
	for i := range a {
		if a[i] != b[i] {
			return i
		}
	}
	return -1
}

// Close releases the file.
func (c *Comparer) Close() error {
	if c.f == nil {
		return nil
	}
	err := c.f.Close()
	c.f = nil
	return err
}

// Finish reads the rest of the file and returns how it differs from what
// was written (Diff.Equal when it holds exactly that content, or with
// AnyOrder the same header and rows), and the hex SHA-256 of the file's
// content. The file is closed.
func (c *Comparer) Finish() (Diff, string, error) {
	defer c.Close()
	for !c.ended {
		if err := c.ctx.Err(); err != nil {
			return Diff{}, "", err
		}
		m, err := c.r.Read(c.buf)
		if m > 0 {
			if c.diffAt < 0 {
				if err := c.mark(c.off); err != nil {
					return Diff{}, "", err
				}
			}
			c.sum.Write(c.buf[:m])
			if c.got != nil {
				c.got.Write(c.buf[:m])
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return Diff{}, "", fmt.Errorf("%s: %w", c.path, err)
		}
	}
	if c.gz != nil {
		if err := c.gz.Close(); err != nil {
			return Diff{}, "", fmt.Errorf("%s: %w", c.path, err)
		}
	}
	sum := hex.EncodeToString(c.sum.Sum(nil))
	if c.o.Layout == WholeBytes {
		if c.diffAt < 0 || c.footerOrderOnly() {
			return Diff{File: c.name, Row: -1}, sum, nil
		}
		return Diff{File: c.name, Row: 1, Binary: true, Offset: c.diffAt}, sum, nil
	}
	c.splitHashers()
	c.want.finish()
	c.got.finish()
	if c.diffAt < 0 && !c.o.AnyOrder {
		return Diff{File: c.name, Row: -1}, sum, nil
	}
	d, err := c.rowDiff()
	return d, sum, err
}

// rowOf is the Diff.Row of the record of index i.
func (c *Comparer) rowOf(i int) int {
	if c.o.Layout == LineRows {
		return i + 1
	}
	return i
}

// rowDiff compares the rows' hashes, as CompareRecords compares rows.
// Records before the first differing byte were only counted, the same
// number on both sides: they are the same rows in the same places, so the
// counts of missing, extra and misplaced rows need only those after.
func (c *Comparer) rowDiff() (Diff, error) {
	d := Diff{File: c.name, Row: -1, AnyOrder: c.o.AnyOrder}
	wh, gh := c.want.hashes, c.got.hashes
	base := c.want.skipped // the index of wh[0] and gh[0]
	if c.o.Layout == CSVRows && base == 0 {
		base = 1
		switch {
		case len(wh) == 0 && len(gh) == 0:
		case len(wh) == 0 || len(gh) == 0 || wh[0] != gh[0]:
			d.Row, d.Line = 0, 1
			d.WantEnd, d.GotEnd = len(wh) == 0, len(gh) == 0
			if c.o.Quote {
				d.Want, d.Got = c.want.capRec, c.got.capRec
				if d.Want == nil && !d.WantEnd {
					d.Want = []byte{}
				}
			}
			d.Missing, d.Extra, d.Misplaced = counts(tail(wh), tail(gh))
			return d, nil
		}
		wh, gh = tail(wh), tail(gh)
	}
	d.Missing, d.Extra, d.Misplaced = counts(wh, gh)
	at := func(i int) int { return c.rowOf(i + base) }
	if c.o.AnyOrder {
		if d.Missing == 0 && d.Extra == 0 {
			return d, nil
		}
		extra, missing := firstUnmatched(gh, wh), firstUnmatched(wh, gh)
		if missing >= 0 {
			d.MissingRow = at(missing)
		}
		if extra < 0 {
			d.Row, d.GotEnd = at(len(gh)), true
			return d, nil
		}
		d.Row, d.WantEnd = at(extra), true
		return d, c.fileRow(&d, extra+base)
	}
	for i := 0; i < len(wh) || i < len(gh); i++ {
		if i < len(wh) && i < len(gh) && wh[i] == gh[i] {
			continue
		}
		d.Row = at(i)
		d.WantEnd, d.GotEnd = i >= len(wh), i >= len(gh)
		if c.o.Quote && c.want.capDone && c.want.capIdx == i+base {
			d.Want = c.want.capRec
		}
		if d.GotEnd {
			return d, nil
		}
		return d, c.fileRow(&d, i+base)
	}
	// The same rows; the bytes differ between them (line ends, blank lines).
	d.LineEnds, d.Offset, d.Line = true, c.diffAt, c.diffLine
	d.Row = c.rowOf(min(c.want.capIdx, c.want.next()-1))
	if d.Row < 0 {
		d.Row = c.rowOf(0)
	}
	return d, nil
}

func tail(h []uint64) []uint64 {
	if len(h) == 0 {
		return nil
	}
	return h[1:]
}

// fileRow fills in the line of the file's record of index i and, when
// rows may be quoted, its bytes: from the capture made at the first
// differing byte when it is that record, else by reading the file again.
func (c *Comparer) fileRow(d *Diff, i int) error {
	if c.got.capDone && c.got.capIdx == i && !c.o.Quote {
		d.Line = c.got.capLine
		return nil
	}
	f, r, gz, err := openPart(c.path, c.o.Layout, c.o.Shards)
	if err != nil {
		return err
	}
	defer f.Close()
	h := newRowHasher(c.o.Layout, c.o.Sep, c.seed, c.o.Quote)
	h.capture(i)
	for !h.capDone {
		if err := c.ctx.Err(); err != nil {
			return err
		}
		m, err := r.Read(c.buf)
		h.Write(c.buf[:m])
		if err == io.EOF {
			h.finish()
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", c.path, err)
		}
	}
	if gz != nil {
		gz.Close()
	}
	if h.capDone {
		d.Line = h.capLine
		if c.o.Quote {
			d.Got = h.capRec
		}
	}
	return nil
}

// counts returns the rows of want that got lacks, the rows of got beyond
// want's (both as multisets), and the rows in both but not in place.
func counts(want, got []uint64) (missing, extra, misplaced int) {
	inPlace := 0
	for i := 0; i < len(want) && i < len(got); i++ {
		if want[i] == got[i] {
			inPlace++
		}
	}
	w, g := slices.Clone(want), slices.Clone(got)
	slices.Sort(w)
	slices.Sort(g)
	common := 0
	for i, j := 0, 0; i < len(w) && j < len(g); {
		switch {
		case w[i] == g[j]:
			common++
			i++
			j++
		case w[i] < g[j]:
			i++
		default:
			j++
		}
	}
	return len(want) - common, len(got) - common, common - inPlace
}

// firstUnmatched is the index of the first row of a that b does not
// account for, rows matched in order as multisets (-1: none).
func firstUnmatched(a, b []uint64) int {
	left := make(map[uint64]int32, len(b))
	for _, h := range b {
		left[h]++
	}
	for i, h := range a {
		if left[h] == 0 {
			return i
		}
		left[h]--
	}
	return -1
}

// keepTail adds expected bytes to c.tail, or drops it past maxTail.
func (c *Comparer) keepTail(p []byte) {
	if c.tailDropped {
		return
	}
	if len(c.tail)+len(p) > maxTail {
		c.tail, c.tailDropped = nil, true
		return
	}
	c.tail = append(c.tail, p...)
}

// footerOrderOnly reports whether the Parquet file differs from the
// expected bytes only in the order of the page encoding stats its footer
// lists: the same length, the same bytes up to the footer, the same footer
// once both are in pqfooter's canonical order. Arrow's writer took that
// order from Go's map iteration (see internal/pqwriter's footerSink), so
// outputs written before splitter fixed it hold either order.
func (c *Comparer) footerOrderOnly() bool {
	if c.gz != nil || c.tailDropped {
		return false
	}
	footer, err := pqfooter.Size(c.tail)
	if err != nil {
		return false
	}
	size := c.diffAt + int64(len(c.tail))
	n := int64(footer) + 8
	start := size - n
	if start < 0 || start > c.diffAt || n > 2*maxTail {
		return false
	}
	f, err := rows.OpenRegular(c.path)
	if err != nil {
		return false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.Size() != size {
		return false
	}
	got := make([]byte, n)
	if _, err := f.ReadAt(got, start); err != nil {
		return false
	}
	want := append(append([]byte(nil), got[:c.diffAt-start]...), c.tail...)
	if !bytes.Equal(got[n-8:], want[n-8:]) {
		return false
	}
	g, err := pqfooter.Canonical(got[:n-8])
	if err != nil {
		return false
	}
	w, err := pqfooter.Canonical(want[:n-8])
	return err == nil && bytes.Equal(g, w)
}
