package main

import (
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
	cmd.Flags().Bool("dry-run", false, "write nothing; print what would be written and the Python code (with --json, as JSON)")
}

// summarize builds the summary of a run writing outs (mpath "" for no
// manifest).
func (r *job) summarize(outs []output, mpath string) (*summary, error) {
	s := &summary{Command: r.cmd.Name(), Python: recipe.Imports(r.python) + r.python,
		Input: summaryInput{Path: r.input, Rows: r.rows}}
	if seed := r.recipe.SeedDecimal(); seed != "" {
		s.Seed = &seed
	}
	if mpath != "" {
		s.Manifest = &mpath
	}
	label, err := r.labelColumn()
	if err != nil {
		return nil, err
	}
	for _, o := range outs {
		so := summaryOutput{Name: summaryName(o.name), Path: o.path, Rows: o.rows}
		if label != nil {
			so.Classes = classCounts(label, o.order)
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
func (r *job) labelColumn() (*rows.Column, error) {
	for _, flag := range []string{"stratify", "label"} {
		if name, _ := r.cmd.Flags().GetString(flag); name != "" && r.table != nil {
			return table.Lookup(r.table, name, "--"+flag)
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
