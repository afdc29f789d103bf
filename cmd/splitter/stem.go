package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/splitter-dev/splitter/rows"
)

// formatExts are the file-name extensions that name a data format; STEM
// drops them (and a compression extension after them: .gz, .bz2, .zip,
// .xz, .zst).
var formatExts = []string{".csv", ".tsv", ".jsonl", ".parquet", ".txt"}

// splitName splits the base name of path into its STEM and its format
// extensions: "data.csv.gz" → ("data", ".csv.gz"); "data" → ("data", "").
func splitName(path string) (stem, ext string) {
	if path == stdinPath {
		return stdinStem, ""
	}
	base := filepath.Base(path)
	rest := base
	if r := rows.TrimCompression(rest); r != "" && r != rest {
		rest = r
		ext = base[len(rest):]
	}
	low := strings.ToLower(rest)
	for _, e := range formatExts {
		if strings.HasSuffix(low, e) && len(rest) > len(e) {
			ext = rest[len(rest)-len(e):] + ext
			rest = rest[:len(rest)-len(e)]
			break
		}
	}
	if rest == "" {
		return base, ""
	}
	return rest, ext
}

// outputPath names the output `STEM.part.EXT` for input in dir (the
// input's folder when dir is empty). EXT is the input's format extensions,
// ".csv" when the input has none.
func outputPath(input, dir, part string) string {
	stem, ext := splitName(input)
	if ext == "" {
		ext = ".csv"
	}
	if dir == "" {
		dir = filepath.Dir(input)
	}
	return filepath.Join(dir, stem+"."+part+ext)
}

// formatOf names the row format a file name implies: "Parquet", "JSON
// Lines" or "delimited text" (CSV, TSV, any other name), compression
// aside.
func formatOf(path string) string {
	_, ext := splitName(path)
	ext = strings.ToLower(rows.TrimCompression(ext))
	switch ext {
	case ".parquet":
		return "Parquet"
	case ".jsonl":
		return "JSON Lines"
	}
	return "delimited text"
}

// sameFormat refuses an -o name whose extension promises another format
// than the input's: splitter copies rows in the input's format and does
// not convert (a Parquet input with -o s.csv would put Parquet bytes in
// s.csv).
func sameFormat(input, out string) error {
	if input == stdinPath {
		return nil // known once read: stdinOutputs checks it
	}
	if in, o := formatOf(input), formatOf(out); in != o {
		return fmt.Errorf("-o %s: names %s, but the rows are %s as in %s (splitter writes the input's format; give OUT the input's extension)", out, o, in, input)
	}
	return nil
}
