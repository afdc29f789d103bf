package audit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/rows/parquetrows"
	"github.com/splitter-dev/splitter/table"
)

// ErrDiffers reports files that differ from what their manifest says: an
// input changed since, or an output that re-applying the recipe does not
// reproduce byte for byte.
var ErrDiffers = errors.New("differs")

// ErrRecipeFailed reports a recorded recipe that fails on the recorded
// input. Its own error is not kept: it may quote the input (a column
// name), and a manifest may come from someone else.
var ErrRecipeFailed = errors.New("re-running the recorded recipe failed")

// VerifyOptions are the options of VerifyManifest.
type VerifyOptions struct {
	// AllowAbsolute follows absolute paths in the manifest.
	AllowAbsolute bool
	// AnyOrder compares each output's rows as a multiset.
	AnyOrder bool
	// Input is the data to re-read in place of the manifest's input
	// (a path as given, not taken from the manifest's folder). A run on
	// standard input (input "-") needs it: the same bytes, read as that
	// run read them (table.OpenStream).
	Input string
}

// ErrNeedInput reports a manifest of a run on standard input verified
// without VerifyOptions.Input.
var ErrNeedInput = errors.New("the input was standard input: give the same bytes again as a file")

// VerifyManifest checks the run the manifest at path records: the input
// is unchanged (its SHA-256) and applying the recorded recipe to it
// reproduces every output byte for byte, with the recorded hashes. It
// returns nil when all holds; an error wrapping ErrDiffers with one line
// naming the first file and row that differ otherwise; another error when
// the check could not be made. Paths are taken from the manifest's folder
// (absolute ones only with AllowAbsolute); only regular files are read;
// errors never show a byte of a file read, only names, rows and hashes.
func VerifyManifest(ctx context.Context, path string, o VerifyOptions) error {
	m, err := ReadManifest(path)
	if err != nil {
		return err
	}
	switch m.Command {
	case "split", "kfold", "shuffle", "sample", "assign":
	default:
		return fmt.Errorf("%s: %w: command is not split, kfold, shuffle, sample or assign", SafeName(path), ErrManifest)
	}
	r, err := m.RecipeOf()
	if err != nil {
		return fmt.Errorf("%s: %w", SafeName(path), err)
	}
	pw := m.ParquetWriterVersion()
	if _, err := pw.Rules(); err != nil {
		return fmt.Errorf("%s: %w", SafeName(path), err)
	}
	input, err := manifestInput(path, m, o)
	if err != nil && m.Files == nil {
		return err
	}
	files := make([]string, len(m.Outputs))
	for i, f := range m.Outputs {
		if files[i], err = ResolveField(path, m, fmt.Sprintf("outputs[%d].path", i), f.Path, o.AllowAbsolute); err != nil {
			return err
		}
	}
	var dataset []string
	if m.Files != nil {
		if dataset, err = datasetInput(ctx, path, m, o); err != nil {
			return err
		}
		input = m.Input.Path
	} else if m.Command == "assign" {
		if err := sameInput(ctx, path, m, input); err != nil {
			return err
		}
	}
	if m.Command == "assign" {
		return verifyAssign(ctx, path, m, r, input, dataset, files)
	}
	var check func(context.Context) error // the one input's hash, checked beside the re-run
	if m.Files == nil {
		check = func(ctx context.Context) error { return sameInput(ctx, path, m, input) }
	}
	sums, err := compareChecked(ctx, r, input, files, RecipeCompareOptions{AnyOrder: o.AnyOrder, Piped: m.Input.Path == table.StdinPath, Dataset: dataset, ParquetWriter: pw}, check)
	if errors.Is(err, ErrFileCount) {
		return differs("%s: %s", SafeName(path), err)
	}
	if errors.Is(err, ErrRecipeFailed) {
		return fmt.Errorf("%s: %w on %s (its error is not shown, as it may quote the input: run the command itself to see it)", SafeName(path), ErrRecipeFailed, SafeName(input))
	}
	if err != nil {
		return err
	}
	for i, f := range m.Outputs {
		if !o.AnyOrder && !strings.EqualFold(sums[i], f.SHA256) {
			return differs("%s: the re-run matches but its SHA-256 differs from the one %s records (the manifest was edited)", SafeName(files[i]), SafeName(path))
		}
	}
	return nil
}

// sameInput checks that the one input file is unchanged.
func sameInput(ctx context.Context, path string, m *Manifest, input string) error {
	sum, err := HashFileContext(ctx, input)
	if err != nil {
		return err
	}
	if !strings.EqualFold(sum, m.Input.SHA256) {
		return differs("%s: the input changed since %s was written (its SHA-256 differs from the recorded one)", SafeName(input), SafeName(path))
	}
	return nil
}

// manifestInput is the data VerifyManifest re-reads: o.Input when given,
// else the manifest's input, taken from its folder.
func manifestInput(path string, m *Manifest, o VerifyOptions) (string, error) {
	switch {
	case o.Input != "":
		return o.Input, nil
	case m.Input.Path == table.StdinPath:
		return "", fmt.Errorf("%s: %w", SafeName(path), ErrNeedInput)
	}
	return ResolveField(path, m, "input.path", m.Input.Path, o.AllowAbsolute)
}

// ErrFileCount reports files that are not as many as the recipe's outputs.
var ErrFileCount = errors.New("the recipe writes another number of files")

// RecipeCompareOptions are the options of CompareRecipe.
type RecipeCompareOptions struct {
	// Names are how reports name the files (default: SafeName of each).
	Names []string
	// Quote lets a report quote the rows that differ (for files the user
	// named; never for a manifest's).
	Quote bool
	// AnyOrder compares each output's rows as a multiset.
	AnyOrder bool
	// ByValue also accepts files holding the rows by value as pandas
	// reads them (written by pandas or Hugging Face), when the bytes
	// differ (not for fold column files).
	ByValue bool
	// Piped reads input as the bytes a run read from standard input:
	// sniffed, or in the recipe's Format (table.OpenStream).
	Piped bool
	// Dataset, when set, are the files read as one table in place of
	// input (table.OpenDataset).
	Dataset []string
	// Shards reads a file given as a directory or glob as a part written
	// as shards (CompareOptions.Shards): for files the user named.
	Shards bool
	// ParquetWriter is the version of the rules Parquet outputs are
	// written by (a manifest's); 0 means the newest.
	ParquetWriter parquetrows.WriterVersion
}

// CompareRecipe applies r to input and compares each output, as it is
// made, with files[i] (nothing is written); it returns the files' content
// hashes when all match. A difference is an error wrapping ErrDiffers,
// one line naming the file and row; a recipe that fails on the input an
// error wrapping ErrRecipeFailed and the recipe's own error; files not as
// many as the outputs ErrFileCount.
func CompareRecipe(ctx context.Context, r *recipe.Recipe, input string, files []string, o RecipeCompareOptions) ([]string, error) {
	t, err := openInput(ctx, r, input, o.Piped, o.Dataset, o.ParquetWriter)
	if err != nil {
		return nil, err
	}
	defer t.Close()
	return compareOpened(ctx, r, t, input, files, o)
}

// compareOpened is CompareRecipe on its input t, open.
func compareOpened(ctx context.Context, r *recipe.Recipe, t table.Table, input string, files []string, o RecipeCompareOptions) ([]string, error) {
	res, err := r.Apply(ctx, t)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%w: %w", ErrRecipeFailed, err)
	}
	outs := res.Outputs(t)
	if len(outs) != len(files) {
		names := make([]string, len(outs))
		for i, out := range outs {
			names[i] = out.Name
		}
		return nil, fmt.Errorf("%w: it writes %d files (%s), %d given", ErrFileCount, len(outs), strings.Join(names, ", "), len(files))
	}
	if sums, err := compareParts(ctx, r, t, res, outs, files, o); !errors.Is(err, errInTurn) {
		return sums, err
	}
	sums := make([]string, len(outs))
	for i, out := range outs {
		name := compareName(files, o, i)
		co := OutputOptions(r.ReadOptions(), files[i], o.Quote, o.AnyOrder)
		co.Shards = o.Shards
		if sums[i], err = compareOutput(ctx, out, files[i], name, co); err != nil {
			if errors.Is(err, ErrDiffers) && o.ByValue && res.FoldColumns == nil {
				return nil, byValue(ctx, r, t, input, files, outs, o.AnyOrder, err)
			}
			return nil, err
		}
	}
	return sums, nil
}

// openInput opens the input of r at path: as a file of that name, or
// (piped) as the bytes of standard input were read. Only a regular file
// is read. Parquet rows are written by the rules of version pw.
func openInput(ctx context.Context, r *recipe.Recipe, path string, piped bool, dataset []string, pw parquetrows.WriterVersion) (table.Table, error) {
	ro := r.ReadOptions()
	ro.ParquetWriter = int(pw)
	if dataset != nil {
		return table.OpenDataset(ctx, dataset, ro)
	}
	if !piped {
		return table.Open(ctx, path, ro)
	}
	f, err := rows.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, _, err := table.OpenStream(ctx, f, SafeName(path), r.Format, ro)
	return t, err
}

// byValue compares the files with the outputs by value when their bytes
// differ (byteErr): nil when they match so, else the better report.
func byValue(ctx context.Context, r *recipe.Recipe, data table.Table, input string, files []string, outs []recipe.Output, anyOrder bool, byteErr error) error {
	orders := make([][]int, len(outs))
	for i, out := range outs {
		orders[i] = out.Rows
	}
	err := CompareByValue(ctx, data, input, files, orders, r.ReadOptions(), anyOrder)
	if errors.Is(err, ErrNotByValue) {
		return byteErr
	}
	return err
}

// compareOutput writes out into a Comparer of file.
func compareOutput(ctx context.Context, out recipe.Output, file, name string, co CompareOptions) (string, error) {
	c, err := NewComparer(ctx, file, name, co)
	if err != nil {
		return "", err
	}
	// As a plain writer: a Parquet writer closes a sink it can close.
	if err := out.Write(ctx, struct{ io.Writer }{c}); err != nil {
		c.Close()
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", fmt.Errorf("%s: %w", name, err)
	}
	d, sum, err := c.Finish()
	if err != nil {
		return "", err
	}
	if !d.Equal() {
		return "", differs("%s", d.Report(co.Quote))
	}
	return sum, nil
}

// Report is the line naming the difference: quoting the rows (Want, Got)
// when quote is set and the Diff holds them, else without any byte of the
// files.
func (d Diff) Report(quote bool) string {
	if d.Binary {
		return fmt.Sprintf("%s: differs from the expected Parquet output from byte %d on (Parquet files are compared byte for byte)", d.File, d.Offset)
	}
	if quote {
		return d.String()
	}
	return d.Summary()
}

// OutputOptions are how an output at path is compared: Parquet byte for
// byte, JSON Lines by lines, delimited text with the input's sep (opts),
// else tab-separated for .tsv.
func OutputOptions(opts rows.Options, path string, quote, anyOrder bool) CompareOptions {
	o := CompareOptions{Sep: opts.Sep, Quote: quote, AnyOrder: anyOrder}
	low := strings.ToLower(filepath.Base(rows.TrimCompression(path)))
	switch {
	case strings.HasSuffix(low, ".parquet"):
		o.Layout = WholeBytes
	case strings.HasSuffix(low, ".jsonl") || strings.HasSuffix(low, ".ndjson"):
		o.Layout = LineRows
	case o.Sep == 0 && strings.HasSuffix(low, ".tsv"):
		o.Sep = '\t'
	}
	return o
}

// SafeName is a path as reports show it: quoted when it holds characters
// that do not print (a manifest's paths are someone else's text).
func SafeName(p string) string {
	if q := strconv.Quote(p); q[1:len(q)-1] != p {
		return q
	}
	return p
}

// difference is an error wrapping ErrDiffers whose message is the line
// naming the difference alone.
type difference struct{ msg string }

func (e *difference) Error() string        { return e.msg }
func (e *difference) Is(target error) bool { return target == ErrDiffers }

func differs(format string, args ...any) error {
	return &difference{fmt.Sprintf(format, args...)}
}
