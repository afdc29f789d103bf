package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/rows"
)

// ErrVerifyArgs is a verify command line that names no manifest and no
// recipe with its files.
var ErrVerifyArgs = errors.New("want MANIFEST, or [COMMAND] [flags] DATA FILE...")

func newVerifyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "verify MANIFEST | verify [split|kfold|shuffle|sample] [flags] DATA FILE...",
		Short: "Check that files are exactly the outputs of a recipe (exit 0) or name the first difference (exit 1)",
		Long: `verify MANIFEST checks the input's SHA-256 against the manifest, re-runs the
recorded command and compares every output, as it is produced, with the file on
disk, byte for byte (reading each file once, as a stream). Paths in the manifest
are taken from its folder; an absolute path is refused unless --allow-absolute is
given. A manifest may come from someone else: verify MANIFEST never shows a byte
of the files it reads (names, rows, lines and counts only), and reads only
regular files. The flag form takes the flags of a splitting command (split by
default; kfold, shuffle or sample when named first), the input DATA and the
files to check, in the order the command writes them: TRAIN TEST (TRAIN VAL TEST
with --val; the --names or part0, part1, ... files with --compat torch), the
folds file for kfold, OUT for shuffle and sample.

Exit 0 when every file holds exactly the expected rows in the expected order;
exit 1 otherwise, with one line on stderr naming the first file and row that
differ (the flag form, whose files the user named, quotes the rows) and the
counts of missing, extra and misplaced rows; exit 2 on an error. --any-order
compares rows as multisets (the order of rows is ignored; the header must still
match). verify never writes anything.`,
		Example: `  splitter verify data.split.json
  splitter verify --seed 101 --test 0.2 data.csv data.train.csv data.test.csv
  splitter verify kfold --folds 5 --seed 7 data.csv data.folds.csv
  splitter verify sample --seed 3 --n 100 data.csv sample.csv`,
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVerify(cmd, args)
		},
	}
	return cmd
}

func runVerify(cmd *cobra.Command, args []string) error {
	var o verifyOptions
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if n := inputArg(args[i:], &o.input); n > 0 {
			i += n - 1
			continue
		}
		switch a {
		case "--any-order", "--any-order=true":
			o.anyOrder = true
		case "--any-order=false":
		case "--allow-absolute", "--allow-absolute=true":
			o.allowAbsolute = true
		case "--allow-absolute=false":
		case "-h", "--help":
			return cmd.Help()
		default:
			rest = append(rest, a)
		}
	}
	if len(rest) == 1 && !strings.HasPrefix(rest[0], "-") {
		return verifyManifest(cmd, rest[0], o)
	}
	return verifyFlags(cmd, rest, o)
}

// verifyOptions are verify's own flags.
type verifyOptions struct {
	anyOrder      bool   // rows compared as multisets
	allowAbsolute bool   // a manifest's absolute paths are followed
	input         string // --input PATH: the data, in place of the manifest's input
}

// replayed lists the commands a manifest may record.
var replayed = map[string]bool{"split": true, "kfold": true, "shuffle": true, "sample": true}

// verifyManifest checks the files a manifest records. A manifest may come
// from someone else: its paths are taken from its folder (absolute ones
// only with --allow-absolute), only regular files are read, and no report
// shows a byte of any file read, only names, rows, lines and counts.
func verifyManifest(cmd *cobra.Command, path string, o verifyOptions) error {
	ctx := cmd.Context()
	m, err := audit.ReadManifest(path)
	if err != nil {
		return err
	}
	if !replayed[m.Command] {
		return fmt.Errorf("%s: %w: command is not split, kfold, shuffle or sample", path, audit.ErrManifest)
	}
	input, err := manifestInput(path, m, o)
	if err != nil {
		return err
	}
	files := make([]string, len(m.Outputs))
	for i, f := range m.Outputs {
		if files[i], err = audit.ResolveField(path, m, fmt.Sprintf("outputs[%d].path", i), f.Path, o.allowAbsolute); err != nil {
			return err
		}
	}
	sum, err := audit.HashFileContext(ctx, input)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return err
	}
	if !strings.EqualFold(sum, m.Input.SHA256) {
		return &exitError{code: exitDiffers, msg: fmt.Sprintf("%s: the input changed since %s was written (its SHA-256 differs from the recorded one)", safeName(input), safeName(path))}
	}
	args := []string{m.Command}
	for name, v := range m.Flags {
		if notReplayed(name) {
			continue
		}
		args = append(args, "--"+name+"="+v)
	}
	if _, ok := m.Flags["seed"]; !ok && m.Seed != "" && m.Seed != "None" {
		args = append(args, "--seed="+m.Seed)
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = safeName(f)
	}
	replayInput, stdin, err := replayedInput(m, input)
	if err != nil {
		return err
	}
	if stdin != nil {
		defer stdin.Close()
	}
	s, err := replay(cmd, args, replayInput, stdin, files, names, false, o.anyOrder)
	if err != nil {
		var re *replayError
		if errors.As(err, &re) {
			// The command's error may quote the input (a column name
			// is quoted with the closest ones): not shown.
			return fmt.Errorf("%s: re-running the recorded %s command on %s failed (its error is not shown, as it may quote the input: run the command itself to see it)", safeName(path), m.Command, safeName(input))
		}
		return err
	}
	if !o.anyOrder {
		for i, f := range m.Outputs {
			if !strings.EqualFold(s.sums[i], f.SHA256) {
				return &exitError{code: exitDiffers, msg: fmt.Sprintf("%s: the re-run matches but its SHA-256 differs from the one %s records (the manifest was edited)", names[i], safeName(path))}
			}
		}
	}
	return nil
}

// safeName is a path as reports show it: quoted when it holds characters
// that do not print (a manifest's paths are someone else's text).
func safeName(p string) string {
	if q := strconv.Quote(p); q[1:len(q)-1] != p {
		return q
	}
	return p
}

// notReplayed reports whether a recorded flag only says where files went.
func notReplayed(flag string) bool {
	switch flag {
	case "manifest", "no-manifest", "out-dir", "output":
		return true
	}
	return false
}

// verifyFlags checks DATA FILE... against a recipe given as flags.
func verifyFlags(cmd *cobra.Command, args []string, o verifyOptions) error {
	name := "split"
	if len(args) > 0 {
		switch args[0] {
		case "split", "kfold", "shuffle", "sample":
			name, args = args[0], args[1:]
		}
	}
	// Parse with the real command's flags to find the positional arguments.
	var target *cobra.Command
	for _, c := range newRootCmd(io.Discard, io.Discard).Commands() {
		if c.Name() == name {
			target = c
		}
	}
	if err := target.ParseFlags(args); err != nil {
		return fmt.Errorf("verify %s: %w", name, err)
	}
	pos := target.Flags().Args()
	if len(pos) < 2 {
		return fmt.Errorf("verify: %w", ErrVerifyArgs)
	}
	if f := target.Flags().Lookup("seed"); f == nil || !f.Changed {
		if needsSeed(target) {
			return errors.New("verify: --seed is required (the recipe draws a seed otherwise)")
		}
	}
	flags := []string{name}
	isPos := map[string]bool{}
	for _, p := range pos {
		isPos[p] = true
	}
	for _, a := range args {
		if a == "--" {
			continue
		}
		if isPos[a] {
			delete(isPos, a)
			continue
		}
		flags = append(flags, a)
	}
	// The input is read only if it is a regular file (a FIFO would block
	// the re-run, a device never end).
	f, err := rows.OpenRegular(pos[0])
	if err != nil {
		return err
	}
	f.Close()
	_, err = replay(cmd, flags, pos[0], nil, pos[1:], pos[1:], true, o.anyOrder)
	var re *replayError
	if errors.As(err, &re) {
		return re.err
	}
	return err
}

// needsSeed reports whether the parsed command would draw a seed.
func needsSeed(c *cobra.Command) bool {
	f := c.Flags()
	if b, _ := f.GetBool("no-shuffle"); b {
		return false
	}
	if c.Name() == "kfold" {
		if g, _ := f.GetString("group"); g != "" {
			return false
		}
	}
	return true
}

// replayError is the error of the re-run command itself.
type replayError struct{ err error }

func (e *replayError) Error() string { return e.err.Error() }
func (e *replayError) Unwrap() error { return e.err }

// replay re-runs a command (args without its input) on input (with stdin
// as its standard input, for input "-"), streaming each output into a
// comparison with the file at the same place in files (names are how
// reports call them; quote lets them show rows). It returns
// the sink once every file matched; a difference is an *exitError with
// status exitDiffers and one line; an error of the command itself a
// *replayError.
func replay(cmd *cobra.Command, args []string, input string, stdin io.Reader, files, names []string, quote, anyOrder bool) (*verifySink, error) {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	var stderr bytes.Buffer
	root := newRootCmd(io.Discard, &stderr)
	if stdin != nil {
		root.SetIn(stdin)
	}
	if args[0] == "shuffle" || args[0] == "sample" {
		args = append(args, "--output="+filepath.Join(filepath.Dir(files[0]), "unused"))
	}
	args = append(args, "--no-manifest", "--", input)
	root.SetArgs(args)
	s := &verifySink{ctx: ctx, files: files, names: names}
	s.opts = func(i int) audit.CompareOptions {
		var ro rows.Options
		if c, _, err := root.Find(args); err == nil {
			ro, _ = readOptions(c)
		}
		return compareOptions(ro, files[i], quote, anyOrder)
	}
	err := root.ExecuteContext(withSink(ctx, s))
	switch {
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case s.err != nil:
		return nil, s.err
	case s.diff != nil:
		return nil, &exitError{code: exitDiffers, msg: oneLine(report(*s.diff, quote))}
	case s.outNames != nil && len(s.outNames) != len(files):
		return nil, fmt.Errorf("verify: the recipe writes %d files (%s), %d given: %w", len(s.outNames), strings.Join(s.outNames, ", "), len(files), ErrVerifyArgs)
	case err != nil:
		return nil, &replayError{fmt.Errorf("re-running %s: %w", strings.Join(args, " "), err)}
	case len(s.sums) != len(files):
		return nil, fmt.Errorf("verify: the recipe writes no files, %d given: %w", len(files), ErrVerifyArgs)
	}
	return s, nil
}

// report is the line naming a difference: quoting the rows when the user
// named the files, else without any byte of them.
func report(d audit.Diff, quote bool) string {
	if d.Binary {
		return fmt.Sprintf("%s: differs from the expected Parquet output from byte %d on (Parquet files are compared byte for byte)", d.File, d.Offset)
	}
	if quote {
		return d.String()
	}
	return d.Summary()
}

// compareOptions is how verify reads an output: Parquet byte for byte, JSON
// Lines by lines, CSV with the input's --sep, else tab-separated for .tsv.
func compareOptions(opts rows.Options, path string, quote, anyOrder bool) audit.CompareOptions {
	o := audit.CompareOptions{Sep: opts.Sep, Quote: quote, AnyOrder: anyOrder}
	_, ext := splitName(path)
	switch ext = strings.ToLower(ext); {
	case strings.HasPrefix(ext, ".parquet"):
		o.Layout = audit.WholeBytes
	case strings.HasPrefix(ext, ".jsonl") || strings.HasPrefix(ext, ".ndjson"):
		o.Layout = audit.LineRows
	case o.Sep == 0 && strings.HasPrefix(ext, ".tsv"):
		o.Sep = '\t'
	}
	return o
}

// fileOptions is how verify reads an output: with the input's --sep, else
// tab-separated for .tsv.
func fileOptions(opts rows.Options, path string) rows.Options {
	_, ext := splitName(path)
	if opts.Sep == 0 && strings.HasPrefix(strings.ToLower(ext), ".tsv") {
		return rows.Options{Sep: '\t'}
	}
	return opts
}
