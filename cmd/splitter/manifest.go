package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/job"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// Manifest is the record written beside a command's outputs
// (STEM.KIND.json); the type lives in package audit, which reads it back.
type Manifest = audit.Manifest

// manifestFlags registers --manifest and --no-manifest on cmd.
func manifestFlags(cmd *cobra.Command) {
	cmd.Flags().String("manifest", "", "write the manifest to `PATH` instead of STEM.KIND.json beside the outputs (KIND: split, kfold, shuffle, sample)")
	cmd.Flags().Bool("no-manifest", false, "write no manifest")
	summaryFlags(cmd)
}

// manifestOptions reads --manifest and --no-manifest into o.
func manifestOptions(cmd *cobra.Command, o *job.Options) error {
	f := cmd.Flags()
	o.NoManifest = flagBool(cmd, "no-manifest")
	o.Manifest, _ = f.GetString("manifest")
	switch {
	case o.NoManifest && f.Changed("manifest"):
		return fmt.Errorf("--manifest with --no-manifest: %w", ErrFlagCombination)
	case f.Changed("manifest") && o.Manifest == "":
		return flagErr("--manifest", o.Manifest, errors.New("want a file path"))
	}
	return nil
}

// stdoutPath is the output name that means standard output (-o -).
const stdoutPath = job.StdoutPath

// runRecipe is every row-writing command: job.Run with the command's
// flags for where files go, a progress bar on a terminal, the interrupt
// guard around the commit, and the summaries of --json, --dry-run and
// --verbose.
func runRecipe(cmd *cobra.Command, r *recipe.Recipe, input string, o job.Options) error {
	start := time.Now()
	ctx := cmd.Context()
	o.Input, o.Stdin, o.Stdout, o.Splitter, o.DryRun = input, cmd.InOrStdin(), cmd.OutOrStdout(), versionString(), flagBool(cmd, "dry-run")
	if err := manifestOptions(cmd, &o); err != nil {
		return err
	}
	if o.StdoutPart != "" && flagBool(cmd, "json") {
		return fmt.Errorf("--json with --stdout: %w (both write to standard output)", ErrFlagCombination)
	}
	var size int64 // the input's bytes as read, for the progress bar
	o.Progress = func(res *job.Result) (func(io.Writer) io.Writer, func()) {
		bar := startProgress(cmd, size, res.Rows, res.Outputs)
		return bar.wrap, bar.done
	}
	o.Commit = func(set *rows.Outputs) error { return commitOutputs(ctx, set) }
	var sum *summary
	o.Inspect = func(res *job.Result, t table.Table) error {
		if err := stdinOutput(res, o.Output); err != nil {
			return err
		}
		size = inputSize(t, input)
		for _, w := range res.Warnings {
			fmt.Fprintln(cmd.ErrOrStderr(), "warning: "+w)
		}
		if o.DryRun || flagBool(cmd, "json") {
			var err error
			sum, err = summarize(cmd, res, t)
			return err
		}
		return nil
	}
	res, err := job.Run(ctx, r, o)
	if err != nil {
		return inputErrs(append([]string{input}, o.Inputs...), err)
	}
	if r.SeedDrawn {
		annotate(cmd, drawnSeedKey, r.Seed)
	}
	if res.ManifestPath != "" && !o.DryRun {
		annotate(cmd, manifestKey, res.ManifestPath)
	}
	if res.Piped != nil {
		annotate(cmd, stdinKey, res.Piped.Ext)
	}
	if !o.DryRun {
		report(cmd, res, time.Since(start))
	}
	if sum != nil {
		return printSummary(cmd, sum, o.DryRun)
	}
	return nil
}

// annotate records a value on cmd (a drawn seed, the manifest written).
func annotate(cmd *cobra.Command, key, value string) {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[key] = value
}

// report prints, with --verbose, what the run wrote: each part's rows and
// file, the seed, the Python code, the manifest and the time taken.
func report(cmd *cobra.Command, res *job.Result, took time.Duration) {
	if !flagBool(cmd, "verbose") {
		return
	}
	w := cmd.ErrOrStderr()
	fmt.Fprintf(w, "input: %s, %d rows\n", res.Input, res.Rows)
	for _, o := range res.Outputs {
		fmt.Fprintf(w, "%s: %d rows -> %s\n", o.Name, o.Rows, o.Path)
	}
	switch r := res.Recipe; {
	case r.SeedDrawn:
		fmt.Fprintf(w, "seed (drawn): %s\n", r.Seed)
	case r.Seeded():
		fmt.Fprintf(w, "seed: %s\n", r.Seed)
	}
	if res.ManifestPath != "" {
		fmt.Fprintf(w, "manifest: %s\n", res.ManifestPath)
	}
	fmt.Fprintf(w, "python:\n%s%s", indent(recipe.Imports(res.Python)), indent(res.Python))
	fmt.Fprintf(w, "time: %.3f s\n", took.Seconds())
}

// indent prefixes every line of s with four spaces.
func indent(s string) string {
	if s == "" {
		return ""
	}
	return "    " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n    ") + "\n"
}
