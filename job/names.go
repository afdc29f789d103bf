package job

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// formatExts are the file-name extensions that name a data format; STEM
// drops them (and a compression extension after them).
var formatExts = []string{".csv", ".tsv", ".jsonl", ".parquet", ".txt"}

// stdinStem is the STEM of standard input (input "-").
const stdinStem = "stdin"

// SplitName splits the base name of path into its STEM and its format
// extensions: "data.csv.gz" → ("data", ".csv.gz"); "data" → ("data", "");
// standard input ("-") → ("stdin", "").
func SplitName(path string) (stem, ext string) {
	if path == table.StdinPath {
		return stdinStem, ""
	}
	base := filepath.Base(path)
	rest := base
	if r := rows.TrimCompression(base); r != "" && r != base {
		rest, ext = r, base[len(r):]
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

// OutputPath names the output `STEM.part.EXT` for input in dir (the
// input's folder when dir is empty). EXT is the input's format extensions,
// ".csv" when the input has none.
func OutputPath(input, dir, part string) string {
	stem, ext := SplitName(input)
	if ext == "" {
		ext = ".csv"
	}
	if dir == "" {
		dir = filepath.Dir(input)
	}
	return filepath.Join(dir, stem+"."+part+ext)
}

// ShardPath names shard i of the of files an output at path is written
// as: `STEM.PART-00000-of-00004.EXT` for `STEM.PART.EXT` (five digits).
func ShardPath(path string, i, of int) string {
	stem, ext := SplitName(path)
	return filepath.Join(filepath.Dir(path), fmt.Sprintf("%s-%05d-of-%05d%s", stem, i, of, ext))
}

// ManifestPath is STEM.KIND.json in dir (the folder of path when empty),
// KIND the recipe's command: runs of different kinds on one input keep
// their own manifests.
func ManifestPath(path, dir, kind string) string {
	stem, _ := SplitName(path)
	if dir == "" {
		dir = filepath.Dir(path)
	}
	return filepath.Join(dir, stem+"."+kind+".json")
}

// relToManifest writes path relative to the manifest's folder (what
// manifests record since manifest_version 2), so that a manifest moved
// together with its files still verifies from any folder.
func relToManifest(mpath, path string) string {
	if path == StdoutPath {
		return path
	}
	mdir, err1 := filepath.Abs(filepath.Dir(mpath))
	abs, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return path
	}
	rel, err := filepath.Rel(mdir, abs)
	if err != nil {
		return abs
	}
	return filepath.ToSlash(rel)
}
