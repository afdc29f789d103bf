package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/rows"
)

// Manifest is the record written beside a command's outputs
// (STEM.split.json); the type lives in package audit, which reads it back.
type Manifest = audit.Manifest

// ManifestFile is a file and its SHA-256 (hex).
type ManifestFile = audit.File

// manifestFlags registers --manifest and --no-manifest on cmd.
func manifestFlags(cmd *cobra.Command) {
	cmd.Flags().String("manifest", "", "write the manifest to `PATH` instead of STEM.KIND.json beside the outputs (KIND: split, kfold, shuffle, sample)")
	cmd.Flags().Bool("no-manifest", false, "write no manifest")
	summaryFlags(cmd)
}

// manifestPath returns where the manifest goes ("" for none). def is the
// default path.
func manifestPath(cmd *cobra.Command, def string) (string, error) {
	no, _ := cmd.Flags().GetBool("no-manifest")
	p, _ := cmd.Flags().GetString("manifest")
	switch {
	case no && cmd.Flags().Changed("manifest"):
		return "", fmt.Errorf("--manifest with --no-manifest: %w", ErrFlagCombination)
	case no:
		return "", nil
	case cmd.Flags().Changed("manifest"):
		if p == "" {
			return "", flagErr("--manifest", p, errors.New("want a file path"))
		}
		return p, nil
	}
	return def, nil
}

// output is one file a command writes.
type output struct {
	name  string
	path  string
	rows  int
	order []int // the input rows it holds, in order (nil: all, in input order)
	write func(w io.Writer) error
}

// job is one row-writing command in progress: the input's hash is computed
// alongside the work.
type job struct {
	cmd       *cobra.Command
	input     string
	inputHash chan hashResult
	python    string // filled in by the command
	rows      int    // the input's row count
	table     table  // the input
	start     time.Time
	// writeAll, when set, writes all outputs at once (to their writers,
	// in the order of the outputs) in place of their write functions.
	writeAll func(ws []io.Writer) error
}

type hashResult struct {
	sum string
	err error
}

// startJob begins a command on input, hashing the input in the background
// when a manifest will record it.
func startJob(cmd *cobra.Command, input string, manifest bool) *job {
	r := &job{cmd: cmd, input: input, inputHash: make(chan hashResult, 1), start: time.Now()}
	if !manifest {
		return r
	}
	if input == stdinPath { // hashed as it was read
		r.inputHash <- hashResult{sum: cmd.Annotations[stdinSumKey]}
		return r
	}
	go func() {
		sum, err := hashFile(input)
		r.inputHash <- hashResult{sum, err}
	}()
	return r
}

// startInput is how every row-writing command begins: it resolves the
// manifest path (defManifest unless --manifest/--no-manifest), starts the
// job and opens input with --sep. The caller closes the table.
func startInput(cmd *cobra.Command, input, defManifest string) (j *job, mpath string, ix table, err error) {
	if mpath, err = manifestPath(cmd, defManifest); err != nil {
		return nil, "", nil, err
	}
	opts, err := readOptions(cmd)
	if err != nil {
		return nil, "", nil, err
	}
	if input == stdinPath {
		ix, err = openStdin(cmd, opts)
	} else if f := cmd.Flags().Lookup("format"); f != nil && f.Changed {
		err = flagErr("--format", f.Value.String(), fmt.Errorf("names the format of standard input (INPUT -) only"))
	} else {
		ix, err = openTable(cmd.Context(), input, opts)
	}
	if err != nil {
		return nil, "", nil, err
	}
	// The input is hashed (for the manifest) once indexed: indexing keeps
	// both cores busy, the permutation that follows one.
	j = startJob(cmd, input, mpath != "" && !flagBool(cmd, "dry-run"))
	j.table = ix
	return j, mpath, ix, nil
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	// Large reads: io.Copy's 32 KiB would take 10,000 calls per 300 MB.
	if _, err := io.CopyBuffer(struct{ io.Writer }{h}, struct{ io.Reader }{f}, make([]byte, 1<<20)); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// commit writes outs and, unless disabled, the manifest at mpath, all
// atomically: every file or none.
func (r *job) commit(ctx context.Context, outs []output, mpath string) error {
	if s, ok := ctx.Value(sinkKey{}).(*memSink); ok { // verify: to memory
		return s.collect(outs)
	}
	if err := stdinOutputs(r.cmd, r.input, outs); err != nil {
		return err
	}
	set := rows.NewOutputs(ctx)
	// Nothing is written unless every destination is safe to replace:
	// none is the input, another output or the manifest, none is a
	// directory or device, every folder can be made.
	if err := planOutputs(set, r.input, outs, mpath); err != nil {
		set.Abort()
		return err
	}
	if flagBool(r.cmd, "dry-run") {
		set.Abort()
		return r.printSummary(outs, mpath, true)
	}
	files := make([]ManifestFile, len(outs))
	bar := startProgressSized(r.cmd, inputSize(r.table, r.input), r.rows, outs)
	defer bar.done()
	// Every output is created first, then written: all at once when the
	// command can (a split's parts of a large input share one pass over
	// it), else in turn.
	dsts := make([]io.Writer, len(outs))
	sums := make([]hash.Hash, len(outs))
	var stdout *bufio.Writer // an output named "-"
	for i, o := range outs {
		var w io.Writer
		var err error
		if o.path == stdoutPath {
			stdout = bufio.NewWriterSize(r.cmd.OutOrStdout(), 1<<20)
			w = stdout
		} else if w, err = set.Create(o.path); err != nil {
			set.Abort()
			return fmt.Errorf("writing %s: %w", o.path, err)
		}
		// Outputs are hashed as they are written, only for a manifest
		// (hashing is a fifth of a split's CPU).
		sums[i] = sha256.New()
		dsts[i] = bar.wrap(w)
		if mpath != "" {
			dsts[i] = io.MultiWriter(dsts[i], sums[i])
		}
	}
	errs := make([]error, len(outs))
	if r.writeAll != nil {
		if err := r.writeAll(dsts); err != nil {
			set.Abort()
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("writing %s: %w", outputNames(outs), err)
		}
	} else {
		for i, o := range outs {
			if errs[i] = ctx.Err(); errs[i] == nil {
				errs[i] = o.write(dsts[i])
			}
			if errs[i] != nil {
				break
			}
		}
	}
	if stdout != nil {
		if err := stdout.Flush(); err != nil {
			set.Abort()
			return fmt.Errorf("writing standard output: %w", err)
		}
	}
	for i, o := range outs {
		if err := errs[i]; err != nil {
			set.Abort()
			if ctx.Err() != nil {
				// Interrupted: the outputs were aborted under the writer
				// ("file already closed"); report the interrupt.
				return ctx.Err()
			}
			return fmt.Errorf("writing %s: %w", o.path, err)
		}
		files[i] = ManifestFile{Name: o.name, Path: o.path, SHA256: hex.EncodeToString(sums[i].Sum(nil)), Rows: o.rows}
	}
	if mpath != "" {
		for i := range files {
			files[i].Path = relToManifest(mpath, files[i].Path)
		}
		m := Manifest{
			Format:    2,
			Splitter:  versionString(),
			Command:   r.cmd.Name(),
			Flags:     map[string]string{},
			Python:    pythonImports(r.python) + r.python,
			Libraries: libraries(r.cmd),
			Outputs:   files,
		}
		m.Seed, m.Drawn = r.cmd.Annotations[drawnSeedKey], true
		if m.Seed == "" {
			m.Drawn = false
			if f := r.cmd.Flags().Lookup("seed"); f != nil && f.Changed {
				m.Seed = f.Value.String()
			}
		}
		r.cmd.Flags().Visit(func(f *pflag.Flag) { m.Flags[f.Name] = f.Value.String() })
		hr := <-r.inputHash
		if hr.err != nil {
			set.Abort()
			return fmt.Errorf("hashing the input: %w", hr.err)
		}
		m.Input = ManifestFile{Path: relToManifest(mpath, r.input), SHA256: hr.sum, Rows: r.rows}
		for _, f := range files {
			if rows.IsCompressedPath(f.Path) {
				m.Note = "the sha256 of a compressed output is that of its uncompressed content"
			}
		}
		// Without HTML escaping: ">=2.3.0", not "\u003e=2.3.0".
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(m); err != nil {
			set.Abort()
			return err
		}
		data := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		w, err := set.Create(mpath)
		if err == nil {
			_, err = w.Write(append(data, '\n'))
		}
		if err != nil {
			set.Abort()
			return fmt.Errorf("writing %s: %w", mpath, err)
		}
	}
	if err := ctx.Err(); err != nil {
		set.Abort()
		return err
	}
	// The outputs were cut from the input as it was when indexed: if it
	// was replaced or rewritten since, they are not its rows.
	if u, ok := r.table.(interface{ Unchanged() error }); ok {
		if err := u.Unchanged(); err != nil {
			set.Abort()
			return err
		}
	}
	if err := commitOutputs(ctx, set); err != nil {
		return err
	}
	if mpath != "" {
		if r.cmd.Annotations == nil {
			r.cmd.Annotations = map[string]string{}
		}
		r.cmd.Annotations[manifestKey] = mpath
	}
	r.report(outs, mpath)
	return r.printSummary(outs, mpath, false)
}

// printSummary prints the run's summary (--json, --dry-run).
func (r *job) printSummary(outs []output, mpath string, dry bool) error {
	if !dry && !flagBool(r.cmd, "json") {
		return nil
	}
	s, err := r.summarize(outs, mpath)
	if err != nil {
		return err
	}
	return printSummary(r.cmd, s, dry)
}

// report prints, with --verbose, what the run wrote: each part's rows and
// file, the seed, the Python code, the manifest and the time taken.
func (r *job) report(outs []output, mpath string) {
	if !flagBool(r.cmd, "verbose") {
		return
	}
	w := r.cmd.ErrOrStderr()
	fmt.Fprintf(w, "input: %s, %d rows\n", r.input, r.rows)
	for _, o := range outs {
		fmt.Fprintf(w, "%s: %d rows -> %s\n", o.name, o.rows, o.path)
	}
	if s := r.cmd.Annotations[drawnSeedKey]; s != "" {
		fmt.Fprintf(w, "seed (drawn): %s\n", s)
	} else if f := r.cmd.Flags().Lookup("seed"); f != nil && f.Changed {
		fmt.Fprintf(w, "seed: %s\n", f.Value.String())
	}
	if mpath != "" {
		fmt.Fprintf(w, "manifest: %s\n", mpath)
	}
	fmt.Fprintf(w, "python:\n%s%s", indent(pythonImports(r.python)), indent(r.python))
	fmt.Fprintf(w, "time: %.3f s\n", time.Since(r.start).Seconds())
}

// indent prefixes every line of s with four spaces.
func indent(s string) string {
	if s == "" {
		return ""
	}
	return "    " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n    ") + "\n"
}

// planOutputs protects the input and plans every destination of a run.
func planOutputs(set *rows.Outputs, input string, outs []output, mpath string) error {
	if input != stdinPath { // standard input is no file to protect
		if err := set.Protect(input); err != nil {
			return err
		}
	}
	paths := make([]string, 0, len(outs))
	for _, o := range outs {
		if o.path != stdoutPath {
			paths = append(paths, o.path)
		}
	}
	if err := set.Plan(paths...); err != nil {
		return planErr("output", err)
	}
	if mpath == "" {
		return nil
	}
	if err := set.Plan(mpath); err != nil {
		return planErr("the manifest", err)
	}
	return nil
}

// planErr says which file of the run a clobber error is about:
// "output data.csv would replace the input data.csv".
func planErr(what string, err error) error {
	if errors.Is(err, rows.ErrClobber) {
		return fmt.Errorf("%s %w", what, err)
	}
	return err
}

// outputNames lists the outputs' paths for an error about all of them.
func outputNames(outs []output) string {
	names := make([]string, len(outs))
	for i, o := range outs {
		names[i] = o.path
	}
	return strings.Join(names, ", ")
}

// defaultManifest is STEM.KIND.json in dir (the input's folder when
// empty), KIND the command's name: runs of different kinds on one input
// keep their own manifests.
func defaultManifest(input, dir, kind string) string {
	stem, _ := splitName(input)
	if dir == "" {
		dir = filepath.Dir(input)
	}
	return filepath.Join(dir, stem+"."+kind+".json")
}

// stdoutPath is the output name that means standard output (-o -).
const stdoutPath = "-"

// relToManifest writes path relative to the manifest's folder (what
// manifest_version 2 records), so that a manifest moved together with its
// files still verifies from any folder.
func relToManifest(mpath, path string) string {
	if path == stdoutPath {
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
