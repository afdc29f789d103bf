package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// manTestTree is a command tree with what a page must escape or leave
// out: a backslash, a line starting with a dot, a dash, a character
// beyond ASCII, an indented block, a hidden flag and a hidden command.
func manTestTree() *cobra.Command {
	root := &cobra.Command{Use: "tool", Short: "Does things", Long: "Reads C:\\data and\n.dots — first.\n\nA table:\n  a  1\n  b  2",
		Example: "  tool --seed 1 x.csv"}
	root.PersistentFlags().Bool("quiet", false, "say `nothing`")
	sub := &cobra.Command{Use: "sub N", Short: "A subcommand", Run: func(*cobra.Command, []string) {}}
	sub.Flags().StringP("seed", "s", "7", "the `SEED`")
	sub.Flags().Bool("secret", false, "a hidden flag")
	sub.Flags().MarkHidden("secret")
	hidden := &cobra.Command{Use: "ghost", Hidden: true, Run: func(*cobra.Command, []string) {}}
	root.AddCommand(sub, hidden)
	return root
}

// TestWriteManTree: one page per listed command, named as cobra/doc names
// them, with the sections in order and roff's special characters escaped.
func TestWriteManTree(t *testing.T) {
	dir := t.TempDir()
	h := manPage{title: "TOOL", section: "1", source: "tool v1", date: "Jan 2026"}
	if err := writeManTree(manTestTree(), h, dir); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if want := []string{"tool-sub.1", "tool.1"}; !slices.Equal(names, want) {
		t.Fatalf("pages %q, want %q", names, want)
	}
	root := string(mustRead(t, filepath.Join(dir, "tool.1")))
	for _, s := range []string{
		".TH \"TOOL\" \"1\" \"Jan 2026\" \"tool v1\" \"\"\n",
		".SH NAME\ntool \\- Does things\n",
		"Reads C:\\edata and\n\\&.dots \\[u2014] first.\n.PP\n.nf\nA table:\n  a  1\n  b  2\n.fi\n",
		".SH OPTIONS\n.TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\n",
		".TP\n\\fB\\-\\-quiet\\fR \\fInothing\\fR\nsay nothing\n",
		".SH EXAMPLES\n.nf\n  tool \\-\\-seed 1 x.csv\n.fi\n",
		".SH SEE ALSO\n\\fBtool\\-sub\\fR(1)\n",
	} {
		if !strings.Contains(root, s) {
			t.Errorf("tool.1 lacks %q:\n%s", s, root)
		}
	}
	sub := string(mustRead(t, filepath.Join(dir, "tool-sub.1")))
	for _, s := range []string{
		".SH SYNOPSIS\n.B tool sub N [flags]\n",
		".SH DESCRIPTION\nA subcommand\n",
		"\\fB\\-s\\fR, \\fB\\-\\-seed\\fR \\fISEED\\fR\nthe SEED (default 7)\n",
		".SH OPTIONS INHERITED FROM PARENT COMMANDS\n.TP\n\\fB\\-\\-quiet\\fR",
		".SH SEE ALSO\n\\fBtool\\fR(1)\n",
	} {
		if !strings.Contains(sub, s) {
			t.Errorf("tool-sub.1 lacks %q:\n%s", s, sub)
		}
	}
	if strings.Contains(sub, "secret") || strings.Contains(root, "ghost") {
		t.Errorf("a hidden flag or command is listed:\n%s\n%s", root, sub)
	}
	sections := []string{".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH EXAMPLES", ".SH SEE ALSO"}
	last := -1
	for _, s := range sections {
		i := strings.Index(root, s)
		if i <= last {
			t.Errorf("tool.1: %s out of order", s)
		}
		last = i
	}
}

// TestManPagesGroff: splitter's own pages render without a warning from
// groff (unknown requests, bad escapes, raw non-ASCII bytes).
func TestManPagesGroff(t *testing.T) {
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Skip("no groff")
	}
	dir := t.TempDir()
	mustRun(t, dir, "man", "man1")
	pages, _ := filepath.Glob(filepath.Join(dir, "man1", "*.1"))
	if len(pages) < 8 {
		t.Fatalf("%d pages", len(pages))
	}
	for _, p := range pages {
		out, err := exec.Command(groff, "-man", "-ww", "-z", p).CombinedOutput()
		if err != nil || len(out) > 0 {
			t.Errorf("groff %s: %v %s", filepath.Base(p), err, out)
		}
	}
}
