package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/splitter-dev/splitter/audit"
	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// errExplainArgs is an explain command line whose files do not fit its
// shape flags.
var errExplainArgs = errors.New("want DATA TRAIN TEST, DATA TRAIN VAL TEST, or --split-column COL DATA FILE")

// matchFlags adds the flags saying how explain reads the parts.
func matchFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("key", "", "match rows on this unique id `COL`umn alone (default: every column DATA and the parts share, by value)")
	f.String("split-column", "", "DATA FILE: FILE's `COL` says each row's part (train/test/val, or True/False for is-test); membership only")
	f.Bool("ids", false, "TRAIN [VAL] TEST are ID lists (one id a line, or a JSON list): row positions, or values of --key")
}

// explainThree searches the two-step three-way splits of e.three and
// prints each match.
func explainThree(cmd *cobra.Command, args []string, readCall string, e *explainParts, eo audit.ExplainOptions) error {
	matches, err := audit.Explain3(cmd.Context(), e.three, eo)
	if err != nil {
		return err
	}
	for _, m := range matches {
		fmt.Fprintf(cmd.OutOrStdout(), "seed %d: %s\n", m.Seed, m.Python(readCall))
	}
	if len(matches) == 0 {
		return &exitError{code: exitDiffers, msg: fmt.Sprintf("%s: no two-step recipe with a seed in %d-%d makes them from %s", strings.Join(args[1:], ", "), eo.First, eo.Last, args[0])}
	}
	return nil
}

// explainParts is what explain searches: the partition (or, for a
// three-way split, the matched train, val and test), the data (for
// stratify columns) and notes for stderr.
type explainParts struct {
	p     *audit.Partition
	three *audit.Matched
	data  table.Table
	notes []string
}

// openParts reads DATA and its parts in the shape the flags say: two part
// files matched by bytes when they hold the data's lines verbatim, by
// value otherwise; one file with a split column; two ID lists. The caller
// closes e.data (also on error, when set).
func openParts(cmd *cobra.Command, args []string, opts rows.Options) (e *explainParts, err error) {
	f := cmd.Flags()
	key, _ := f.GetString("key")
	splitCol, _ := f.GetString("split-column")
	ids, _ := f.GetBool("ids")
	if (splitCol != "") != (len(args) == 2) || (splitCol != "" && ids) {
		return nil, fmt.Errorf("explain: %w", errExplainArgs)
	}
	e = &explainParts{}
	if e.data, err = table.Open(cmd.Context(), args[0], opts); err != nil {
		return e, inputErr(args[0], err)
	}
	switch {
	case splitCol != "":
		return e, e.splitColumn(cmd, args, opts, key, splitCol)
	case ids:
		return e, e.idLists(args, key)
	}
	return e, e.files(cmd, args, opts, key)
}

// files matches two or three part files (TRAIN [VAL] TEST): by bytes when
// there are two and both hold the data's lines verbatim (splitter's
// outputs), else by value.
func (e *explainParts) files(cmd *cobra.Command, args []string, opts rows.Options, key string) error {
	parts := make([]audit.Table, len(args)-1)
	for i, path := range args[1:] {
		t, err := table.Open(cmd.Context(), path, fileOptions(opts, path))
		if err != nil {
			return inputErr(path, err)
		}
		defer t.Close()
		parts[i] = t
	}
	if len(parts) == 2 && key == "" {
		if p := byBytes(args, e.data, parts); p != nil {
			e.p = p
			return nil
		}
	}
	m, err := audit.MatchTables(args, e.data, parts, audit.MatchOptions{Key: key})
	if err != nil {
		return unmatched(err)
	}
	for i := range parts {
		if r := m.Missing(i); r >= 0 {
			return &exitError{code: exitDiffers, msg: fmt.Sprintf("%s: row %d is not a row of %s (compared by value on %s)", args[i+1], r+1, args[0], columnList(m.Columns))}
		}
	}
	e.dupNote(args[0], m)
	e.set(m)
	return nil
}

// set makes m (parts train, test or train, val, test) what explain
// searches.
func (e *explainParts) set(m *audit.Matched) {
	if len(m.Parts) == 3 {
		e.three = m
		return
	}
	e.p = m.Partition(0, 1)
}

// byBytes is the partition of two CSV or JSON Lines parts holding the
// data's header and lines verbatim; nil otherwise.
func byBytes(args []string, data table.Table, parts []audit.Table) *audit.Partition {
	dix, ok0 := data.(*rows.Index)
	tix, ok1 := parts[0].(*rows.Index)
	six, ok2 := parts[1].(*rows.Index)
	if !ok0 || !ok1 || !ok2 {
		return nil
	}
	var p *audit.Partition
	err := audit.Guarded([]*rows.Index{dix, tix, six}, func() (err error) {
		if !firstVerbatim(dix, tix) || !firstVerbatim(dix, six) {
			return audit.ErrHeader // another tool's file: not worth indexing by bytes
		}
		p, err = audit.PartitionOf(dix, tix, six, [3]string(args))
		return err
	})
	if err != nil || slicesHas(p.Train, -1) || slicesHas(p.Test, -1) {
		return nil
	}
	return p
}

// splitColumn reads one file whose column col names each row's part.
func (e *explainParts) splitColumn(cmd *cobra.Command, args []string, opts rows.Options, key, col string) error {
	t, err := table.Open(cmd.Context(), args[1], fileOptions(opts, args[1]))
	if err != nil {
		return inputErr(args[1], err)
	}
	defer t.Close()
	c, err := t.Column(col)
	if err != nil {
		return inputErr(args[1], err)
	}
	parts, err := audit.SplitParts(args[1], c)
	if err != nil {
		return err
	}
	m, err := audit.MatchTables(args, e.data, []audit.Table{without{t, col}}, audit.MatchOptions{Key: key})
	if err != nil {
		return unmatched(err)
	}
	pos, ambiguous := m.Positions(0)
	byPart := map[string][]int{}
	for r, p := range pos {
		if p < 0 {
			return &exitError{code: exitDiffers, msg: fmt.Sprintf("%s: row %d is not a row of %s (compared by value on %s)", args[1], r+1, args[0], columnList(m.Columns))}
		}
		byPart[parts[r]] = append(byPart[parts[r]], p)
	}
	if ambiguous {
		e.notes = append(e.notes, fmt.Sprintf("%s: duplicated rows were placed on the first data rows holding their values; another placement may match too", args[1]))
	}
	sets := [][]int{byPart[audit.PartTrain], byPart[audit.PartTest]}
	if val, ok := byPart[audit.PartVal]; ok {
		sets = [][]int{sets[0], val, sets[1]}
	}
	e.set(audit.MembershipMatched(e.data.Len(), sets))
	return nil
}

// idLists reads TRAIN [VAL] TEST as ID lists.
func (e *explainParts) idLists(args []string, key string) error {
	pos := make([][]int, len(args)-1)
	for i, path := range args[1:] {
		b, err := os.ReadFile(path)
		if err != nil {
			return inputErr(path, err)
		}
		ids, err := audit.ReadIDList(path, b)
		if err != nil {
			return err
		}
		if pos[i], err = audit.IDPositions(path, e.data, key, ids); err != nil {
			return err
		}
	}
	e.set(audit.MembershipMatched(e.data.Len(), pos))
	return nil
}

// dupNote notes duplicated data rows, which a match places as the recipe
// does.
func (e *explainParts) dupNote(data string, m *audit.Matched) {
	if m.Duplicates > 0 {
		e.notes = append(e.notes, fmt.Sprintf("%s: %d rows repeat an earlier row on %s; parts cannot tell them apart, so a match places them as its recipe does", data, m.Duplicates, columnList(m.Columns)))
	}
}

// unmatched turns a part that cannot be compared into explain's "no
// recipe" (exit 1), other errors unchanged.
func unmatched(err error) error {
	if errors.Is(err, audit.ErrIndexDisagrees) || errors.Is(err, audit.ErrNoCommonColumns) {
		return &exitError{code: exitDiffers, msg: err.Error()}
	}
	return err
}

func columnList(cols []string) string {
	if len(cols) == 1 {
		return fmt.Sprintf("column %q", cols[0])
	}
	return fmt.Sprintf("%d columns", len(cols))
}

func slicesHas(s []int32, v int32) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// without is a table with one column hidden (the split column is not
// compared with the data).
type without struct {
	audit.Table
	col string
}

func (w without) Names() []string {
	var out []string
	for _, n := range w.Table.Names() {
		if n != w.col {
			out = append(out, n)
		}
	}
	return out
}

// firstVerbatim reports whether part has the data's header line and its
// first row is a line of the data (line ends aside): a cheap test (one
// scan of the data's rows) that keeps files written by another tool from
// a full match by bytes bound to fail.
func firstVerbatim(data, part *rows.Index) bool {
	trim := func(b []byte) []byte { return bytes.TrimRight(b, "\r\n") }
	if !bytes.Equal(trim(data.Header()), trim(part.Header())) {
		return false
	}
	if part.Len() == 0 {
		return true
	}
	first := trim(part.Record(0))
	for i := range data.Len() {
		if bytes.Equal(trim(data.Record(i)), first) {
			return true
		}
	}
	return false
}
