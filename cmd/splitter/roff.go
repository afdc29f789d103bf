package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// manPage is the header every page of a tree shares: the title, the
// section and the footer's source and date.
type manPage struct {
	title, section, source, date string
}

// manDate is the pages' date: SOURCE_DATE_EPOCH's when set (reproducible
// builds), else today's.
func manDate() (string, error) {
	t := time.Now()
	if e := os.Getenv("SOURCE_DATE_EPOCH"); e != "" {
		var s int64
		if _, err := fmt.Sscan(e, &s); err != nil {
			return "", fmt.Errorf("SOURCE_DATE_EPOCH: %w", err)
		}
		t = time.Unix(s, 0)
	}
	return t.UTC().Format("Jan 2006"), nil
}

// writeManTree writes the page of cmd and of each command under it that
// help lists into dir, named after the command's path with dashes
// ("splitter-split.1"), as cobra/doc's GenManTree names them.
func writeManTree(cmd *cobra.Command, h manPage, dir string) error {
	for _, c := range cmd.Commands() {
		if manListed(c) {
			if err := writeManTree(c, h, dir); err != nil {
				return err
			}
		}
	}
	name := strings.ReplaceAll(cmd.CommandPath(), " ", "-") + "." + h.section
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	if err := writeMan(f, cmd, h); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// manListed reports whether c has a page: not hidden, deprecated, the
// help command or a help topic.
func manListed(c *cobra.Command) bool {
	return c.IsAvailableCommand() && !c.IsAdditionalHelpTopicCommand()
}

// writeMan writes cmd's page in roff (man(7)): NAME, SYNOPSIS,
// DESCRIPTION, OPTIONS, OPTIONS INHERITED FROM PARENT COMMANDS, EXAMPLES
// and SEE ALSO. Text is written as given: paragraphs at blank lines,
// indented lines kept as they are (tables, commands).
func writeMan(w io.Writer, cmd *cobra.Command, h manPage) error {
	cmd.InitDefaultHelpFlag() // added to a command when it runs: listed as cobra/doc does
	var b strings.Builder
	dashed := strings.ReplaceAll(cmd.CommandPath(), " ", "-")
	fmt.Fprintf(&b, ".TH \"%s\" \"%s\" \"%s\" \"%s\" \"\"\n.nh\n.ad l\n", h.title, h.section, h.date, roffEscape(h.source))
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n", roffEscape(dashed), roffEscape(cmd.Short))
	fmt.Fprintf(&b, ".SH SYNOPSIS\n.B %s\n", roffEscape(cmd.UseLine()))
	desc := cmd.Long
	if desc == "" {
		desc = cmd.Short
	}
	b.WriteString(".SH DESCRIPTION\n")
	roffText(&b, desc)
	roffFlags(&b, "OPTIONS", cmd.NonInheritedFlags())
	roffFlags(&b, "OPTIONS INHERITED FROM PARENT COMMANDS", cmd.InheritedFlags())
	if cmd.Example != "" {
		b.WriteString(".SH EXAMPLES\n")
		roffText(&b, cmd.Example)
	}
	if see := seeAlso(cmd, h.section); len(see) > 0 {
		fmt.Fprintf(&b, ".SH SEE ALSO\n%s\n", strings.Join(see, ",\n"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// seeAlso lists the pages of cmd's parent and listed subcommands, bold,
// with their section: "\fBsplitter\fR(1)".
func seeAlso(cmd *cobra.Command, section string) []string {
	var names []string
	if cmd.HasParent() {
		names = append(names, cmd.Parent().CommandPath())
	}
	var subs []string
	for _, c := range cmd.Commands() {
		if manListed(c) {
			subs = append(subs, c.CommandPath())
		}
	}
	slices.Sort(subs)
	var see []string
	for _, n := range append(names, subs...) {
		see = append(see, fmt.Sprintf("\\fB%s\\fR(%s)", roffEscape(strings.ReplaceAll(n, " ", "-")), section))
	}
	return see
}

// roffFlags writes a section listing the flags that are not hidden, one
// tagged paragraph each: "-s, --long VALUE", then the usage and default.
func roffFlags(b *strings.Builder, title string, fs *pflag.FlagSet) {
	var lines []string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name, usage := pflag.UnquoteUsage(f)
		tag := "\\fB\\-\\-" + roffEscape(f.Name) + "\\fR"
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			tag = "\\fB\\-" + roffEscape(f.Shorthand) + "\\fR, " + tag
		}
		if name != "" {
			tag += " \\fI" + roffEscape(name) + "\\fR"
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" && f.DefValue != "0" {
			usage += " (default " + f.DefValue + ")"
		}
		lines = append(lines, ".TP\n"+tag+"\n"+roffLine(usage)+"\n")
	})
	if len(lines) == 0 {
		return
	}
	b.WriteString(".SH " + title + "\n")
	b.WriteString(strings.Join(lines, ""))
}

// roffText writes text as paragraphs: at blank lines a new one; a
// paragraph holding an indented line (a table, commands) kept unfilled,
// line for line.
func roffText(b *strings.Builder, text string) {
	for i, para := range strings.Split(strings.Trim(text, "\n"), "\n\n") {
		para = strings.Trim(para, "\n")
		if para == "" {
			continue
		}
		if i > 0 {
			b.WriteString(".PP\n")
		}
		lines := strings.Split(para, "\n")
		indented := slices.ContainsFunc(lines, func(l string) bool {
			return strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")
		})
		if indented {
			b.WriteString(".nf\n")
		}
		for _, l := range lines {
			b.WriteString(roffLine(l) + "\n")
		}
		if indented {
			b.WriteString(".fi\n")
		}
	}
}

// roffLine is text escaped, each of its lines guarded against reading as
// a request when it begins with a dot or an apostrophe.
func roffLine(s string) string {
	lines := strings.Split(roffEscape(s), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
			lines[i] = `\&` + l
		}
	}
	return strings.Join(lines, "\n")
}

// roffEscape escapes what roff would interpret in text: backslashes;
// dashes, written as \- so that options print as ASCII minus signs; and
// characters beyond ASCII, written as \[uXXXX] (troff reads bytes).
func roffEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '-':
			b.WriteString(`\-`)
		case r >= 0x80:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
