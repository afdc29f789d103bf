package rows

import (
	"bytes"
	"fmt"
	"slices"
)

// trimLineEnd drops the record's own line end.
func trimLineEnd(rec []byte) []byte {
	if n := len(rec); n > 0 && rec[n-1] == '\n' {
		rec = rec[:n-1]
	}
	if n := len(rec); n > 0 && rec[n-1] == '\r' {
		rec = rec[:n-1]
	}
	return rec
}

// splitRecord returns the field values of one record as pandas' tokenizer
// makes them: a quote opens a quoted field only at the start of a field, a
// doubled quote inside it is one quote, text after the closing quote is
// appended, and a quote inside an unquoted field is data.
func splitRecord(rec []byte, sep byte) [][]byte {
	rec = trimLineEnd(rec)
	if bytes.IndexByte(rec, '"') < 0 {
		return bytes.Split(rec, []byte{sep})
	}
	var out [][]byte
	var cur []byte
	st := stField
	for _, c := range rec {
		switch st {
		case stField, stIn, stQuoteInQuoted:
			switch {
			case c == '"' && st == stField:
				st = stQuoted
			case c == '"' && st == stQuoteInQuoted:
				cur = append(cur, '"')
				st = stQuoted
			case c == sep:
				out = append(out, cur)
				cur = nil
				st = stField
			default:
				cur = append(cur, c)
				st = stIn
			}
		case stQuoted:
			if c == '"' {
				st = stQuoteInQuoted
			} else {
				cur = append(cur, c)
			}
		}
	}
	return append(out, cur)
}

// fieldAt returns field j of rec (unquoted) and whether the record has it.
// scratch is reused for quoted fields.
func fieldAt(rec []byte, sep byte, j int, scratch []byte) ([]byte, bool, []byte) {
	rec = trimLineEnd(rec)
	if bytes.IndexByte(rec, '"') < 0 {
		for k := 0; k < j; k++ {
			i := bytes.IndexByte(rec, sep)
			if i < 0 {
				return nil, false, scratch
			}
			rec = rec[i+1:]
		}
		if i := bytes.IndexByte(rec, sep); i >= 0 {
			rec = rec[:i]
		}
		return rec, true, scratch
	}
	cur := scratch[:0]
	k := 0
	st := stField
	for _, c := range rec {
		switch st {
		case stField, stIn, stQuoteInQuoted:
			switch {
			case c == '"' && st == stField:
				st = stQuoted
			case c == '"' && st == stQuoteInQuoted:
				if k == j {
					cur = append(cur, '"')
				}
				st = stQuoted
			case c == sep:
				if k == j {
					return cur, true, cur
				}
				k++
				st = stField
			default:
				if k == j {
					cur = append(cur, c)
				}
				st = stIn
			}
		case stQuoted:
			if c == '"' {
				st = stQuoteInQuoted
			} else if k == j {
				cur = append(cur, c)
			}
		}
	}
	if k == j {
		return cur, true, cur
	}
	return nil, false, cur
}

// cString cuts a field at its first NUL byte, as pandas' C strings do.
func cString(b []byte) []byte {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return b[:i]
	}
	return b
}

// headerNames turns the header fields into column names as pandas 1.5's
// TextReader._get_header does: "Unnamed: i" for empty names, then
// duplicates mangled to "name.1", "name.2", ... (named columns first).
func headerNames(fields [][]byte) []string {
	names := make([]string, len(fields))
	var unnamed []int
	for i, f := range fields {
		names[i] = string(cString(f))
		if names[i] == "" {
			names[i] = fmt.Sprintf("Unnamed: %d", i)
			unnamed = append(unnamed, i)
		}
	}
	order := make([]int, 0, len(names))
	for i := range names {
		if !slices.Contains(unnamed, i) {
			order = append(order, i)
		}
	}
	order = append(order, unnamed...)
	counts := map[string]int{}
	for _, i := range order {
		col := names[i]
		old := col
		cur := counts[col]
		for cur > 0 {
			counts[old] = cur + 1
			col = fmt.Sprintf("%s.%d", old, cur)
			if slices.Contains(names, col) {
				cur++
			} else {
				cur = counts[col]
			}
		}
		names[i] = col
		counts[col] = cur + 1
	}
	return names
}
