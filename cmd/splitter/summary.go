package main

import (
	"github.com/splitter-dev/splitter/job"

	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/internal/py"
	"github.com/splitter-dev/splitter/recipe"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// summary is what --json prints on stdout after a command that writes
// rows (and --dry-run instead of writing): the contract's summary object.
type summary struct {
	Command  string          `json:"command"`
	Seed     *string         `json:"seed"` // the decimal seed; null when the call draws none
	Python   string          `json:"python"`
	Input    summaryInput    `json:"input"`
	Outputs  []summaryOutput `json:"outputs"`
	Manifest *string         `json:"manifest"`
}

type summaryInput struct {
	Path string `json:"path"`
	Rows int    `json:"rows"`
}

type summaryOutput struct {
	Name    string         `json:"name"`
	Path    string         `json:"path"`
	Rows    int            `json:"rows"`
	Classes map[string]int `json:"classes,omitempty"` // label as str() prints it: count
}

// summaryFlags registers --json and --dry-run on a command that writes
// rows.
func summaryFlags(cmd *cobra.Command) {
	cmd.Flags().Bool("json", false, "print a JSON summary on stdout (files, rows per part, class counts, seed, Python code, manifest)")
	cmd.Flags().String("label", "", "with --json or --dry-run: count the classes of `COL` in each output (as --stratify does)")
	cmd.Flags().Bool("dry-run", false, "write nothing; print what would be written and the Python code (with --json, as JSON)")
}

// summarize builds the summary of a run (its input t still open).
func summarize(cmd *cobra.Command, res *job.Result, t table.Table) (*summary, error) {
	s := &summary{Command: cmd.Name(), Python: recipe.Imports(res.Python) + res.Python,
		Input: summaryInput{Path: res.Input, Rows: res.Rows}}
	if seed := res.Recipe.SeedDecimal(); seed != "" {
		s.Seed = &seed
	}
	if res.ManifestPath != "" {
		s.Manifest = &res.ManifestPath
	}
	label, err := labelColumn(cmd, t)
	if err != nil {
		return nil, err
	}
	for _, o := range res.Outputs {
		so := summaryOutput{Name: summaryName(o.Name), Path: o.Path, Rows: o.Rows}
		if label != nil {
			so.Classes = classCounts(label, o.Order)
		}
		s.Outputs = append(s.Outputs, so)
	}
	return s, nil
}

// summaryName is an output's name in the summary: shuffle's and sample's
// single output is named after the command.
func summaryName(name string) string {
	switch name {
	case "shuffled":
		return "shuffle"
	case "sampled":
		return "sample"
	}
	return name
}

// labelColumn reads the --stratify (or --label) column whose classes the
// summary counts; nil when neither is given.
func labelColumn(cmd *cobra.Command, t table.Table) (*rows.Column, error) {
	for _, flag := range []string{"stratify", "label"} {
		if name, _ := cmd.Flags().GetString(flag); name != "" {
			return table.Lookup(t, name, "--"+flag)
		}
	}
	return nil, nil
}

// classCounts counts the rows of order (all rows when order is nil) by
// their label as Python's str() prints the value pandas holds.
func classCounts(col *rows.Column, order []int) map[string]int {
	counts := map[string]int{}
	if order == nil {
		for i := range col.Len() {
			counts[py.Str(col.Value(i))]++
		}
		return counts
	}
	for _, i := range order {
		counts[py.Str(col.Value(i))]++
	}
	return counts
}

// printSummary writes s on stdout: JSON with --json, else (a dry run) a
// few lines for people.
func printSummary(cmd *cobra.Command, s *summary, dry bool) error {
	w := cmd.OutOrStdout()
	if flagBool(cmd, "json") {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	if !dry {
		return nil
	}
	fmt.Fprintf(w, "dry run: nothing written\ninput: %s, %d rows\n", s.Input.Path, s.Input.Rows)
	for _, o := range s.Outputs {
		fmt.Fprintf(w, "would write %s: %s, %d rows\n", o.Name, o.Path, o.Rows)
	}
	if s.Manifest != nil {
		fmt.Fprintf(w, "would write the manifest: %s\n", *s.Manifest)
	}
	fmt.Fprintf(w, "python:\n%s", indent(s.Python))
	return nil
}
