package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// ErrVerifyArgs is a verify command line that names no manifest and no
// recipe with its files.
var ErrVerifyArgs = errors.New("want MANIFEST, or [COMMAND] [flags] DATA FILE...")

func newVerifyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "verify [--input PATH] MANIFEST | verify [split|kfold|shuffle|sample] [flags] DATA FILE...",
		Short: "Check that files are exactly the outputs of a recipe (exit 0) or name the first difference (exit 1)",
		Long: `verify MANIFEST checks the input's SHA-256 against the manifest, re-runs the
recorded command and compares every output, as it is produced, with the file on
disk, byte for byte (reading each file once, as a stream). Paths in the manifest
are taken from its folder; an absolute path is refused unless --allow-absolute is
given. A manifest may come from someone else: verify MANIFEST never shows a byte
of the files it reads (names, rows, lines and counts only), and reads only
regular files. --input PATH re-reads PATH in place of the manifest's input; a
run on standard input (INPUT -) needs it, with the same bytes, which are read as
that run read them (sniffed, or in its --format). The flag form takes the flags of a splitting command (split by
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
  splitter verify --input data.csv.gz stdin.split.json
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
	if o.input != "" {
		return fmt.Errorf("verify --input: %w (DATA names the input of the flag form)", ErrFlagCombination)
	}
	return verifyFlags(cmd, rest, o)
}

// verifyOptions are verify's own flags.
type verifyOptions struct {
	anyOrder      bool   // rows compared as multisets
	allowAbsolute bool   // a manifest's absolute paths are followed
	input         string // --input PATH: the data, in place of the manifest's input
}

// verifyManifest checks the files a manifest records. A manifest may come
// from someone else: its paths are taken from its folder (absolute ones
// only with --allow-absolute), only regular files are read, and no report
// shows a byte of any file read, only names, rows, lines and counts.
func verifyManifest(cmd *cobra.Command, path string, o verifyOptions) error {
	err := audit.VerifyManifest(cmd.Context(), path, audit.VerifyOptions{AllowAbsolute: o.allowAbsolute, AnyOrder: o.anyOrder, Input: o.input})
	if errors.Is(err, audit.ErrNeedInput) {
		return fmt.Errorf("%w: verify --input PATH %s", err, safeName(path))
	}
	if errors.Is(err, audit.ErrDiffers) {
		return &exitError{code: exitDiffers, msg: oneLine(err.Error())}
	}
	return err
}

// safeName is audit.SafeName.
func safeName(p string) string { return audit.SafeName(p) }

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
	r, err := parseRecipe(target)
	if err != nil {
		return inputErr(pos[0], err)
	}
	if r.Seeded() && r.Seed == "" {
		return errors.New("verify: --seed is required (the recipe draws a seed otherwise)")
	}
	// The input is read only if it is a regular file (a FIFO would block
	// the re-run, a device never end), or a dataset of them.
	if !table.IsDataset(pos[:1]) {
		f, err := rows.OpenRegular(pos[0])
		if err != nil {
			return err
		}
		f.Close()
	}
	_, err = audit.CompareRecipe(cmd.Context(), r, pos[0], pos[1:], audit.RecipeCompareOptions{Names: pos[1:], Quote: true, AnyOrder: o.anyOrder, ByValue: true, Shards: true})
	switch {
	case errors.Is(err, audit.ErrDiffers):
		return &exitError{code: exitDiffers, msg: oneLine(err.Error())}
	case errors.Is(err, audit.ErrFileCount):
		return fmt.Errorf("verify: %w: %w", ErrVerifyArgs, err)
	case errors.Is(err, audit.ErrRecipeFailed):
		return inputErr(pos[0], errors.Unwrap(err))
	}
	return err
}
