package parquetrows

import (
	"bufio"
	"errors"
	"fmt"
	"io"
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
		br := &countReader{r: bufio.NewReaderSize(io.NewSectionReader(r, pos, min(end-pos, maxPageHeader)), 512)}
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
		pos += br.n + body
		if pos > end {
			return fmt.Errorf("page at offset %d runs past its column chunk", pos-br.n-body)
		}
		if h.typ != pageDictionary {
			seen += int64(values)
		}
	}
	return nil
}

// countReader counts the bytes read.
type countReader struct {
	r io.ByteReader
	n int64
}

func (c *countReader) byte() (byte, error) {
	b, err := c.r.ReadByte()
	if err != nil {
		return 0, errThrift
	}
	c.n++
	if c.n > maxPageHeader {
		return 0, errThrift
	}
	return b, nil
}

func (c *countReader) varint() (uint64, error) {
	var x uint64
	for shift := 0; shift < 64; shift += 7 {
		b, err := c.byte()
		if err != nil {
			return 0, err
		}
		x |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return x, nil
		}
	}
	return 0, errThrift
}

func (c *countReader) zigzag() (int64, error) {
	u, err := c.varint()
	return int64(u>>1) ^ -int64(u&1), err
}

func (c *countReader) skipBytes(n uint64) error {
	if n > maxPageHeader {
		return errThrift
	}
	for ; n > 0; n-- {
		if _, err := c.byte(); err != nil {
			return err
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
func readPageHeader(c *countReader) (pageHeader, error) {
	h := pageHeader{v2compressed: true}
	err := readStruct(c, 0, func(id int16, typ byte) (bool, error) {
		switch {
		case id == 1 && typ == 5:
			v, err := c.zigzag()
			h.typ, h.hasTyp = int32(v), true
			return true, err
		case id == 2 && typ == 5:
			v, err := c.zigzag()
			h.uncompressed, h.hasUnc = int32(v), true
			return true, err
		case id == 3 && typ == 5:
			v, err := c.zigzag()
			h.compressed, h.hasComp = int32(v), true
			return true, err
		case (id == 5 || id == 8) && typ == 12: // data page header (v1, v2)
			v2 := id == 8
			return true, readStruct(c, 1, func(id int16, typ byte) (bool, error) {
				var at *int32
				switch {
				case id == 1 && typ == 5:
					at = &h.values[b2i(v2)]
				case v2 && id == 7 && (typ == 1 || typ == 2):
					h.v2compressed = typ == 1
					return true, nil
				case !v2 && id == 2 && typ == 5, v2 && id == 4 && typ == 5:
					at = &h.encoding
				case !v2 && id == 3 && typ == 5:
					at = &h.defEncoding
				case v2 && id == 5 && typ == 5:
					at = &h.defLen
				case v2 && id == 6 && typ == 5:
					at = &h.repLen
				default:
					return false, nil
				}
				v, err := c.zigzag()
				*at = int32(v)
				return true, err
			})
		case id == 7 && typ == 12: // dictionary page header
			return true, readStruct(c, 1, func(id int16, typ byte) (bool, error) {
				if typ != 5 || id != 1 && id != 2 {
					return false, nil
				}
				v, err := c.zigzag()
				if id == 1 {
					h.dictValues = int32(v)
				} else {
					h.encoding = int32(v)
				}
				return true, err
			})
		}
		return false, nil
	})
	if err == nil && (!h.hasTyp || !h.hasUnc || !h.hasComp) {
		err = errThrift
	}
	return h, err
}

// readStruct reads the fields of a compact-protocol struct up to its stop,
// passing each to field, which reads it and returns true, or returns false
// to have it skipped.
func readStruct(c *countReader, depth int, field func(id int16, typ byte) (bool, error)) error {
	if depth > 64 {
		return errThrift
	}
	var last int16
	for {
		b, err := c.byte()
		if err != nil {
			return err
		}
		typ := b & 0x0f
		if typ == 0 {
			return nil
		}
		id := last + int16(b>>4)
		if b>>4 == 0 {
			v, err := c.zigzag()
			if err != nil {
				return err
			}
			id = int16(v)
		}
		last = id
		done, err := field(id, typ)
		if err != nil {
			return err
		}
		if !done {
			if err := skip(c, typ, depth+1); err != nil {
				return err
			}
		}
	}
}

// skip skips a compact-protocol value of type typ.
func skip(c *countReader, typ byte, depth int) error {
	if depth > 64 {
		return errThrift
	}
	switch typ {
	case 1, 2: // bool, in the field header
		return nil
	case 3:
		_, err := c.byte()
		return err
	case 4, 5, 6:
		_, err := c.varint()
		return err
	case 7:
		return c.skipBytes(8)
	case 8:
		n, err := c.varint()
		if err != nil {
			return err
		}
		return c.skipBytes(n)
	case 9, 10:
		b, err := c.byte()
		if err != nil {
			return err
		}
		n, elem := uint64(b>>4), b&0x0f
		if n == 15 {
			if n, err = c.varint(); err != nil {
				return err
			}
		}
		if n > maxPageHeader {
			return errThrift
		}
		for ; n > 0; n-- {
			if elem == 1 || elem == 2 { // bools in a list are bytes
				if _, err := c.byte(); err != nil {
					return err
				}
				continue
			}
			if err := skip(c, elem, depth+1); err != nil {
				return err
			}
		}
		return nil
	case 11:
		n, err := c.varint()
		if err != nil || n == 0 {
			return err
		}
		if n > maxPageHeader {
			return errThrift
		}
		kv, err := c.byte()
		if err != nil {
			return err
		}
		for ; n > 0; n-- {
			for _, t := range []byte{kv >> 4, kv & 0x0f} {
				if t == 1 || t == 2 {
					if _, err := c.byte(); err != nil {
						return err
					}
					continue
				}
				if err := skip(c, t, depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	case 12:
		return readStruct(c, depth+1, func(int16, byte) (bool, error) { return false, nil })
	}
	return errThrift
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
