package audit

import (
	"bytes"
	"hash/maphash"
	"slices"
)

// Layout is how a streamed file is cut into rows for a comparison.
type Layout int

// Layouts.
const (
	// CSVRows: a header and records as the pandas 1.5 C tokenizer numbers
	// them (doublequote on, no escape character, blank lines skipped).
	CSVRows Layout = iota
	// LineRows: JSON Lines, one row a line, no header, blank lines skipped.
	LineRows
	// WholeBytes: no rows (Parquet); compared byte for byte.
	WholeBytes
)

// keepBytes is how much of a captured record is kept for a report (quote
// shows 200 bytes).
const keepBytes = 201

// Tokenizer states, as in the rows package's scanner.
const (
	stField         = iota // at the start of a field
	stIn                   // inside an unquoted field
	stQuoted               // inside a quoted field
	stQuoteInQuoted        // just after a quote inside a quoted field
)

// rowHasher cuts a byte stream into records as it is written and keeps an
// 8-byte hash of each (without its line end) once storing: memory grows
// with the rows, not the bytes. Records before that are only counted.
// Record 0 of CSVRows is the header.
type rowHasher struct {
	layout Layout
	sep    byte
	h      maphash.Hash

	store   bool     // hashes are kept
	skipped int      // records counted, not kept (before storing began)
	hashes  []uint64 // the hashes of records skipped, skipped+1, ...
	inRec   bool     // a record has begun (a byte that is not blank space)
	open    bool     // a line has begun (blank space or a record)
	st      int      // tokenizer state inside a CSV record
	cr      bool     // the last byte ended a record with CR: an LF next belongs to it
	crSep   bool     // that CR ended a blank line: a delimiter next is dropped too, as pandas does
	heldCR  bool     // JSON Lines: a CR was seen and not yet hashed (it may end the line)
	line    int      // the current line (1-based)
	start   int      // the line the current record began on

	// Capture: the record with index capIdx (-1: none) has its first
	// keepBytes bytes and its line kept.
	capIdx  int
	keep    bool
	cur     []byte
	capRec  []byte
	capLine int
	capDone bool
}

// newRowHasher returns a hasher; with keep, the first bytes of each record
// are kept while it is read so that a captured record can be shown.
func newRowHasher(layout Layout, sep byte, seed maphash.Seed, keep bool) *rowHasher {
	if sep == 0 {
		sep = ','
	}
	r := &rowHasher{layout: layout, sep: sep, line: 1, capIdx: -1, keep: keep}
	r.h.SetSeed(seed)
	return r
}

// twin returns a hasher in r's state that keeps no record bytes: the other
// side of a comparison, fed the same bytes as r so far.
func (r *rowHasher) twin() *rowHasher {
	t := *r
	t.keep = false
	t.hashes = slices.Clone(r.hashes)
	t.cur, t.capRec = nil, nil
	return &t
}

// capture asks for the record of index i (the one in progress, or the next
// one when none is) to be kept: its line, and its first bytes when the
// hasher keeps them.
func (r *rowHasher) capture(i int) { r.capIdx = i }

// next is the index of the record in progress or, between records, of the
// next one.
func (r *rowHasher) next() int { return r.skipped + len(r.hashes) }

func (r *rowHasher) isBlank(c byte) bool {
	switch c {
	case ' ', '\t':
		return c != r.sep || r.layout == LineRows
	case '\v', '\f', '\r':
		return r.layout == LineRows
	}
	return false
}

// add hashes b, part of the current record.
func (r *rowHasher) add(b []byte) {
	if len(b) == 0 {
		return
	}
	r.h.Write(b)
	if r.keep && len(r.cur) < keepBytes {
		r.cur = append(r.cur, b[:min(len(b), keepBytes-len(r.cur))]...)
	}
}

// begin starts a line.
func (r *rowHasher) begin() {
	r.open, r.st = true, stField
	r.start = r.line
	r.h.Reset()
	r.cur = r.cur[:0]
}

// end closes the current line: a record unless it was blank.
func (r *rowHasher) end() {
	if r.inRec {
		if r.capIdx == r.next() && !r.capDone {
			r.capRec = append([]byte(nil), r.cur...)
			r.capLine, r.capDone = r.start, true
		}
		if r.store {
			r.hashes = append(r.hashes, r.h.Sum64())
		} else {
			r.skipped++
		}
	}
	r.open, r.inRec = false, false
}

// Write feeds bytes of the stream.
func (r *rowHasher) Write(p []byte) (int, error) {
	switch r.layout {
	case WholeBytes:
	case LineRows:
		r.lines(p)
	default:
		r.csv(p)
	}
	return len(p), nil
}

// lines cuts JSON Lines at LF; a CR before the LF is not part of the row.
func (r *rowHasher) lines(p []byte) {
	for len(p) > 0 {
		if !r.open {
			r.begin()
		}
		if r.heldCR {
			r.heldCR = false
			if p[0] != '\n' {
				r.add([]byte{'\r'})
			}
		}
		if !r.inRec {
			// Blank space at the start of a line is hashed: if the
			// line turns out blank the hash is dropped.
			i := 0
			for i < len(p) && r.isBlank(p[i]) {
				i++
			}
			r.add(p[:i])
			p = p[i:]
			if len(p) == 0 {
				return
			}
			if p[0] != '\n' {
				r.inRec = true
			}
		}
		j := bytes.IndexByte(p, '\n')
		if j < 0 {
			if p[len(p)-1] == '\r' {
				r.add(p[:len(p)-1])
				r.heldCR = true
			} else {
				r.add(p)
			}
			return
		}
		seg := p[:j]
		if len(seg) > 0 && seg[len(seg)-1] == '\r' {
			seg = seg[:len(seg)-1]
		}
		r.add(seg)
		r.line++
		r.end()
		p = p[j+1:]
	}
}

// csv cuts CSV records as the pandas C tokenizer does.
func (r *rowHasher) csv(p []byte) {
	for len(p) > 0 {
		if r.cr {
			r.cr = false
			if p[0] == '\n' || p[0] == r.sep && r.crSep {
				if p[0] == '\n' {
					r.line++
				}
				p = p[1:]
				continue
			}
		}
		if !r.open {
			r.begin()
		}
		if !r.inRec {
			i := 0
			for i < len(p) && r.isBlank(p[i]) {
				i++
			}
			r.add(p[:i])
			// Spaces at a line start are the first field's own (pandas
			// does not skip them): a quote after them is a literal, even
			// when the next write brings it.
			r.st = r.after(p[:i], r.st)
			p = p[i:]
			if len(p) == 0 {
				return
			}
			switch p[0] {
			case '\n':
				r.line++
				r.end()
				p = p[1:]
				continue
			case '\r':
				r.end()
				r.cr, r.crSep = true, true
				p = p[1:]
				continue
			}
			r.inRec = true
		}
		p = r.record(p)
	}
}

// record consumes bytes of a record in progress and returns the rest of p
// after the record's line end (or nothing when p ends first).
func (r *rowHasher) record(p []byte) []byte {
	i := 0
	n := len(p)
	for i < n {
		switch r.st {
		case stQuoted:
			j := bytes.IndexByte(p[i:], '"')
			if j < 0 {
				r.line += bytes.Count(p[i:], []byte{'\n'})
				i = n
				continue
			}
			r.line += bytes.Count(p[i:i+j], []byte{'\n'})
			i += j + 1
			r.st = stQuoteInQuoted
			continue
		}
		// Outside quotes: jump to the next byte that matters.
		j := indexAny3(p[i:], '\n', '\r', '"')
		if j < 0 {
			r.st = r.after(p[i:n], r.st)
			i = n
			continue
		}
		if j > 0 {
			r.st = r.after(p[i:i+j], r.st)
			i += j
		}
		switch c := p[i]; {
		case c == '"' && r.st == stField:
			r.st = stQuoted
			i++
		case c == '"' && r.st == stQuoteInQuoted:
			r.st = stQuoted
			i++
		case c == '"':
			r.st = stIn
			i++
		case c == '\n':
			r.add(p[:i])
			r.line++
			r.end()
			return p[i+1:]
		default: // '\r'
			r.add(p[:i])
			r.end()
			r.cr, r.crSep = true, false
			return p[i+1:]
		}
	}
	r.add(p)
	return nil
}

// after is the tokenizer state after seg, which holds no quote, CR or LF.
func (r *rowHasher) after(seg []byte, st int) int {
	if len(seg) == 0 {
		return st
	}
	if seg[len(seg)-1] == r.sep {
		return stField
	}
	return stIn
}

// indexAny3 is the position of the first of a, b or c in p (-1: none).
func indexAny3(p []byte, a, b, c byte) int {
	for i, x := range p {
		if x == a || x == b || x == c {
			return i
		}
	}
	return -1
}

// finish closes a last record that has no line end.
func (r *rowHasher) finish() {
	if r.heldCR {
		r.heldCR = false
		r.add([]byte{'\r'})
	}
	if r.open {
		r.end()
	}
}
