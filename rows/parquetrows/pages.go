package parquetrows

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/splitter-dev/splitter/internal/thrift"
)

// Page types (parquet.thrift PageType) and the most header bytes Arrow
// reads.
const (
	pageData       = 0
	pageDictionary = 2
	pageDataV2     = 3
	maxPageHeader  = 16 << 20
)

var errThrift = errors.New("page header does not decode")

// scanChunk walks the page headers of a column chunk of n bytes at start
// declaring values values, before Arrow reads it. Arrow's page reader,
// once past the end of a chunk whose pages hold fewer values than declared,
// parses stale bytes left in its buffer again and again, and loops forever
// when they decode as a page that reads nothing more (an unknown page
// type, an empty page). So every page of the chunk must decode, be of a
// type Arrow reads (data, dictionary, data v2) and lie inside the chunk,
// and the data pages must hold the declared values before its end: Arrow
// then reads exactly these pages and stops.
func scanChunk(r io.ReaderAt, start, n, values int64) error {
	pos, end, seen := start, start+n, int64(0)
	for seen < values {
		if pos >= end {
			return fmt.Errorf("pages hold %d values of %d", seen, values)
		}
		size := min(end-pos, maxPageHeader)
		br := thrift.NewStreamReader(bufio.NewReaderSize(io.NewSectionReader(r, pos, size), 512), int(size), errThrift)
		h, err := readPageHeader(br)
		if err != nil {
			return fmt.Errorf("page at offset %d: %w", pos, err)
		}
		body := int64(h.compressed)
		switch h.typ {
		case pageData, pageDictionary:
		case pageDataV2:
			if !h.v2compressed && h.compressed != h.uncompressed {
				return fmt.Errorf("page at offset %d: uncompressed page of %d bytes declares %d", pos, h.uncompressed, h.compressed)
			}
		default:
			return fmt.Errorf("page at offset %d: page type %d", pos, h.typ)
		}
		values := h.values[b2i(h.typ == pageDataV2)]
		if h.compressed < 0 || h.uncompressed < 0 || values < 0 {
			return fmt.Errorf("page at offset %d: negative size or count", pos)
		}
		head := int64(br.Offset())
		pos += head + body
		if pos > end {
			return fmt.Errorf("page at offset %d runs past its column chunk", pos-head-body)
		}
		if h.typ != pageDictionary {
			seen += int64(values)
		}
	}
	return nil
}

// pageHeader holds the fields of a Thrift PageHeader that decide how
// Arrow reads a page, and those decodePages reads it by.
type pageHeader struct {
	typ, uncompressed, compressed int32
	values                        [2]int32 // of the v1 and v2 data page headers
	v2compressed                  bool
	hasTyp, hasUnc, hasComp       bool

	encoding       int32 // of the values (data pages) or of the dictionary
	defEncoding    int32 // of a v1 data page's definition levels
	defLen, repLen int32 // of a v2 data page's levels
	dictValues     int32
}

// readPageHeader decodes a PageHeader in Thrift's compact protocol.
func readPageHeader(r *thrift.Reader) (pageHeader, error) {
	h := pageHeader{v2compressed: true}
	err := r.Fields(0, func(id int16, typ thrift.Type) (bool, error) {
		switch {
		case id == 1 && typ == thrift.TypeI32:
			h.hasTyp = true
			return true, readI32(r, &h.typ)
		case id == 2 && typ == thrift.TypeI32:
			h.hasUnc = true
			return true, readI32(r, &h.uncompressed)
		case id == 3 && typ == thrift.TypeI32:
			h.hasComp = true
			return true, readI32(r, &h.compressed)
		case (id == 5 || id == 8) && typ == thrift.TypeStruct: // data page header (v1, v2)
			return true, readDataPageHeader(r, &h, id == 8)
		case id == 7 && typ == thrift.TypeStruct: // dictionary page header
			return true, readDictPageHeader(r, &h)
		}
		return false, nil
	})
	if err == nil && (!h.hasTyp || !h.hasUnc || !h.hasComp) {
		err = r.Errorf("page header without its type or sizes")
	}
	return h, err
}

// readDataPageHeader decodes the DataPageHeader (or, v2, the
// DataPageHeaderV2) of a PageHeader into h.
func readDataPageHeader(r *thrift.Reader, h *pageHeader, v2 bool) error {
	return r.Fields(1, func(id int16, typ thrift.Type) (bool, error) {
		var at *int32
		i32 := typ == thrift.TypeI32
		switch {
		case id == 1 && i32:
			at = &h.values[b2i(v2)]
		case v2 && id == 7 && (typ == thrift.TypeTrue || typ == thrift.TypeFalse):
			h.v2compressed = typ == thrift.TypeTrue
			return true, nil
		case !v2 && id == 2 && i32, v2 && id == 4 && i32:
			at = &h.encoding
		case !v2 && id == 3 && i32:
			at = &h.defEncoding
		case v2 && id == 5 && i32:
			at = &h.defLen
		case v2 && id == 6 && i32:
			at = &h.repLen
		default:
			return false, nil
		}
		return true, readI32(r, at)
	})
}

// readDictPageHeader decodes the DictionaryPageHeader of a PageHeader
// into h.
func readDictPageHeader(r *thrift.Reader, h *pageHeader) error {
	return r.Fields(1, func(id int16, typ thrift.Type) (bool, error) {
		switch {
		case id == 1 && typ == thrift.TypeI32:
			return true, readI32(r, &h.dictValues)
		case id == 2 && typ == thrift.TypeI32:
			return true, readI32(r, &h.encoding)
		}
		return false, nil
	})
}

// readI32 reads an i32 into *at as Thrift does (Arrow's page reader): the
// varint cut to 32 bits, then unzigzagged.
func readI32(r *thrift.Reader, at *int32) error {
	v, err := r.I32()
	*at = v
	return err
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
