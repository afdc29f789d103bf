package audit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// ErrShapeArgs is a list of files that does not fit the shape asked for.
var ErrShapeArgs = errors.New("want DATA TRAIN TEST, DATA TRAIN VAL TEST, DATA SHUFFLED, --split-column COL DATA FILE, --fold-column COL FILE, or DATA FOLD0 FOLD1 ...")

// ErrUnmatched reports parts whose rows are not rows of the data (or
// cannot be compared with them): no recipe can have made them.
var ErrUnmatched = errors.New("the parts are not rows of the data")

// unmatchedError is an error that also wraps ErrUnmatched, its message
// its own.
type unmatchedError struct{ err error }

func (e unmatchedError) Error() string   { return e.err.Error() }
func (e unmatchedError) Unwrap() []error { return []error{e.err, ErrUnmatched} }

// ShapeOptions say how the parts of a partition are given.
type ShapeOptions struct {
	// Key matches rows on this unique column alone ("" for every column
	// the data and the parts share, by value).
	Key string
	// SplitColumn: one part file whose column says each row's part
	// (train/test/val, or True/False for is-test).
	SplitColumn string
	// IDs: the part files are ID lists (row positions, or Key values).
	IDs bool
	// Read are the data's read options (read_csv's sep).
	Read rows.Options
}

// Shape is a partition as given on disk, matched to its data: the
// partition of two parts (or, for three, the matched train, val and
// test), the data (open: the caller closes it) and notes for the user.
type Shape struct {
	Partition *Partition
	Three     *Matched
	Data      table.Table
	Notes     []string
}

// OpenShape reads args (DATA, then its parts) in the shape o says: one
// shuffled file (DATA SHUFFLED: every row once, in the order to explain),
// two or three part files, matched by bytes when two hold the data's lines
// verbatim (splitter's outputs), by value as pandas reads them otherwise
// (parts written by pandas or Hugging Face); one file with a split
// column; ID lists. The caller closes e.Data (also on error, when set).
// Parts that are not rows of the data give an error wrapping ErrUnmatched.
func OpenShape(ctx context.Context, args []string, o ShapeOptions) (e *Shape, err error) {
	if (o.SplitColumn != "" && len(args) != 2) || (o.SplitColumn != "" || len(args) == 2) && o.IDs || len(args) < 2 || len(args) > 4 {
		return nil, fmt.Errorf("explain: %w", ErrShapeArgs)
	}
	e = &Shape{}
	if e.Data, err = table.Open(ctx, args[0], o.Read); err != nil {
		return e, named(args[0], err)
	}
	switch {
	case o.SplitColumn != "":
		return e, e.splitColumn(ctx, args, o.Read, o.Key, o.SplitColumn)
	case o.IDs:
		return e, e.idLists(args, o.Key)
	}
	return e, e.files(ctx, args, o.Read, o.Key)
}

// named prefixes err with the file it is about, unless it names it.
func named(path string, err error) error {
	var pe *rows.ParseError
	if err == nil || errors.As(err, &pe) || strings.Contains(err.Error(), path) {
		return err
	}
	return fmt.Errorf("%s: %w", path, err)
}

// PartOptions are the read options of a part file: the data's sep, else
// tab-separated for .tsv.
func PartOptions(opts rows.Options, path string) rows.Options {
	low := strings.ToLower(filepath.Base(rows.TrimCompression(path)))
	if opts.Sep == 0 && strings.HasSuffix(low, ".tsv") {
		return rows.Options{Sep: '\t'}
	}
	return opts
}

// files matches two or three part files (TRAIN [VAL] TEST): by bytes when
// there are two and both hold the data's lines verbatim (splitter's
// outputs), else by value.
func (e *Shape) files(ctx context.Context, args []string, opts rows.Options, key string) error {
	parts := make([]Table, len(args)-1)
	for i, path := range args[1:] {
		t, err := table.Open(ctx, path, PartOptions(opts, path))
		if err != nil {
			return named(path, err)
		}
		defer t.Close()
		parts[i] = t
	}
	if len(parts) == 2 && key == "" {
		if p := byBytes(args, e.Data, parts); p != nil {
			e.Partition = p
			return nil
		}
	}
	m, err := MatchTables(args, e.Data, parts, MatchOptions{Key: key})
	if err != nil {
		return keyHint(unmatched(err), key)
	}
	for i := range parts {
		if r := m.Missing(i); r >= 0 {
			return keyHint(unmatchedError{fmt.Errorf("%s: row %d is not a row of %s (compared by value on %s)", args[i+1], r+1, args[0], columnList(m.Columns))}, key)
		}
	}
	e.dupNote(args[0], m)
	e.set(m)
	return nil
}

// set makes m (parts train, test or train, val, test; or one shuffled
// part, as train with an empty test) what explain searches.
func (e *Shape) set(m *Matched) {
	if len(m.Parts) == 1 {
		e.Partition = &Partition{Data: m.Data, Train: m.Parts[0], Test: []int32{}, Count: m.Count}
		return
	}
	if len(m.Parts) == 3 {
		e.Three = m
		return
	}
	e.Partition = m.Partition(0, 1)
}

// byBytes is the partition of two CSV or JSON Lines parts holding the
// data's header and lines verbatim; nil otherwise.
func byBytes(args []string, data table.Table, parts []Table) *Partition {
	dix, ok0 := data.(*rows.Index)
	tix, ok1 := parts[0].(*rows.Index)
	six, ok2 := parts[1].(*rows.Index)
	if !ok0 || !ok1 || !ok2 {
		return nil
	}
	var p *Partition
	err := Guarded([]*rows.Index{dix, tix, six}, func() (err error) {
		if !firstVerbatim(dix, tix) || !firstVerbatim(dix, six) {
			return ErrHeader // another tool's file: not worth indexing by bytes
		}
		p, err = PartitionOf(dix, tix, six, [3]string(args))
		return err
	})
	if err != nil || slicesHas(p.Train, -1) || slicesHas(p.Test, -1) {
		return nil
	}
	return p
}

// splitColumn reads one file whose column col names each row's part.
func (e *Shape) splitColumn(ctx context.Context, args []string, opts rows.Options, key, col string) error {
	t, err := table.Open(ctx, args[1], PartOptions(opts, args[1]))
	if err != nil {
		return named(args[1], err)
	}
	defer t.Close()
	c, err := t.Column(col)
	if err != nil {
		return named(args[1], err)
	}
	parts, err := SplitParts(args[1], c)
	if err != nil {
		return err
	}
	m, err := MatchTables(args, e.Data, []Table{without{t, col}}, MatchOptions{Key: key})
	if err != nil {
		return unmatched(err)
	}
	pos, ambiguous := m.Positions(0)
	byPart := map[string][]int{}
	for r, p := range pos {
		if p < 0 {
			return unmatchedError{fmt.Errorf("%s: row %d is not a row of %s (compared by value on %s)", args[1], r+1, args[0], columnList(m.Columns))}
		}
		byPart[parts[r]] = append(byPart[parts[r]], p)
	}
	if ambiguous {
		e.Notes = append(e.Notes, fmt.Sprintf("%s: duplicated rows were placed on the first data rows holding their values; another placement may match too", args[1]))
	}
	sets := [][]int{byPart[PartTrain], byPart[PartTest]}
	if val, ok := byPart[PartVal]; ok {
		sets = [][]int{sets[0], val, sets[1]}
	}
	e.set(MembershipMatched(e.Data.Len(), sets))
	return nil
}

// idLists reads TRAIN [VAL] TEST as ID lists.
func (e *Shape) idLists(args []string, key string) error {
	pos := make([][]int, len(args)-1)
	for i, path := range args[1:] {
		b, err := os.ReadFile(path)
		if err != nil {
			return named(path, err)
		}
		ids, err := ReadIDList(path, b)
		if err != nil {
			return err
		}
		if pos[i], err = IDPositions(path, e.Data, key, ids); err != nil {
			return err
		}
	}
	e.set(MembershipMatched(e.Data.Len(), pos))
	return nil
}

// dupNote notes duplicated data rows, which a match places as the recipe
// does.
func (e *Shape) dupNote(data string, m *Matched) {
	if m.Duplicates > 0 {
		e.Notes = append(e.Notes, fmt.Sprintf("%s: %d rows repeat an earlier row on %s; parts cannot tell them apart, so a match places them as its recipe does", data, m.Duplicates, columnList(m.Columns)))
	}
}

// unmatched marks a part that cannot be compared as unmatched (no recipe
// made it), other errors unchanged.
func unmatched(err error) error {
	if errors.Is(err, ErrIndexDisagrees) || errors.Is(err, ErrNoCommonColumns) {
		return unmatchedError{err}
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
	Table
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

// keyHint adds to an unmatched error, when rows were compared on all
// their values, that values rewritten by the writer (to_csv's
// float_format, rounding) leave only --key to match rows.
func keyHint(err error, key string) error {
	var u unmatchedError
	if key != "" || !errors.As(err, &u) {
		return err
	}
	return unmatchedError{fmt.Errorf("%w; if the parts' values were rewritten (to_csv(float_format=...), rounding), only --key COL, a unique id column, can match their rows", u.err)}
}
