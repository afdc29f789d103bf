package audit

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/splitter-dev/splitter/rows"
)

// Diff is how a file's rows differ from the rows a recipe produces. Rows
// are compared by their bytes without the line end.
type Diff struct {
	// File is the file compared.
	File string
	// Row is the 1-based data row of the first divergence (0: the header),
	// or -1 when the file holds exactly the expected rows.
	Row int
	// Line is the file's line where Row begins (for LineEnds, the line of
	// the first differing byte); 0 when unknown.
	Line int
	// Want and Got are the expected and the found record at Row, without
	// their line end; nil when not known or not to be shown (a Comparer
	// without CompareOptions.Quote), or past the end (WantEnd, GotEnd).
	Want, Got []byte
	// WantEnd reports that the expected rows end before Row (Got is an
	// extra row, or with AnyOrder a row that is not expected); GotEnd
	// that the file ends before Row.
	WantEnd, GotEnd bool
	// MissingRow is, with AnyOrder, the first expected row the file lacks
	// (0: none).
	MissingRow int
	// LineEnds reports files holding the same rows with other bytes
	// between them (line ends, blank lines); Offset is then the first
	// differing byte.
	LineEnds bool
	// Binary reports a file compared byte for byte (Parquet) that differs
	// from byte Offset on.
	Binary bool
	Offset int64
	// Missing counts expected rows the file lacks, Extra rows the file has
	// beyond the expected ones (both as multisets: a duplicated row is one
	// extra), Misplaced rows present in both but at another position.
	Missing, Extra, Misplaced int
	// AnyOrder reports that order was ignored (rows compared as multisets).
	AnyOrder bool
}

// Equal reports whether the file holds exactly the expected rows (in
// order, unless AnyOrder).
func (d Diff) Equal() bool { return d.Row < 0 }

// String is the one-line report quoting the rows that differ:
// "train.csv: row 3: expected "..." found "..." (1 missing, 0 extra, 2
// misplaced rows)".
func (d Diff) String() string { return d.format(true) }

// Summary is the one-line report without any byte of either file: rows,
// lines, byte offsets and counts only ("train.csv: row 3 (line 4) differs
// from the expected row (1 missing, 0 extra, 2 misplaced rows)"), for
// reports on files named by someone else (a manifest).
func (d Diff) Summary() string { return d.format(false) }

func (d Diff) format(show bool) string {
	switch {
	case d.Equal():
		return d.File + ": as expected"
	case d.Binary:
		return fmt.Sprintf("%s: differs from the expected output from byte %d on (compared byte for byte)", d.File, d.Offset)
	}
	q := func(b []byte) (string, bool) {
		if show && b != nil {
			return quote(b), true
		}
		return "", false
	}
	want, hasWant := q(d.Want)
	got, hasGot := q(d.Got)
	loc := fmt.Sprintf("row %d", d.Row)
	if d.Row == 0 {
		loc = "header"
	}
	if d.Line > 0 {
		loc += fmt.Sprintf(" (line %d)", d.Line)
	}
	var what string
	switch {
	case d.LineEnds:
		what = fmt.Sprintf("%s: the rows are as expected but the bytes differ from byte %d on (line ends or blank lines)", loc, d.Offset)
	case d.Row == 0 && show:
		what = fmt.Sprintf("%s: expected %s, found %s", loc, quote(d.Want), quote(d.Got))
	case d.Row == 0 && d.GotEnd:
		what = loc + ": expected a header, found an empty file"
	case d.Row == 0:
		what = loc + " differs from the expected one"
	case d.GotEnd && !hasWant && d.MissingRow > 0:
		what = fmt.Sprintf("%s: the file ends, and the expected row %d is missing", loc, d.MissingRow)
	case d.GotEnd:
		if !hasWant {
			want = "another row"
		}
		what = fmt.Sprintf("%s: expected %s, found the end of the file", loc, want)
	case d.AnyOrder:
		if hasGot {
			what = fmt.Sprintf("%s: %s is not an expected row", loc, got)
		} else {
			what = loc + " is not an expected row"
		}
		switch {
		case hasWant:
			what += fmt.Sprintf(" (%s is missing)", want)
		case d.MissingRow > 0:
			what += fmt.Sprintf(" (the expected row %d is missing)", d.MissingRow)
		}
	case d.WantEnd:
		if !hasGot {
			got = "another row"
		}
		what = fmt.Sprintf("%s: expected the end of the file, found %s", loc, got)
	case hasWant && hasGot:
		what = fmt.Sprintf("%s: expected %s, found %s", loc, want, got)
	default:
		what = loc + " differs from the expected row"
	}
	return fmt.Sprintf("%s: %s (%d missing, %d extra, %d misplaced rows)", d.File, what, d.Missing, d.Extra, d.Misplaced)
}

// quote shows a record, shortened to 200 bytes.
func quote(b []byte) string {
	if len(b) > 200 {
		return strconv.Quote(string(b[:200])) + "..."
	}
	return strconv.Quote(string(b))
}

// trimEOL drops a record's line end.
func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// Records returns the header and the records of ix without line ends.
func Records(ix *rows.Index) (header []byte, recs [][]byte) {
	recs = make([][]byte, ix.Len())
	for i := range recs {
		recs[i] = trimEOL(ix.Record(i))
	}
	return trimEOL(ix.Header()), recs
}

// CompareRecords compares a file's header and records (got) with the
// expected ones (want), in order or, with anyOrder, as multisets.
func CompareRecords(file string, wantHeader, gotHeader []byte, want, got [][]byte, anyOrder bool) Diff {
	d := Diff{File: file, Row: -1, AnyOrder: anyOrder}
	counts := make(map[string]int, len(want))
	for _, r := range want {
		counts[string(r)]++
	}
	inPlace := 0
	for i, r := range got {
		if i < len(want) && bytes.Equal(r, want[i]) {
			inPlace++
		}
	}
	common := 0
	for _, r := range got {
		k := string(r)
		if counts[k] > 0 {
			counts[k]--
			common++
		} else {
			d.Extra++
		}
	}
	d.Missing = len(want) - common
	d.Misplaced = common - inPlace
	if !bytes.Equal(wantHeader, gotHeader) {
		d.Row, d.Want, d.Got = 0, wantHeader, gotHeader
		d.WantEnd, d.GotEnd = wantHeader == nil, gotHeader == nil
		return d
	}
	if anyOrder {
		if d.Missing == 0 && d.Extra == 0 {
			return d
		}
		d.firstAnyOrder(want, got)
		return d
	}
	for i := 0; i < len(want) || i < len(got); i++ {
		var w, g []byte
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w == nil || g == nil || !bytes.Equal(w, g) {
			d.Row, d.Want, d.Got = i+1, w, g
			d.WantEnd, d.GotEnd = i >= len(want), i >= len(got)
			return d
		}
	}
	return d
}

// firstAnyOrder finds the first row of the file that is not an expected row
// (an extra), and the first expected row that the file lacks.
func (d *Diff) firstAnyOrder(want, got [][]byte) {
	counts := make(map[string]int, len(got))
	for _, r := range got {
		counts[string(r)]++
	}
	var missing []byte
	for _, r := range want {
		k := string(r)
		if counts[k] > 0 {
			counts[k]--
		} else if missing == nil {
			missing = r
		}
	}
	wc := make(map[string]int, len(want))
	for _, r := range want {
		wc[string(r)]++
	}
	for i, r := range got {
		k := string(r)
		if wc[k] > 0 {
			wc[k]--
			continue
		}
		d.Row, d.Want, d.Got, d.WantEnd = i+1, missing, r, true
		return
	}
	// Only missing rows: point past the end of the file.
	d.Row, d.Want, d.Got, d.GotEnd = len(got)+1, missing, nil, true
}

// CompareBytes compares the CSV content got (the file's) with want (what a
// recipe writes), row by row; opts is how both are read. name is the
// file's name in the report.
func CompareBytes(name string, want, got []byte, opts rows.Options, anyOrder bool) (Diff, error) {
	if !anyOrder && bytes.Equal(want, got) {
		return Diff{File: name, Row: -1}, nil
	}
	wix, err := rows.IndexBytes("expected "+name, want, opts)
	if err != nil {
		return Diff{}, err
	}
	defer wix.Close()
	gix, err := rows.IndexBytes(name, got, opts)
	if err != nil {
		return Diff{}, err
	}
	defer gix.Close()
	wh, wr := Records(wix)
	gh, gr := Records(gix)
	d := CompareRecords(name, wh, gh, wr, gr, anyOrder)
	if d.Equal() && !anyOrder {
		// Same rows, other bytes (line ends): the first differing byte's row.
		d = byteDiff(name, wh, wr, want, got)
	}
	return d, nil
}

// byteDiff reports files whose rows are equal but whose bytes are not
// (line ends differ): the row holding the first differing byte.
func byteDiff(name string, header []byte, recs [][]byte, want, got []byte) Diff {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	row := 0
	for pos := len(header); row < len(recs) && pos < i; row++ {
		pos += len(recs[row]) + 1
	}
	line := 1 + bytes.Count(want[:i], []byte{'\n'})
	return Diff{File: name, Row: row, Line: line, LineEnds: true, Offset: int64(i)}
}

// CompareLines compares line-oriented content (JSON Lines: one row a
// line, no header, blank lines skipped) as CompareRecords does.
func CompareLines(name string, want, got []byte, anyOrder bool) Diff {
	if !anyOrder && bytes.Equal(want, got) {
		return Diff{File: name, Row: -1}
	}
	d := CompareRecords(name, nil, nil, splitLines(want), splitLines(got), anyOrder)
	if d.Equal() && !anyOrder {
		d = byteDiff(name, nil, splitLines(want), want, got)
	}
	if d.Row == 0 { // no header: rows count from 1
		d.Row = 1
	}
	return d
}

func splitLines(b []byte) [][]byte {
	var out [][]byte
	for _, l := range bytes.Split(b, []byte("\n")) {
		l = bytes.TrimSuffix(l, []byte("\r"))
		if len(bytes.TrimSpace(l)) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// Guarded runs f, which reads records of the indexes (Records, Record)
// on this goroutine, and returns rows.ErrInputChanged instead of crashing
// when one of their files shrinks meanwhile (see rows.Index.Guard).
func Guarded(ixs []*rows.Index, f func() error) error {
	if len(ixs) == 0 {
		return f()
	}
	return ixs[0].Guard(func() error { return Guarded(ixs[1:], f) })
}

// detach copies the rows d quotes, so that d outlives the mapping of the
// files they were read from.
func (d Diff) detach() Diff {
	d.Want = bytes.Clone(d.Want)
	d.Got = bytes.Clone(d.Got)
	return d
}
