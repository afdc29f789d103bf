package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
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
recorded command in memory and compares every output with the file on disk, byte
for byte. The flag form takes the flags of a splitting command (split by default;
kfold, shuffle or sample when named first), the input DATA and the files to check,
in the order the command writes them: TRAIN TEST (TRAIN VAL TEST with --val; the
--names or part0, part1, ... files with --compat torch), the folds file for kfold,
OUT for shuffle and sample.

Exit 0 when every file holds exactly the expected rows in the expected order;
exit 1 otherwise, with one line on stderr naming the first file and row that
differ, what was expected there, and the counts of missing, extra and misplaced
rows. --any-order compares rows as multisets (the order of rows is ignored; the
header must still match). verify never writes anything.`,
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

// verifyFile is one file to check and the bytes the recipe writes there.
type verifyFile struct {
	path string
	want []byte
	opts rows.Options // how the file is read (the input's --sep)
}

func runVerify(cmd *cobra.Command, args []string) error {
	anyOrder := false
	var rest []string
	for _, a := range args {
		switch a {
		case "--any-order", "--any-order=true":
			anyOrder = true
		case "--any-order=false":
		case "-h", "--help":
			return cmd.Help()
		default:
			rest = append(rest, a)
		}
	}
	if len(rest) == 1 && !strings.HasPrefix(rest[0], "-") {
		return verifyManifest(cmd, rest[0], anyOrder)
	}
	return verifyFlags(cmd, rest, anyOrder)
}

// verifyManifest checks the files a manifest records.
func verifyManifest(cmd *cobra.Command, path string, anyOrder bool) error {
	m, err := audit.ReadManifest(path)
	if err != nil {
		return err
	}
	input := audit.Resolve(path, m.Input.Path)
	sum, err := audit.HashFile(input)
	if err != nil {
		return fmt.Errorf("%s: %w", input, err)
	}
	if sum != m.Input.SHA256 {
		return &exitError{code: exitDiffers, msg: fmt.Sprintf("%s: the input changed since %s was written: sha256 %s, the manifest records %s", input, path, sum, m.Input.SHA256)}
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
	var files []string
	for _, f := range m.Outputs {
		files = append(files, audit.Resolve(path, f.Path))
	}
	got, err := replay(cmd, args, input, files)
	if err != nil {
		return err
	}
	var changed []string
	for i, f := range m.Outputs {
		if s, err := audit.HashContent(files[i]); err == nil && s != f.SHA256 {
			changed = append(changed, files[i])
		}
	}
	err = compareAll(got, anyOrder)
	if err == nil && len(changed) > 0 && !anyOrder {
		return &exitError{code: exitDiffers, msg: fmt.Sprintf("%s: the re-run matches but its sha256 differs from the one %s records (the manifest was edited)", changed[0], path)}
	}
	return err
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
func verifyFlags(cmd *cobra.Command, args []string, anyOrder bool) error {
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
	got, err := replay(cmd, flags, pos[0], pos[1:])
	if err != nil {
		return err
	}
	return compareAll(got, anyOrder)
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

// replay runs a command (args without its input) on input with its outputs
// in memory, and pairs them with the files to check, in order.
func replay(cmd *cobra.Command, args []string, input string, files []string) ([]verifyFile, error) {
	var stderr bytes.Buffer
	root := newRootCmd(io.Discard, &stderr)
	if args[0] == "shuffle" || args[0] == "sample" {
		args = append(args, "--output="+filepath.Join(filepath.Dir(files[0]), "unused"))
	}
	args = append(args, "--no-manifest", "--", input)
	root.SetArgs(args)
	sink := &memSink{}
	if err := root.ExecuteContext(withSink(cmd.Context(), sink)); err != nil {
		return nil, fmt.Errorf("re-running %s: %w", strings.Join(args, " "), err)
	}
	var opts rows.Options
	if c, _, err := root.Find(args); err == nil {
		opts, _ = readOptions(c)
	}
	if len(sink.files) != len(files) {
		names := make([]string, len(sink.files))
		for i, f := range sink.files {
			names[i] = f.name
		}
		return nil, fmt.Errorf("verify: the recipe writes %d files (%s), %d given: %w", len(sink.files), strings.Join(names, ", "), len(files), ErrVerifyArgs)
	}
	out := make([]verifyFile, len(files))
	for i, f := range sink.files {
		out[i] = verifyFile{path: files[i], want: f.data, opts: fileOptions(opts, files[i])}
	}
	return out, nil
}

// compareAll compares each file with its expected bytes; the first that
// differs ends verify with status 1 and one line.
func compareAll(files []verifyFile, anyOrder bool) error {
	for _, f := range files {
		got, err := audit.ReadContent(f.path)
		if err != nil {
			return err
		}
		_, ext := splitName(f.path)
		ext = strings.ToLower(ext)
		var d audit.Diff
		switch {
		case strings.HasPrefix(ext, ".parquet"):
			if !bytes.Equal(f.want, got) {
				i := 0
				for i < len(got) && i < len(f.want) && got[i] == f.want[i] {
					i++
				}
				return &exitError{code: exitDiffers, msg: fmt.Sprintf("%s: differs from the expected Parquet output from byte %d on (Parquet files are compared byte for byte)", f.path, i)}
			}
			continue
		case strings.HasPrefix(ext, ".jsonl"):
			d = audit.CompareLines(f.path, f.want, got, anyOrder)
		default:
			d, err = audit.CompareBytes(f.path, f.want, got, f.opts, anyOrder)
			if err != nil {
				return err
			}
		}
		if !d.Equal() {
			return &exitError{code: exitDiffers, msg: oneLine(d.String())}
		}
	}
	return nil
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
