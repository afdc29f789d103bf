package audit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/splitter-dev/splitter/rows"
	"github.com/splitter-dev/splitter/table"
)

// ErrNotByValue reports files CompareByValue cannot compare by value
// (the caller's comparison by bytes stands).
var ErrNotByValue = errors.New("not comparable by value")

// CompareByValue compares files (the parts) with the rows orders[i] of
// data (the open input, named input in reports) that each should hold, by value as pandas reads them: parts
// written by pandas or Hugging Face (floats reformatted, an index column,
// columns moved or dropped, JSON Lines) match when they hold the same rows
// in the same order (as multisets with anyOrder). It returns nil when they
// do; a difference (wrapping ErrDiffers, quoting the rows) otherwise;
// ErrNotByValue when they cannot be compared by value or the differing
// file holds the data's lines verbatim (a comparison by bytes reports
// best what differs there).
func CompareByValue(ctx context.Context, data table.Table, input string, files []string, orders [][]int, opts rows.Options, anyOrder bool) error {
	if len(orders) != len(files) || slicesHasNil(orders) {
		return ErrNotByValue
	}
	parts := make([]Table, len(orders))
	for i, path := range files {
		t, err := table.Open(ctx, path, PartOptions(opts, path))
		if err != nil {
			return ErrNotByValue
		}
		defer t.Close()
		parts[i] = t
	}
	m, err := MatchTables(append([]string{input}, files...), data, parts, MatchOptions{})
	if errors.Is(err, ErrIndexDisagrees) {
		return differs("%s", err.Error())
	}
	if err != nil {
		return ErrNotByValue
	}
	for i, order := range orders {
		want := make([]int32, len(order))
		for j, r := range order {
			want[j] = m.Data[r]
		}
		row, ok := firstValueDiff(want, m.Parts[i], anyOrder)
		if ok {
			continue
		}
		if verbatim(data, parts[i]) {
			return ErrNotByValue // splitter's kind of file: the byte report counts rows
		}
		msg := valueDiffMsg(files[i], row, len(want), len(m.Parts[i]), m.Columns)
		if row < len(order) && row < len(m.Parts[i]) {
			msg += ": expected " + quoteRecord(data, order[row]) + ", found " + quoteRecord(parts[i], row)
		}
		return differs("%s", msg)
	}
	return nil
}

// firstValueDiff returns the first 0-based row where got differs from
// want (as multisets with anyOrder: the first row of got not wanted, or
// len(got) when rows are missing); ok when there is none.
func firstValueDiff(want, got []int32, anyOrder bool) (int, bool) {
	if !anyOrder {
		for j := range max(len(want), len(got)) {
			if j >= len(want) || j >= len(got) || want[j] != got[j] {
				return j, false
			}
		}
		return 0, true
	}
	left := map[int32]int{}
	for _, id := range want {
		left[id]++
	}
	for j, id := range got {
		if left[id] == 0 {
			return j, false
		}
		left[id]--
	}
	if len(got) != len(want) {
		return len(got), false
	}
	return 0, true
}

func valueDiffMsg(file string, row, nwant, ngot int, cols []string) string {
	how := fmt.Sprintf("(rows compared by value on %s, as the bytes differ)", columnList(cols))
	switch {
	case row >= ngot:
		return fmt.Sprintf("%s: row %d: expected another row, found the end of the file (%d rows, %d expected) %s", file, row+1, ngot, nwant, how)
	case row >= nwant:
		return fmt.Sprintf("%s: row %d: expected the end of the file, found another row (%d rows, %d expected) %s", file, row+1, ngot, nwant, how)
	}
	return fmt.Sprintf("%s: row %d differs from the expected row %s", file, row+1, how)
}

// quoteRecord quotes row i of a CSV or JSON Lines file (Parquet: "a row").
func quoteRecord(t Table, i int) string {
	ix, ok := t.(*rows.Index)
	if !ok {
		return "a row"
	}
	rec := bytes.TrimRight(ix.Record(i), "\r\n")
	if len(rec) > 200 {
		return strconv.Quote(string(rec[:200])) + "..."
	}
	return strconv.Quote(string(rec))
}

func slicesHasNil(s [][]int) bool {
	for _, x := range s {
		if x == nil {
			return true
		}
	}
	return false
}

// verbatim reports whether part holds the data's header line and only
// lines of the data (as splitter writes parts), so that the difference by
// bytes says best what differs.
func verbatim(data, part Table) bool {
	dix, ok1 := data.(*rows.Index)
	pix, ok2 := part.(*rows.Index)
	if !ok1 || !ok2 {
		return false
	}
	ok := false
	Guarded([]*rows.Index{dix, pix}, func() error {
		dh, dr := Records(dix)
		ph, pr := Records(pix)
		if !bytes.Equal(dh, ph) {
			return nil
		}
		have := make(map[string]bool, len(dr))
		for _, r := range dr {
			have[string(r)] = true
		}
		for _, r := range pr {
			if !have[string(r)] {
				return nil
			}
		}
		ok = true
		return nil
	})
	return ok
}
