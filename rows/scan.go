package rows

import "bytes"

// scanner finds the records of a CSV held in one byte slice, numbering them
// as the pandas 1.5 C tokenizer does (doublequote on, no escape character,
// skip_blank_lines on). It only locates records and counts their fields; the
// field values are split by splitRecord when a column is read.
type scanner struct {
	data    []byte
	sep     byte
	wsSpace bool // ' ' is blank-line whitespace (it is not the delimiter)
	wsTab   bool // '\t' is blank-line whitespace
	nextQ   int  // no '"' between the last look and nextQ (a quote's position, or the end of the look)
	nextCR  int  // no '\r' between the last look and nextCR, likewise
}

func newScanner(data []byte, sep byte) *scanner {
	return &scanner{data: data, sep: sep, wsSpace: sep != ' ', wsTab: sep != '\t', nextQ: -1, nextCR: -1}
}

func (s *scanner) isWS(c byte) bool {
	return (c == ' ' && s.wsSpace) || (c == '\t' && s.wsTab)
}

// skipBlank returns the start of the first record at or after pos, which
// must be at the start of a line, or len(data) when only blank lines remain.
// Blank lines are empty lines and lines of only spaces and tabs. As in pandas,
// a delimiter right after a blank line ended by a lone CR is dropped.
func (s *scanner) skipBlank(pos int) int {
	d := s.data
	n := len(d)
	for pos < n {
		c := d[pos]
		j := pos
		if s.isWS(c) {
			j++
			for j < n && s.isWS(d[j]) {
				j++
			}
			if j == n {
				return n
			}
			c = d[j]
		}
		switch c {
		case '\n':
			pos = j + 1
		case '\r':
			pos = j + 1
			if pos < n && (d[pos] == '\n' || d[pos] == s.sep) {
				pos++
			}
		default:
			return pos
		}
	}
	return n
}

// record scans the record starting at pos and returns the position just
// after its line end (or len(data)), its number of fields and, for an
// unterminated quoted field, the position of the opening quote (else -1).
func (s *scanner) record(pos int) (end, fields, badQuote int) {
	d := s.data
	n := len(d)
	if s.nextQ < pos {
		s.nextQ = indexAhead(d, pos, '"')
	}
	if s.nextCR < pos {
		s.nextCR = indexAhead(d, pos, '\r')
	}
	// Only a line end before the next quote or CR takes the fast path:
	// the search stops there (a file of lone CR line ends would otherwise
	// be searched to its end for an LF at every record).
	lineEnd, seps := lineScan(d, pos, min(s.nextQ, s.nextCR), s.sep)
	if lineEnd < s.nextQ && lineEnd < s.nextCR {
		// Fast path: a line without quotes or carriage returns.
		fields = seps + 1
		if lineEnd < n {
			lineEnd++
		}
		return lineEnd, fields, -1
	}
	return s.slowRecord(pos)
}

// lookAhead bounds how far indexAhead searches, so that a file without
// quotes is not read to its end at the first record (which would make all
// of a mapped file resident at once).
const lookAhead = 256 << 10

// indexAhead returns the position of the first c in d[from:from+lookAhead]
// or, when there is none, the end of that range (len(d) at most): d holds
// no c between from and the result.
func indexAhead(d []byte, from int, c byte) int {
	to := min(len(d), from+lookAhead)
	i := bytes.IndexByte(d[from:to], c)
	if i < 0 {
		return to
	}
	return from + i
}

// indexFrom is bytes.IndexByte from position from, len(d) when absent.
func indexFrom(d []byte, from int, c byte) int {
	i := bytes.IndexByte(d[from:], c)
	if i < 0 {
		return len(d)
	}
	return from + i
}

const (
	stField         = iota // at the start of a field
	stIn                   // inside an unquoted field
	stQuoted               // inside a quoted field
	stQuoteInQuoted        // just after a quote inside a quoted field
)

// slowRecord is the byte-at-a-time tokenizer for records with quotes or
// carriage returns.
func (s *scanner) slowRecord(pos int) (end, fields, badQuote int) {
	d := s.data
	n := len(d)
	sep := s.sep
	st := stField
	fields = 1
	quote := -1
	i := pos
	for i < n {
		c := d[i]
		switch st {
		case stField, stIn, stQuoteInQuoted:
			switch {
			case c == '"' && st == stField:
				st = stQuoted
				quote = i
				i++
			case c == '"' && st == stQuoteInQuoted:
				st = stQuoted
				i++
			case c == sep:
				fields++
				st = stField
				i++
			case c == '\n':
				return i + 1, fields, -1
			case c == '\r':
				if i+1 < n && d[i+1] == '\n' {
					return i + 2, fields, -1
				}
				return i + 1, fields, -1
			default:
				st = stIn
				i++
			}
		case stQuoted:
			j := bytes.IndexByte(d[i:], '"')
			if j < 0 {
				return n, fields, quote
			}
			i += j + 1
			st = stQuoteInQuoted
		}
	}
	if st == stQuoted {
		return n, fields, quote
	}
	return n, fields, -1
}

// recordEnd returns the end of the record that starts at start, given the
// start of the next record (or the end of the data) at next: the bytes in
// between may hold blank lines, which are not part of the record.
func recordEnd(d []byte, start, next int, sep byte) int {
	// Common case: the record ends with "\n" right before next.
	if next-start >= 2 && d[next-1] == '\n' {
		c := d[next-2]
		if c != '\n' && c != '\r' && c != ' ' && c != '\t' {
			return next
		}
	}
	isWS := func(c byte) bool { return (c == ' ' || c == '\t') && c != sep }
	p := next - 1
	for p >= start {
		c := d[p]
		if c == '\n' || c == '\r' || isWS(c) {
			p--
			continue
		}
		// A delimiter right after a lone CR ending a blank line is dropped
		// by pandas: it belongs to the gap, not to the record.
		if c == sep && p > start && d[p-1] == '\r' {
			p--
			continue
		}
		break
	}
	q := p + 1
	if p < start {
		q = start
	}
	for q < next && isWS(d[q]) {
		q++
	}
	if q < next {
		switch d[q] {
		case '\n':
			q++
		case '\r':
			q++
			if q < next && d[q] == '\n' {
				q++
			}
		}
	}
	return q
}
