package rows

import (
	"archive/zip"
	"compress/gzip"
	"io"
	"path/filepath"
	"time"

	"github.com/dsnet/compress/bzip2"
	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"
)

// createGzip is gzip.open(w, "wb") (pandas' to_csv to a .gz).
func createGzip(w io.Writer, _ string) (io.WriteCloser, error) {
	return gzip.NewWriter(w), nil
}

// createBzip2 is bz2.open(w, "wb"): level 9, Python's default.
func createBzip2(w io.Writer, _ string) (io.WriteCloser, error) {
	return bzip2.NewWriter(w, &bzip2.WriterConfig{Level: bzip2.BestCompression})
}

// createXz is lzma.open(w, "wb"): one .xz stream with a CRC-64 check.
func createXz(w io.Writer, _ string) (io.WriteCloser, error) {
	return xz.NewWriter(w)
}

// createZstd is zstandard.open(w, "wb"): one frame at the default level
// (a whole frame for no content, as zstandard writes it).
func createZstd(w io.Writer, _ string) (io.WriteCloser, error) {
	return zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1), zstd.WithZeroFrames(true))
}

// zipFile is a zip archive being written with its one member.
type zipFile struct {
	io.Writer // the member
	z         *zip.Writer
}

func (f zipFile) Close() error { return f.z.Close() }

// createZip is pandas' to_csv to a .zip: an archive holding one deflated
// file named member (the output's name without ".zip").
func createZip(w io.Writer, member string) (io.WriteCloser, error) {
	z := zip.NewWriter(w)
	m, err := z.CreateHeader(&zip.FileHeader{Name: member, Method: zip.Deflate, Modified: time.Now()})
	if err != nil {
		return nil, err
	}
	return zipFile{m, z}, nil
}

// compressor is the compressing writer into w for an output named path,
// as to_csv(path, compression="infer") compresses; nil when path names no
// compression.
func compressor(w io.Writer, path string) (io.WriteCloser, error) {
	c := codecOf(path)
	if c == nil {
		return nil, nil
	}
	if err := c.supported(path); err != nil {
		return nil, err
	}
	return c.create(w, zipMember(path))
}

// zipMember is the name pandas gives the one file of a .zip it writes:
// the archive's base name without ".zip" (pathlib's suffix, so only in
// lower case), or the whole base name.
func zipMember(path string) string {
	base := filepath.Base(path)
	if ext := filepath.Ext(base); ext == ".zip" && len(base) > len(ext) {
		return base[:len(base)-len(ext)]
	}
	return base
}
