package rows

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrCompression is a compression splitter does not read or write: a tar
// archive, which pandas 1.5 infers from .tar, .tar.gz, .tar.bz2 and
// .tar.xz but which holds files, not one stream of rows.
var ErrCompression = errors.New("compression not supported")

// codec is one compression pandas infers from a file name
// (pandas.io.common.infer_compression with compression="infer"): how to
// read it and how to write it. Adding a compression is adding a row to
// codecs.
type codec struct {
	name  string // pandas' name for it (compression=NAME)
	ext   string // the extension, lower case
	magic string // the first bytes of such a file (sniffing standard input)
	// open decompresses the whole of src (size bytes).
	open func(src io.ReaderAt, size int64) (io.ReadCloser, error)
	// create compresses into w; member is the name a zip archive gives
	// its one file.
	create func(w io.Writer, member string) (io.WriteCloser, error)
}

// codecs is the table of compressions, in the order pandas 1.5 tries
// the extensions (_extension_to_compression): tar's come first, so that
// "x.tar.gz" is a tar archive, not a gzip file.
func codecs() []codec {
	return []codec{
		{name: "tar", ext: ".tar"},
		{name: "tar", ext: ".tar.gz"},
		{name: "tar", ext: ".tar.bz2"},
		{name: "tar", ext: ".tar.xz"},
		{name: "gzip", ext: ".gz", magic: "\x1f\x8b", open: openGzipStream, create: createGzip},
		{name: "bz2", ext: ".bz2", magic: "BZh", open: openBzip2, create: createBzip2},
		{name: "zip", ext: ".zip", magic: "PK\x03\x04", open: openZip, create: createZip},
		{name: "xz", ext: ".xz", magic: "\xfd7zXZ\x00", open: openXz, create: createXz},
		{name: "zstd", ext: ".zst", magic: "\x28\xb5\x2f\xfd", open: openZstd, create: createZstd},
	}
}

// codecOf returns the compression path's name implies, as pandas'
// infer_compression decides (the extension in any case), or nil.
func codecOf(path string) *codec {
	low := strings.ToLower(path)
	for _, c := range codecs() {
		if strings.HasSuffix(low, c.ext) {
			return &c
		}
	}
	return nil
}

// codecNamed is the readable compression pandas calls name, or nil.
func codecNamed(name string) *codec {
	for _, c := range codecs() {
		if c.name == name && c.open != nil {
			return &c
		}
	}
	return nil
}

// supported fails with ErrCompression for a compression without a reader
// and writer (tar).
func (c *codec) supported(path string) error {
	if c.open == nil {
		return fmt.Errorf("%s: %w: pandas reads a %s name as a tar archive; give splitter the file itself, or one compressed with .gz, .bz2, .xz, .zst or .zip", path, ErrCompression, c.ext)
	}
	return nil
}

// Compression returns the compression pandas.read_csv and
// DataFrame.to_csv infer from path (compression="infer"): "gzip", "bz2",
// "zip", "xz", "zstd" or "tar", or "" for none.
func Compression(path string) string {
	if c := codecOf(path); c != nil {
		return c.name
	}
	return ""
}

// IsCompressedPath reports whether path names a compressed file by
// pandas' compression="infer" rules.
func IsCompressedPath(path string) bool { return codecOf(path) != nil }

// TrimCompression drops the extension that names path's compression
// (".gz", ".bz2", ".zip", ".xz", ".zst"; ".tar" and its compressed forms
// whole), if any: "data.csv.bz2" → "data.csv".
func TrimCompression(path string) string {
	if c := codecOf(path); c != nil {
		return path[:len(path)-len(c.ext)]
	}
	return path
}

// CompressionExt is the extension of pandas' compression name ("bz2" →
// ".bz2"), "" for an unknown name or "".
func CompressionExt(name string) string {
	if c := codecNamed(name); c != nil {
		return c.ext
	}
	return ""
}
