package rows

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
)

// Spooled is a stream (standard input) copied to an unlinked temporary
// file, so that it can be indexed, read twice and hashed like a file.
type Spooled struct {
	name    string // how errors call it
	f       *os.File
	cleanup func() error
	size    int64
	sum     string
	tempDir string
}

// Spool copies r to an unlinked temporary file in tempDir ("" means
// os.TempDir()), hashing it as it goes. Like a decompressed input it stops
// with ctx.Err() when ctx is done and with ErrTempSpace before the
// temporary directory runs short of space. name is how errors call the
// stream ("standard input"). Close removes the copy.
func Spool(ctx context.Context, r io.Reader, name, tempDir string) (*Spooled, error) {
	f, cleanup, err := createUnlinked(tempDir, "splitter-stdin-*")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	h := sha256.New()
	n, err := copyBounded(ctx, io.MultiWriter(f, h), r, name, "reading", tmpDirOf(tempDir))
	if err != nil {
		f.Close()
		cleanup()
		return nil, err
	}
	return &Spooled{name: name, f: f, cleanup: cleanup, size: n, sum: hex.EncodeToString(h.Sum(nil)), tempDir: tempDir}, nil
}

// SHA256 is the hex SHA-256 of the bytes read (compressed or not).
func (s *Spooled) SHA256() string { return s.sum }

// Size is the number of bytes read.
func (s *Spooled) Size() int64 { return s.size }

// Sniffed is what a stream's first bytes say it holds.
type Sniffed struct {
	// Compression is pandas' name for the compression its magic bytes
	// show ("gzip", "bz2", "xz", "zstd"), "" for none.
	Compression string
	// Parquet: the (uncompressed) stream starts with "PAR1".
	Parquet bool
	// Format is JSONLines when the first byte after ASCII spaces of the
	// uncompressed stream is "{", else CSV.
	Format Format
}

// sniffLen is how many bytes sniffing looks at.
const sniffLen = 4 << 10

// sniffCodecs are the compressions recognised by their magic bytes
// (a zip archive is not: pandas cannot read one from a stream).
var sniffCodecs = []string{"gzip", "bz2", "xz", "zstd"}

// Sniff reports what the stream holds, from its first bytes: compression
// magic, then (decompressing those) Parquet's "PAR1" or a JSON object.
func (s *Spooled) Sniff() Sniffed {
	head := make([]byte, sniffLen)
	n, _ := s.f.ReadAt(head, 0)
	head = head[:n]
	var out Sniffed
	if c := magicCodec(head); c != nil {
		out.Compression = c.name
		head = s.peekDecompressed(c)
	}
	out.Parquet = bytes.HasPrefix(head, []byte("PAR1"))
	out.Format = CSV
	if t := bytes.TrimLeft(head, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		out.Format = JSONLines
	}
	return out
}

// magicCodec is the compression whose magic bytes head starts with.
func magicCodec(head []byte) *codec {
	for _, c := range codecs() {
		for _, name := range sniffCodecs {
			if c.name == name && bytes.HasPrefix(head, []byte(c.magic)) {
				return &c
			}
		}
	}
	return nil
}

// peekDecompressed is the first bytes of the spool decompressed with c
// (as many as decode without error).
func (s *Spooled) peekDecompressed(c *codec) []byte {
	r, err := c.open(s.f, s.size)
	if err != nil {
		return nil
	}
	defer r.Close()
	head := make([]byte, sniffLen)
	n, _ := io.ReadFull(r, head)
	return head[:n]
}

// Index indexes the stream as pandas reads it: decompressed as sniffed,
// then read_csv (sep=opts.Sep, ',' when 0) or, with opts.Format
// JSONLines, read_json(lines=True). Auto takes the sniffed format. The
// Index owns the spooled copy from then on (Close removes it); s is spent,
// also after an error.
func (s *Spooled) Index(ctx context.Context, opts Options) (*Index, error) {
	sn := s.Sniff()
	if sn.Parquet {
		s.Close()
		return nil, fmt.Errorf("%s: %w: Parquet bytes, read as rows of text (give --format parquet)", s.name, ErrCompression)
	}
	if opts.Format == Auto {
		opts.Format = sn.Format
	}
	if opts.Sep == 0 {
		opts.Sep = ','
	}
	if opts.TempDir == "" {
		opts.TempDir = s.tempDir
	}
	var data []byte
	var release func() error
	var src io.ReaderAt
	var err error
	if c := codecNamed(sn.Compression); c != nil {
		data, release, src, err = decompressToTemp(ctx, s.f, s.size, s.name, opts.TempDir, c)
		s.Close()
	} else {
		src = s.f
		data, release, err = mapFile(s.f, s.cleanup)
		s.f = nil
	}
	if err != nil {
		return nil, err
	}
	ix, err := indexMapped(s.name, data, release, opts, nil)
	if err == nil {
		ix.src = src
	}
	return ix, err
}

// SpoolFile is a spooled copy handed over: closing it removes it.
type SpoolFile interface {
	io.ReaderAt
	io.Seeker
	io.Closer
}

// spoolFile is the file of a Spooled handed over.
type spoolFile struct {
	*os.File
	cleanup func() error
}

func (f spoolFile) Close() error {
	err := f.File.Close()
	if cerr := f.cleanup(); err == nil {
		err = cerr
	}
	return err
}

// File hands over the spooled copy (to read it as Parquet, say); the
// caller closes it. s is spent.
func (s *Spooled) File() SpoolFile {
	f := spoolFile{s.f, s.cleanup}
	s.f = nil
	return f
}

// Close removes the spooled copy, unless it was handed over.
func (s *Spooled) Close() error {
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	s.f = nil
	if cerr := s.cleanup(); err == nil {
		err = cerr
	}
	return err
}
