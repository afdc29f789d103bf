package parquetrows

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/apache/arrow/go/v15/arrow/endian"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/compress"
	"github.com/golang/snappy"

	"github.com/splitter-dev/splitter/internal/pages"
	"github.com/splitter-dev/splitter/internal/thrift"
)

// Parquet encodings (parquet.thrift Encoding) decodePages reads.
const (
	encPlain          = 0
	encPlainDict      = 2
	encRLE            = 3
	encRLEDictionary  = 8
	maxChunkDecodable = 16 << 20 // larger column chunks are left to pqreader, which streams them
)

// errNotHere says a column chunk uses what decodePages leaves to
// pqreader (an encoding other than plain or dictionary, levels
// bit-packed the deprecated way, a chunk above maxChunkDecodable, a
// big-endian machine).
var errNotHere = errors.New("left to pqreader")

// pageScratch holds what decodePages reads a chunk through, kept from one
// chunk to the next.
type pageScratch struct {
	raw    []byte // the chunk as stored
	page   []byte // a data page decompressed
	dict   []byte // the dictionary page decompressed
	dictBA []parquet.ByteArray
	idx    []uint32 // dictionary indices, or definition levels
	vals   []byte   // fixed-width values looked up in the dictionary
}

// grow returns b with length n, reallocated when its capacity is short
// (the new pages mapped at once: pages.Populate).
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		b = make([]T, n)
		pages.Populate(b)
	}
	return b[:n]
}

// decodePages decodes flat leaf column leaf of row group g into o: the
// chunk read at once, then page by page. scanChunk has passed the chunk:
// its page headers decode, lie inside it and hold its values.
func (p *File) decodePages(s *flatScratch, g, leaf int, o *flatOut, optional bool) error {
	c := p.chunks[g*len(p.leaves)+leaf]
	if endian.IsBigEndian || c.n > maxChunkDecodable {
		return errNotHere
	}
	cc, err := p.pr.MetaData().RowGroup(g).ColumnChunk(leaf)
	if err != nil {
		return err
	}
	codec, err := compress.GetCodec(cc.Compression())
	if err != nil {
		return err
	}
	ps := &s.pages
	ps.raw = grow(ps.raw, int(c.n))
	if k, err := p.src.ReadAt(ps.raw, c.start); k < len(ps.raw) {
		return fmt.Errorf("reading %d bytes at offset %d: %v", len(ps.raw), c.start, err)
	}
	d := pageDecoder{p: p, s: s, o: o, codec: codec, optional: optional,
		plain: cc.Compression() == compress.Codecs.Uncompressed, snappy: cc.Compression() == compress.Codecs.Snappy}
	for pos, seen := 0, int64(0); seen < c.values; {
		hr := thrift.NewReader(ps.raw[pos:], errThrift)
		h, err := readPageHeader(hr)
		if err != nil {
			return err
		}
		start := pos + hr.Offset()
		if h.compressed < 0 || int(h.compressed) > len(ps.raw)-start {
			return fmt.Errorf("page at offset %d runs past its column chunk", int(c.start)+pos)
		}
		body := ps.raw[start : start+int(h.compressed)]
		pos = start + int(h.compressed)
		switch h.typ {
		case pageDictionary:
			err = d.dictionary(h, body)
		case pageData:
			seen += int64(h.values[0])
			err = d.dataV1(h, body)
		case pageDataV2:
			seen += int64(h.values[1])
			err = d.dataV2(h, body)
		default:
			err = fmt.Errorf("page type %d", h.typ)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// pageDecoder decodes the pages of one column chunk into o.
type pageDecoder struct {
	p        *File
	s        *flatScratch
	o        *flatOut
	codec    compress.Codec
	plain    bool // not compressed
	snappy   bool
	optional bool
	hasDict  bool
	dictN    int
}

// decompress returns body decompressed into *into, which must make n
// bytes.
func (d *pageDecoder) decompress(body []byte, n int32, into *[]byte) ([]byte, error) {
	if n < 0 || int64(n) > int64(d.p.allocLimit) {
		return nil, fmt.Errorf("a page of %d bytes", n)
	}
	if d.plain {
		if len(body) != int(n) {
			return nil, fmt.Errorf("an uncompressed page of %d bytes declares %d", len(body), n)
		}
		return body, nil
	}
	if d.snappy {
		// Checked first: snappy allocates what the block says it holds.
		if m, err := snappy.DecodedLen(body); err != nil || m != int(n) {
			return nil, fmt.Errorf("a snappy page of %d bytes holds %d", n, m)
		}
	}
	*into = grow(*into, int(n))
	out := d.codec.Decode(*into, body)
	if len(out) != int(n) {
		return nil, fmt.Errorf("a page of %d bytes decompresses to %d", n, len(out))
	}
	return out, nil
}

// dictionary reads a dictionary page (plain-encoded values).
func (d *pageDecoder) dictionary(h pageHeader, body []byte) error {
	if h.encoding != encPlain && h.encoding != encPlainDict {
		return errNotHere
	}
	if d.hasDict {
		return errors.New("a second dictionary page")
	}
	ps := &d.s.pages
	data, err := d.decompress(body, h.uncompressed, &ps.dict)
	if err != nil {
		return err
	}
	if d.plain {
		// A copy: body lies in ps.raw, and ps.dict is where the next
		// chunk's dictionary is decompressed to.
		ps.dict = append(ps.dict[:0], data...)
	} else {
		ps.dict = data // where the codec put it (ps.dict, or its own)
	}
	data = ps.dict
	n := int(h.dictValues)
	if n < 0 {
		return fmt.Errorf("a dictionary of %d values", n)
	}
	switch w := d.o.w; {
	case w > 0:
		if n > len(data)/w {
			return fmt.Errorf("a dictionary of %d values in %d bytes", n, len(data))
		}
	case w == 0:
		if n > len(data)/4 {
			return fmt.Errorf("a dictionary of %d values in %d bytes", n, len(data))
		}
		ps.dictBA = grow(ps.dictBA, n)
		if _, err := plainByteArrays(data, ps.dictBA); err != nil {
			return err
		}
	default:
		return errNotHere
	}
	d.hasDict, d.dictN = true, n
	return nil
}

// dataV1 reads a data page of version 1: levels and values compressed
// together, the definition levels prefixed by their length.
func (d *pageDecoder) dataV1(h pageHeader, body []byte) error {
	data, err := d.decompress(body, h.uncompressed, &d.s.pages.page)
	if err != nil {
		return err
	}
	n := int(h.values[0])
	var levels []byte
	if d.optional {
		if h.defEncoding != encRLE {
			return errNotHere
		}
		if len(data) < 4 {
			return errors.New("definition levels run past their page")
		}
		l := binary.LittleEndian.Uint32(data)
		if uint64(l) > uint64(len(data)-4) {
			return errors.New("definition levels run past their page")
		}
		levels, data = data[4:4+l], data[4+l:]
	}
	return d.values(h, n, levels, data)
}

// dataV2 reads a data page of version 2: levels stored as they are, then
// the values, compressed when the header says so.
func (d *pageDecoder) dataV2(h pageHeader, body []byte) error {
	if h.repLen != 0 {
		return errNotHere
	}
	if h.defLen < 0 || int(h.defLen) > len(body) || !d.optional && h.defLen != 0 {
		return fmt.Errorf("definition levels of %d bytes in a page of %d", h.defLen, len(body))
	}
	levels, data := body[:h.defLen], body[h.defLen:]
	if h.v2compressed && !d.plain {
		var err error
		if data, err = d.decompress(data, h.uncompressed-h.defLen, &d.s.pages.page); err != nil {
			return err
		}
	}
	var lv []byte
	if d.optional {
		lv = levels
	}
	return d.values(h, int(h.values[1]), lv, data)
}

// values decodes a data page's n definition levels (from levels, RLE;
// none when the column is required) and its values (from data), and
// hands them to o.
func (d *pageDecoder) values(h pageHeader, n int, levels, data []byte) error {
	s, ps, o := d.s, &d.s.pages, d.o
	if n < 0 || n > o.n-o.at {
		return fmt.Errorf("a page of %d values where %d rows are left", n, o.n-o.at)
	}
	set := n
	var def []int16
	if d.optional {
		ps.idx = grow(ps.idx, n)
		if err := decodeHybrid(levels, 1, ps.idx); err != nil {
			return fmt.Errorf("definition levels: %w", err)
		}
		s.def = grow(s.def, n)
		set = 0
		for k, l := range ps.idx {
			if l > 1 {
				return fmt.Errorf("definition level %d above 1", l)
			}
			s.def[k] = int16(l)
			set += int(l)
		}
		if set < n {
			def = s.def[:n]
		}
	}
	if set == 0 {
		return d.put(n, def, nil, nil, nil)
	}
	switch h.encoding {
	case encPlain:
		return d.plainValues(n, set, def, data)
	case encPlainDict, encRLEDictionary:
		return d.dictValues(n, set, def, data)
	}
	return errNotHere
}

// put hands a page's values to o by its kind.
func (d *pageDecoder) put(n int, def []int16, fixed []byte, bools []bool, bas []parquet.ByteArray) error {
	switch o := d.o; {
	case o.w > 0:
		return o.fixed(n, def, fixed)
	case o.w < 0:
		return o.bools(n, def, bools)
	default:
		return o.bytes(n, def, bas, d.s)
	}
}

// plainValues decodes set plain-encoded values.
func (d *pageDecoder) plainValues(n, set int, def []int16, data []byte) error {
	s := d.s
	switch w := d.o.w; {
	case w > 0:
		if set > len(data)/w {
			return fmt.Errorf("%d values of %d bytes in %d", set, w, len(data))
		}
		return d.put(n, def, data[:set*w], nil, nil)
	case w < 0:
		if set > len(data)*8 {
			return fmt.Errorf("%d booleans in %d bytes", set, len(data))
		}
		s.bools = grow(s.bools, set)
		for j := range set {
			s.bools[j] = data[j>>3]>>(j&7)&1 == 1
		}
		return d.put(n, def, nil, s.bools[:set], nil)
	default:
		s.bas = grow(s.bas, set)
		if _, err := plainByteArrays(data, s.bas[:set]); err != nil {
			return err
		}
		return d.put(n, def, nil, nil, s.bas[:set])
	}
}

// plainByteArrays reads len(out) plain-encoded byte arrays (each a
// 4-byte length and its bytes) from data into out, returning the bytes
// read.
func plainByteArrays(data []byte, out []parquet.ByteArray) (int, error) {
	at := 0
	for j := range out {
		if len(data)-at < 4 {
			return 0, fmt.Errorf("byte array %d of %d runs past its page", j, len(out))
		}
		l := binary.LittleEndian.Uint32(data[at:])
		at += 4
		if uint64(l) > uint64(len(data)-at) {
			return 0, fmt.Errorf("byte array %d of %d runs past its page", j, len(out))
		}
		out[j] = data[at : at+int(l) : at+int(l)]
		at += int(l)
	}
	return at, nil
}

// dictValues decodes set dictionary indices (a bit width byte, then RLE)
// and looks them up.
func (d *pageDecoder) dictValues(n, set int, def []int16, data []byte) error {
	if !d.hasDict {
		return errors.New("a dictionary-encoded page without a dictionary")
	}
	if len(data) < 1 {
		return errors.New("a dictionary-encoded page without its bit width")
	}
	ps := &d.s.pages
	ps.idx = grow(ps.idx, set)
	if err := decodeHybrid(data[1:], int(data[0]), ps.idx); err != nil {
		return fmt.Errorf("dictionary indices: %w", err)
	}
	for _, ix := range ps.idx {
		if int64(ix) >= int64(d.dictN) {
			return fmt.Errorf("dictionary index %d of a dictionary of %d", ix, d.dictN)
		}
	}
	switch w := d.o.w; {
	case w > 0:
		if def == nil { // straight into the column
			dst, err := d.o.reserve(n)
			if err != nil {
				return err
			}
			lookup(dst, ps.dict, ps.idx, w)
			return nil
		}
		ps.vals = grow(ps.vals, set*w)
		lookup(ps.vals, ps.dict, ps.idx, w)
		return d.put(n, def, ps.vals, nil, nil)
	case w == 0:
		s := d.s
		s.bas = grow(s.bas, set)
		for j, ix := range ps.idx {
			s.bas[j] = ps.dictBA[ix]
		}
		return d.put(n, def, nil, nil, s.bas[:set])
	}
	return errNotHere
}

// lookup writes the w-byte values dict holds at idx to dst, one after
// the other.
func lookup(dst, dict []byte, idx []uint32, w int) {
	switch w {
	case 8:
		for j, ix := range idx {
			binary.LittleEndian.PutUint64(dst[j*8:], binary.LittleEndian.Uint64(dict[int(ix)*8:]))
		}
	case 4:
		for j, ix := range idx {
			binary.LittleEndian.PutUint32(dst[j*4:], binary.LittleEndian.Uint32(dict[int(ix)*4:]))
		}
	default:
		for j, ix := range idx {
			copy(dst[j*w:(j+1)*w], dict[int(ix)*w:(int(ix)+1)*w])
		}
	}
}

// decodeHybrid decodes len(out) values of w bits from b, Parquet's
// RLE/bit-packing hybrid: runs, each a varint header, then one value of
// (w+7)/8 bytes repeated header>>1 times (header even), or header>>1
// groups of eight values bit-packed, least significant bit first (odd).
func decodeHybrid(b []byte, w int, out []uint32) error {
	if w < 0 || w > 32 {
		return fmt.Errorf("bit width %d", w)
	}
	byteW := (w + 7) / 8
	mask := uint64(math.MaxUint32) >> (32 - w)
	for k := 0; k < len(out); {
		h, m := binary.Uvarint(b)
		if m <= 0 {
			return errors.New("a run header does not decode")
		}
		b = b[m:]
		left := len(out) - k
		if h&1 == 0 {
			if len(b) < byteW {
				return errors.New("a run's value runs past its data")
			}
			var v uint32
			for i := range byteW {
				v |= uint32(b[i]) << (8 * i)
			}
			b = b[byteW:]
			c := left
			if h>>1 < uint64(left) {
				c = int(h >> 1)
			}
			for i := range c {
				out[k+i] = v
			}
			k += c
			continue
		}
		groups := h >> 1
		c := left
		if groups < uint64(left+7)/8 {
			c = int(groups) * 8
		}
		if need := (c*w + 7) / 8; need > len(b) {
			return errors.New("bit-packed values run past their data")
		}
		unpack(b, w, mask, out[k:k+c])
		k += c
		if runBytes := groups * uint64(w); runBytes < uint64(len(b)) {
			b = b[runBytes:]
		} else {
			b = b[len(b):]
		}
	}
	return nil
}

// unpack reads len(out) values of w bits, least significant bit first,
// from b, which holds them.
func unpack(b []byte, w int, mask uint64, out []uint32) {
	if w == 0 {
		clear(out)
		return
	}
	for i := range out {
		bit := i * w
		at := bit >> 3
		var v uint64
		if at+8 <= len(b) {
			v = binary.LittleEndian.Uint64(b[at:])
		} else {
			for j := 0; at+j < len(b) && j < 8; j++ {
				v |= uint64(b[at+j]) << (8 * j)
			}
		}
		out[i] = uint32(v >> (bit & 7) & mask)
	}
}
