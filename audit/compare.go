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
	// Want and Got are the expected and the found record at Row (nil past
	// the end of the expected rows or of the file); no line end.
	Want, Got []byte
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

// String is the one-line report: "train.csv: row 3: expected "..." found
// "..." (1 missing, 0 extra, 2 misplaced rows)".
func (d Diff) String() string {
	if d.Equal() {
		return d.File + ": as expected"
	}
	var what string
	switch {
	case d.Row == 0:
		what = fmt.Sprintf("header: expected %s, found %s", quote(d.Want), quote(d.Got))
	case d.Got == nil:
		what = fmt.Sprintf("row %d: expected %s, found the end of the file", d.Row, quote(d.Want))
	case d.Want == nil && d.AnyOrder:
		what = fmt.Sprintf("row %d: %s is not an expected row", d.Row, quote(d.Got))
	case d.Want == nil:
		what = fmt.Sprintf("row %d: expected the end of the file, found %s", d.Row, quote(d.Got))
	case d.AnyOrder:
		what = fmt.Sprintf("row %d: %s is not an expected row (%s is missing)", d.Row, quote(d.Got), quote(d.Want))
	default:
		what = fmt.Sprintf("row %d: expected %s, found %s", d.Row, quote(d.Want), quote(d.Got))
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
		d.Row, d.Want, d.Got = i+1, missing, r
		return
	}
	// Only missing rows: point past the end of the file.
	d.Row, d.Want, d.Got = len(got)+1, missing, nil
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
	return Diff{File: name, Row: row, Want: []byte(fmt.Sprintf("byte %d: %q", i, tail(want, i))), Got: []byte(fmt.Sprintf("%q", tail(got, i)))}
}

func tail(b []byte, i int) []byte {
	if i >= len(b) {
		return nil
	}
	end := i + 20
	if end > len(b) {
		end = len(b)
	}
	return b[i:end]
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
