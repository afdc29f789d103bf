package rows

import (
	"archive/zip"
	"bufio"
	"compress/bzip2"
	"compress/gzip"
	"fmt"
	"io"
	"os"

	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"
)

// readBuf is the buffer between a compressed file and its decoder.
const readBuf = 1 << 20

// stream is the compressed bytes of src, buffered (decoders read them one
// byte at a time).
func stream(src io.ReaderAt, size int64) *bufio.Reader {
	return bufio.NewReaderSize(io.NewSectionReader(src, 0, size), readBuf)
}

// gzipStream reads the members of a gzip file as Python's gzip module
// does: all of them, skipping NUL bytes after each (trailing zero padding
// ends the file; anything else must be another member).
type gzipStream struct {
	br     *bufio.Reader
	zr     *gzip.Reader
	member int  // members started
	inside bool // a member is being read
}

// openGzipStream is gzip.open(src).read() as a stream. The first member's
// header is read at once (an empty file is no data).
func openGzipStream(src io.ReaderAt, size int64) (io.ReadCloser, error) {
	g := &gzipStream{br: stream(src, size)}
	if err := g.next(); err != nil && err != io.EOF {
		return nil, err
	}
	return io.NopCloser(g), nil
}

func (g *gzipStream) Read(p []byte) (int, error) {
	for !g.inside {
		if err := g.next(); err != nil {
			return 0, err
		}
	}
	n, err := g.zr.Read(p)
	if err == io.EOF {
		g.inside = false
		err = nil
	}
	return n, err
}

// next starts the next member, or returns io.EOF after the last one (or
// for an empty file: no data, as pandas reads it, no columns).
func (g *gzipStream) next() error {
	if g.member > 0 {
		for {
			c, err := g.br.ReadByte()
			if err != nil {
				return err
			}
			if c != 0 {
				g.br.UnreadByte()
				break
			}
		}
	}
	var err error
	if g.zr == nil {
		g.zr, err = gzip.NewReader(g.br)
	} else {
		err = g.zr.Reset(g.br)
	}
	if err == io.EOF && g.member > 0 {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return err
	}
	g.zr.Multistream(false)
	g.member++
	g.inside = true
	return nil
}

// bzip2Stream is bz2.open(src).read(): every stream of the file, in
// order. As Python's reader, it stops at bytes after a stream that do not
// start another ("BZ"), rather than fail.
type bzip2Stream struct {
	r io.Reader
}

// errBzip2Trailing is what compress/bzip2 says of bytes after a stream
// that do not start another.
const errBzip2Trailing = bzip2.StructuralError("bad magic value in continuation file")

func openBzip2(src io.ReaderAt, size int64) (io.ReadCloser, error) {
	if size == 0 {
		// Python: "Compressed file ended before the end-of-stream
		// marker was reached".
		return nil, io.ErrUnexpectedEOF
	}
	return io.NopCloser(bzip2Stream{bzip2.NewReader(stream(src, size))}), nil
}

func (b bzip2Stream) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err == errBzip2Trailing {
		err = io.EOF
	}
	return n, err
}

// openXz is lzma.open(src).read() for .xz files: every stream, with the
// stream padding between them.
func openXz(src io.ReaderAt, size int64) (io.ReadCloser, error) {
	r, err := xz.NewReader(stream(src, size))
	if err != nil {
		return nil, err
	}
	return io.NopCloser(r), nil
}

// zstdMaxWindow is the largest window a .zst input may ask for: libzstd's
// default limit (ZSTD_WINDOWLOG_LIMIT_DEFAULT, 2^27), which Python's
// zstandard module keeps.
const zstdMaxWindow = 1 << 27

// openZstd is zstandard.open(src).read(): every frame.
func openZstd(src io.ReaderAt, size int64) (io.ReadCloser, error) {
	d, err := zstd.NewReader(stream(src, size), zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(zstdMaxWindow))
	if err != nil {
		return nil, err
	}
	return d.IOReadCloser(), nil
}

// openZip is pandas' read of a .zip: the archive must hold exactly one
// entry (zipfile.ZipFile.namelist(), folders included), which is read.
func openZip(src io.ReaderAt, size int64) (io.ReadCloser, error) {
	z, err := zip.NewReader(src, size)
	if err != nil {
		return nil, err
	}
	switch len(z.File) {
	case 0:
		return nil, fmt.Errorf("%w: zero files found in the ZIP file (pandas reads its one file)", ErrCompression)
	case 1:
	default:
		return nil, fmt.Errorf("%w: %d files found in the ZIP file; pandas reads only a ZIP file holding one", ErrCompression, len(z.File))
	}
	return z.File[0].Open()
}

// errTruncated is a compressed file that ends inside a stream; it wraps
// io.ErrUnexpectedEOF but is not equal to it, so that a reader taking
// io.ErrUnexpectedEOF for a short read (io.ReadFull) sees an error.
var errTruncated = fmt.Errorf("the compressed data ends early: %w", io.ErrUnexpectedEOF)

// truncation reports a decoder's io.ErrUnexpectedEOF as errTruncated.
type truncation struct{ io.ReadCloser }

func (t truncation) Read(p []byte) (int, error) {
	n, err := t.ReadCloser.Read(p)
	if err == io.ErrUnexpectedEOF {
		err = errTruncated
	}
	return n, err
}

// reader is c's decoder of src, its truncation an error of its own.
func (c *codec) reader(src io.ReaderAt, size int64) (io.ReadCloser, error) {
	r, err := c.open(src, size)
	if err == io.ErrUnexpectedEOF {
		err = errTruncated
	}
	if err != nil {
		return nil, err
	}
	return truncation{r}, nil
}

// Decompress returns the content of f, the open file named path:
// decompressed as pandas' compression="infer" reads it when path names a
// compression, else f's bytes as they are. Closing it does not close f.
// Its errors do not name the file.
func Decompress(f *os.File, path string) (io.ReadCloser, error) {
	c := codecOf(path)
	if c == nil {
		return io.NopCloser(f), nil
	}
	if err := c.supported(path); err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	r, err := c.reader(f, st.Size())
	if err != nil {
		return nil, fmt.Errorf("reading %s data: %w", c.name, err)
	}
	return r, nil
}
