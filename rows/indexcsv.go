package rows

import (
	"bytes"
	"fmt"
	"runtime"
	"unicode/utf8"
	"unsafe"

	"github.com/splitter-dev/splitter/internal/pages"
)

// indexData numbers the rows of data, the CSV input name, as
// pandas.read_csv does: the header (readHeader), then the start of every
// record, in room reserved for them (reserveOffsets), found by scanRows
// and packed into ix.offs. drop: data is a mapped file read with
// drop-behind.
func indexData(name string, data []byte, opts Options, drop bool) (*Index, error) {
	drop = drop && pages.CanDrop
	sep := opts.Sep
	if sep == '"' || sep == '\n' || sep == '\r' || sep == 0 {
		return nil, fmt.Errorf("%s: %w %q", name, ErrSep, sep)
	}
	ix := &Index{name: name, data: data, sep: sep, drop: drop}
	if drop {
		// Start and end with none of the file resident.
		defer pages.Drop(data)
	}
	s := newScanner(data, sep)
	hend, err := ix.readHeader(s)
	if err != nil {
		return nil, err
	}
	room, err := reserveOffsets(name, data, hend, drop)
	if err != nil {
		return nil, err
	}
	defer room.freeSecond()
	ix.freeStarts = room.freeStarts
	// Freed on an error, or a fault (guardMapped) that unwinds past here.
	indexed := false
	defer func() {
		if !indexed {
			room.freeStarts()
		}
	}()
	if err := ix.scanRows(s, hend, &room); err != nil {
		return nil, err
	}
	indexed = true
	return ix, nil
}

// readHeader reads the header, the first non-blank line, into ix and
// returns where it ends.
func (ix *Index) readHeader(s *scanner) (hend int, err error) {
	data, n := ix.data, len(ix.data)
	pos := 0
	bom := bytes.HasPrefix(data, utf8BOM)
	if bom {
		pos = len(utf8BOM)
	}
	hs := s.skipBlank(pos)
	if hs >= n {
		return 0, &ParseError{File: ix.name, Err: ErrEmpty}
	}
	if s.isWS(data[hs]) && hs > pos && data[hs-1] != '\n' {
		return 0, ix.errAt(hs, false, ErrCRSpace)
	}
	hend, hfields, bad := s.record(hs)
	if bad >= 0 {
		return 0, ix.errAt(bad, true, ErrQuote)
	}
	hrec := data[hs:hend]
	// The header is its own line (blank lines before it are not copied),
	// with the input's BOM in front.
	switch {
	case !bom:
		ix.header = hrec
	case hs != len(utf8BOM):
		ix.header = append(append([]byte{}, utf8BOM...), hrec...)
	default:
		ix.header = data[:hend]
	}
	ix.headerEOL = lineEnd(hrec)
	if len(ix.headerEOL) == 0 {
		ix.headerEOL = []byte{'\n'}
	}
	ix.hfields = hfields
	ix.names = headerNames(splitRecord(hrec, ix.sep))
	return hend, nil
}

// offsetRoom is where the record starts go: one reservation, or for a
// large file scanned in two halves at once, one for each half.
type offsetRoom struct {
	halves                 bool
	limit                  int     // the first half is the records starting before limit (len(data): one scan)
	starts, second         []int64 // the halves' starts (second: nil for one scan)
	freeStarts, freeSecond func()
	own                    unsafe.Pointer // the mapping starts begin in, when their own
	utf8OK                 bool           // one scan: the data is known to be UTF-8
}

// reserveOffsets reserves the room for the starts of the records after
// the header (which ends at hend). A large file is scanned in two halves
// at once, split at the first line start after the middle: each half
// fills its own reservation (from an estimate of its rows, committed only
// as written; see startChunks), checking the text is UTF-8 as it goes
// (pandas decodes it all). Where memory cannot be reserved so, or for one
// scan, the rows are bounded by a count of line ends first, which checks
// UTF-8 too.
func reserveOffsets(name string, data []byte, hend int, drop bool) (r offsetRoom, err error) {
	n := len(data)
	r.limit = n
	r.freeSecond = func() {}
	if n-hend >= parallelMin && runtime.GOMAXPROCS(0) >= 2 {
		m := hend + (n-hend)/2
		if j := bytes.IndexByte(data[m:], '\n'); j >= 0 && m+j+1 < n {
			r.limit = m + j + 1
		}
	}
	if r.limit < n {
		if a, fa, err := reserveStarts(estimateRows(data, hend, r.limit)); err == nil {
			if b, fb, err := reserveStarts(estimateRows(data, r.limit, n)); err == nil {
				r.starts, r.freeStarts, r.second, r.freeSecond, r.halves = a, fa, b, fb, true
				r.own = unsafe.Pointer(unsafe.SliceData(a))
				return r, nil
			}
			fa()
		}
		r.limit = n
	}
	est, ok := countLF(data, hend, n, drop)
	r.utf8OK = ok && utf8.Valid(data[:hend])
	if est == 0 {
		est = bytes.Count(data[hend:], []byte{'\r'})
		if drop {
			pages.Drop(data)
		}
	}
	starts, free, mapped, err := allocStarts(est + 3)
	if err != nil {
		return r, reserveError(name, int64(est+3)*8, fmt.Sprintf("the offsets of up to %d rows", est+3), err)
	}
	r.starts, r.freeStarts = starts, free
	if mapped != nil {
		r.own = unsafe.Pointer(unsafe.SliceData(mapped))
	}
	return r, nil
}

// scanRows finds the start of every record after the header (which ends
// at hend), in room, and packs them into ix.offs.
//
// A large file is scanned in two halves at once: the second half is
// scanned speculatively from the first line start after the middle, and
// used if the first half's scan arrives at the same record start (so the
// middle was not inside a quoted field) and its rows need none of the
// checks that depend on the row number.
func (ix *Index) scanRows(s *scanner, hend int, room *offsetRoom) error {
	data, n := ix.data, len(ix.data)
	more := &startChunks{name: ix.name} // more chunks of starts when the first fills; freed once packed
	defer more.free()
	r := &rowScan{ix: ix, s: s, starts: room.starts, more: more, cur: ix.hfields, chunk: 1, pos: hend, lastEnd: hend}
	var spec chan *speculation
	if room.halves {
		r.dr = newCheckingDropper(data, hend, ix.drop)
		spec = make(chan *speculation, 1)
		go func(from int) {
			res := &speculation{}
			// A fault (the file shrank) leaves res not ok: the first
			// half's scan then reads on and meets it.
			guardMapped(ix.name, data, func() error { speculate(res, ix.name, data, ix.sep, from, room.second, ix.drop); return nil })
			spec <- res
		}(room.limit)
		// On an early error return, wait for the speculative scan: it
		// reads the mapped file, which the caller unmaps at once.
		defer func() {
			if spec != nil {
				res := <-spec
				res.more.free()
			}
		}()
	} else {
		r.dr = newDropper(data, hend, ix.drop)
		if !room.utf8OK {
			if err := ix.checkUTF8(0, n); err != nil {
				return err
			}
		}
	}
	if err := r.scan(room.limit); err != nil {
		return err
	}
	var parts [][]int64
	if room.halves {
		r.dr.checkTo(room.limit)
		if r.dr.bad || !utf8.Valid(data[:hend]) {
			if err := ix.checkUTF8(0, room.limit); err != nil {
				return err
			}
		}
		res := <-spec
		spec = nil
		defer res.more.free()
		if res.err != nil {
			return res.err
		}
		if r.joins(res) {
			if !res.utf8OK {
				return ix.checkUTF8(room.limit, n)
			}
			parts = append(more.parts(r.starts), res.parts...)
		} else {
			if !validUTF8(data, room.limit, n, ix.drop) {
				return ix.checkUTF8(room.limit, n)
			}
			if err := r.scan(n); err != nil {
				return err
			}
		}
	}
	if parts == nil {
		parts = more.parts(r.starts)
	}
	parts = append(parts, []int64{int64(n)})
	return ix.setStarts(parts, room.freeStarts, room.own != nil && unsafe.Pointer(unsafe.SliceData(parts[0])) == room.own)
}

// rowScan finds record starts in file order with pandas' checks, some of
// which depend on the row number.
type rowScan struct {
	ix      *Index
	s       *scanner
	starts  []int64 // the current chunk of starts
	more    *startChunks
	cur     int // pandas' ex_fields: the previous line's (padded) field count
	chunk   int // rows per low_memory chunk (bufferLines)
	pos     int // where the scan is
	lastEnd int // the end of the last record
	dr      *dropper
}

// scan indexes the records that start before limit.
func (r *rowScan) scan(limit int) error {
	ix, s, data := r.ix, r.s, r.ix.data
	for {
		r.pos = s.skipBlank(r.pos)
		if r.pos >= limit {
			return nil
		}
		row := r.more.rows + len(r.starts)
		if s.isWS(data[r.pos]) && data[r.pos-1] != '\n' {
			// pandas backtracks to the previous LF or to the start of the
			// current tokenize call (rows 1, B, 2B, ...).
			if !(r.pos == r.lastEnd && (row == 1 || (row > 0 && row%r.chunk == 0))) {
				return ix.errAt(r.pos, false, ErrCRSpace)
			}
		}
		end, f, bad := s.record(r.pos)
		if bad >= 0 {
			return ix.errAt(bad, true, ErrQuote)
		}
		if row == 0 {
			if f > ix.hfields {
				ix.leading = f - ix.hfields
			}
			r.chunk = bufferLines(ix.hfields + ix.leading)
		}
		if f > r.cur {
			// pandas checks a row against the previous one, except the
			// first row of each low_memory chunk of buffer_lines rows.
			if row%r.chunk != 0 {
				return ix.errAt(r.pos, false, fmt.Errorf("%w: expected %d fields, saw %d", ErrFieldCount, r.cur, f))
			}
			r.cur = f
		}
		if len(r.starts) == cap(r.starts) {
			var err error
			if r.starts, err = r.more.next(r.starts); err != nil {
				return err
			}
		}
		r.starts = append(r.starts, int64(r.pos))
		r.pos = end
		r.lastEnd = end
		r.dr.advance(r.pos)
	}
}

// joins reports whether the speculative scan of the second half can be
// used after this scan of the first: it starts at the record this one
// arrived at, and its rows needed no check that depends on the row number.
func (r *rowScan) joins(res *speculation) bool {
	return res.ok && r.more.rows+len(r.starts) > 0 && len(res.parts[0]) > 0 && res.parts[0][0] == int64(r.pos) && res.maxFields <= r.cur
}
