package pqfooter

import (
	"cmp"
	"slices"

	"github.com/splitter-dev/splitter/internal/thrift"
)

// Values of parquet.thrift's PageType and Encoding the order uses.
const (
	pageDictionary     = 2 // DICTIONARY_PAGE
	encPlainDictionary = 2 // PLAIN_DICTIONARY
	encRLEDictionary   = 8 // RLE_DICTIONARY
)

// encodingStat is one PageEncodingStats list element: its fields and
// where its bytes lie in the footer.
type encodingStat struct {
	pageType, encoding, count int32
	start, end                int
}

// encodingStats reads a list<PageEncodingStats> and writes its elements'
// bytes, in canonical order, over the same span of out.
func (r *reader) encodingStats(out []byte) error {
	var stats []encodingStat
	err := r.structs(func() error {
		s, err := r.encodingStat()
		stats = append(stats, s)
		return err
	})
	if err != nil || len(stats) < 2 {
		return err
	}
	at := stats[0].start
	slices.SortStableFunc(stats, compareStats)
	for _, s := range stats {
		at += copy(out[at:], r.buf[s.start:s.end])
	}
	return nil
}

// encodingStat reads one PageEncodingStats struct, whose three fields
// (page_type, encoding, count) are required i32.
func (r *reader) encodingStat() (encodingStat, error) {
	s := encodingStat{start: r.Offset()}
	dst := [...]*int32{&s.pageType, &s.encoding, &s.count}
	var seen [len(dst)]bool
	err := r.Fields(4, func(id int16, typ thrift.Type) (bool, error) {
		if id < 1 || int(id) > len(dst) || typ != thrift.TypeI32 {
			return false, nil
		}
		v, err := r.I32()
		*dst[id-1], seen[id-1] = v, true
		return true, err
	})
	if err == nil && slices.Contains(seen[:], false) {
		err = r.Errorf("PageEncodingStats without a required field")
	}
	s.end = r.Offset()
	return s, err
}

// compareStats orders encoding stats canonically: dictionary pages first,
// then dictionary encodings first, then by encoding, page type, count.
func compareStats(a, b encodingStat) int {
	return cmp.Or(
		cmp.Compare(rank(a.pageType == pageDictionary), rank(b.pageType == pageDictionary)),
		cmp.Compare(rank(isDictEncoding(a.encoding)), rank(isDictEncoding(b.encoding))),
		cmp.Compare(a.encoding, b.encoding),
		cmp.Compare(a.pageType, b.pageType),
		cmp.Compare(a.count, b.count),
	)
}

// rank is 0 for entries that come first, 1 for the others.
func rank(first bool) int {
	if first {
		return 0
	}
	return 1
}

func isDictEncoding(e int32) bool { return e == encPlainDictionary || e == encRLEDictionary }
