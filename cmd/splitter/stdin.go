package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/rows/parquetrows"
)

// stdinPath is the INPUT that means standard input.
const stdinPath = "-"

// stdinName is how errors call standard input; stdinStem is its STEM.
const (
	stdinName = "standard input"
	stdinStem = "stdin"
)

// Annotations a run on standard input records on its command, once read:
// the extensions its outputs take (".csv.bz2") and its bytes' SHA-256.
const (
	stdinExtKey = "splitter-stdin-ext"
	stdinSumKey = "splitter-stdin-sha256"
)

// addFormatFlag adds --format, the format of standard input.
func addFormatFlag(root *cobra.Command) {
	root.PersistentFlags().String("format", "", "the format of standard input (INPUT -): `csv`, tsv, jsonl or parquet (default: sniffed; TSV only when given)")
}

// stdinFormats are --format's values: the reader and the extension.
var stdinFormats = map[string]struct {
	format rows.Format
	sep    byte
	ext    string
}{
	"csv":     {rows.CSV, 0, ".csv"},
	"tsv":     {rows.CSV, '\t', ".tsv"},
	"jsonl":   {rows.JSONLines, 0, ".jsonl"},
	"parquet": {rows.Auto, 0, ".parquet"},
}

// openStdin reads the command's standard input into a temporary file
// (rows.Spool) and opens it as --format says, or as sniffed: compression
// magic, Parquet's PAR1, a JSON object, else CSV. It records the outputs'
// extensions and the input's hash on cmd.
func openStdin(cmd *cobra.Command, opts rows.Options) (table, error) {
	name, _ := cmd.Flags().GetString("format")
	ff, ok := stdinFormats[strings.ToLower(name)]
	if name != "" && !ok {
		return nil, flagErr("--format", name, fmt.Errorf("want csv, tsv, jsonl or parquet"))
	}
	sp, err := rows.Spool(cmd.Context(), cmd.InOrStdin(), stdinName, opts.TempDir)
	if err != nil {
		return nil, err
	}
	sn := sp.Sniff()
	if name == "" {
		ff.ext = ".csv"
		switch {
		case sn.Parquet:
			ff.ext = ".parquet"
		case sn.Format == rows.JSONLines:
			ff.ext, ff.format = ".jsonl", rows.JSONLines
		}
	}
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[stdinSumKey] = sp.SHA256()
	if ff.ext == ".parquet" {
		cmd.Annotations[stdinExtKey] = ff.ext
		return parquetrows.OpenReader(stdinName, sp.File(), parquetrows.Options{})
	}
	cmd.Annotations[stdinExtKey] = ff.ext + rows.CompressionExt(sn.Compression)
	opts.Format = ff.format
	if opts.Sep == 0 {
		opts.Sep = ff.sep
	}
	return sp.Index(cmd.Context(), opts)
}

// stdinOutputs gives the outputs named by default for standard input
// (STEM.PART.csv) the extensions of what it held (stdin.train.csv.bz2);
// an -o OUT keeps its name, and must name the format read (as sameFormat).
func stdinOutputs(cmd *cobra.Command, input string, outs []output) error {
	ext := cmd.Annotations[stdinExtKey]
	if input != stdinPath || ext == "" {
		return nil
	}
	if flagChanged(cmd, "output") {
		for _, o := range outs {
			if o.path == stdoutPath {
				continue
			}
			if in, out := formatOf(stdinStem+ext), formatOf(o.path); in != out {
				return fmt.Errorf("-o %s: names %s, but standard input holds %s (splitter writes the input's format; give OUT that extension, or --format)", o.path, out, in)
			}
		}
		return nil
	}
	for i, o := range outs {
		dir, base := filepath.Split(o.path)
		if base == stdinStem+"."+o.name+".csv" {
			outs[i].path = dir + stdinStem + "." + o.name + ext
		}
	}
	return nil
}

// readStdin is the pandas read of standard input as splitter read it.
func readStdin(cmd *cobra.Command, sep byte) string {
	ext := cmd.Annotations[stdinExtKey]
	src := "sys.stdin.buffer"
	if c := rows.Compression("x" + ext); c != "" {
		src += ", compression=" + pyStr(c)
	}
	switch low := rows.TrimCompression(ext); {
	case low == ".parquet":
		return "df = pd.read_parquet(io.BytesIO(sys.stdin.buffer.read()))\n"
	case low == ".jsonl":
		return "df = pd.read_json(" + src + ", lines=True)\n"
	case sep != 0:
		return "df = pd.read_csv(" + src + ", sep=" + pyStr(string(sep)) + ")\n"
	case low == ".tsv":
		return "df = pd.read_csv(" + src + ", sep='\\t')\n"
	}
	return "df = pd.read_csv(" + src + ")\n"
}

func flagChanged(cmd *cobra.Command, name string) bool {
	f := cmd.Flags().Lookup(name)
	return f != nil && f.Changed
}

// announceStdinManifest says where the manifest of a run on standard input
// went (there is no input file for it to sit beside), unless --quiet.
func announceStdinManifest(cmd *cobra.Command) {
	_, stdin := cmd.Annotations[stdinSumKey]
	mpath, ok := cmd.Annotations[manifestKey]
	if stdin && ok && !flagBool(cmd, "quiet") {
		fmt.Fprintf(cmd.ErrOrStderr(), "manifest: %s\n", mpath)
	}
}
