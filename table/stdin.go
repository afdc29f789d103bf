package table

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/rows/parquetrows"
)

// StdinPath is the input path that means standard input.
const StdinPath = "-"

// StdinName is how errors call standard input.
const StdinName = "standard input"

// ErrFormat is a stream format that is not csv, tsv, jsonl or parquet.
var ErrFormat = errors.New("want csv, tsv, jsonl or parquet")

// streamFormat is one format a stream may be read as: the reader, its
// sep, the extension a file of it takes.
type streamFormat struct {
	format rows.Format
	sep    byte
	ext    string
}

// streamFormatOf is the stream format called name (in any case).
func streamFormatOf(name string) (streamFormat, bool) {
	switch strings.ToLower(name) {
	case "csv":
		return streamFormat{rows.CSV, 0, ".csv"}, true
	case "tsv":
		return streamFormat{rows.CSV, '\t', ".tsv"}, true
	case "jsonl":
		return streamFormat{rows.JSONLines, 0, ".jsonl"}, true
	case "parquet":
		return streamFormat{rows.Auto, 0, ".parquet"}, true
	}
	return streamFormat{}, false
}

// CheckFormat checks the name of a stream format: "" (sniffed), csv,
// tsv, jsonl or parquet.
func CheckFormat(name string) error {
	if _, ok := streamFormatOf(name); name != "" && !ok {
		return ErrFormat
	}
	return nil
}

// Piped is what reading a stream found.
type Piped struct {
	// SHA256 is the hex SHA-256 of the bytes read, as they came
	// (compressed or not): what a manifest records as the input's.
	SHA256 string
	// Ext is the extensions a file holding those bytes takes: the
	// format's (".csv", ".tsv", ".jsonl", ".parquet"), then the
	// compression's (".csv.bz2").
	Ext string
}

// OpenStream reads r (standard input, say) as pandas reads those bytes
// from a buffer: copied to an unlinked temporary file in opts.TempDir
// (rows.Spool), decompressed as its magic bytes say (gzip, bz2, xz,
// zstd), then read as format says — csv, tsv, jsonl or parquet — or, for
// "", as sniffed: Parquet's PAR1, a JSON object (JSON Lines), else CSV
// (opts.Sep, ',' when 0). name is how errors call the stream.
func OpenStream(ctx context.Context, r io.Reader, name, format string, opts rows.Options) (Table, *Piped, error) {
	ff, ok := streamFormatOf(format)
	if format != "" && !ok {
		return nil, nil, fmt.Errorf("%s: format %q: %w", name, format, ErrFormat)
	}
	sp, err := rows.Spool(ctx, r, name, opts.TempDir)
	if err != nil {
		return nil, nil, err
	}
	sn := sp.Sniff()
	if format == "" {
		ff = streamFormat{opts.Format, 0, ".csv"}
		switch {
		case sn.Parquet:
			ff.ext = ".parquet"
		case sn.Format == rows.JSONLines && opts.Format != rows.CSV:
			ff = streamFormat{rows.JSONLines, 0, ".jsonl"}
		}
	}
	piped := &Piped{SHA256: sp.SHA256(), Ext: ff.ext}
	if ff.ext == ".parquet" {
		p, err := parquetrows.OpenReader(name, sp.File(), parquetOptions(opts))
		if err != nil {
			return nil, nil, err
		}
		return p, piped, nil
	}
	piped.Ext += rows.CompressionExt(sn.Compression)
	opts.Format = ff.format
	if opts.Sep == 0 {
		opts.Sep = ff.sep
	}
	ix, err := sp.Index(ctx, opts)
	if err != nil {
		return nil, nil, err
	}
	return ix, piped, nil
}

// openStdin is Open of StdinPath: OpenStream of os.Stdin, its format
// sniffed (opts.Format CSV or JSONLines fixes it).
func openStdin(ctx context.Context, opts rows.Options) (Table, error) {
	t, _, err := OpenStream(ctx, os.Stdin, StdinName, "", opts)
	return t, err
}
