package parquetrows

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
)

// Flat columns: a top-level field that is one leaf, not repeated, whose
// Arrow type holds the leaf's physical values bit for bit (int64, uint64,
// int32, uint32, date32, float64, float32, bool, string, binary) is
// decoded straight into the cache's buffers, through scratch buffers a
// decoding goroutine reuses, page by page (decodePages: pages.go's header
// reader, Arrow's codecs); a chunk decodePages leaves alone (errNotHere)
// goes the way of every other field, pqreader's record reader, which
// builds the same array through
// buffers of its own, grown step by step and copied again by compact, and
// Arrow's page reader copies every page once more on its way: for these
// fields that was most of the cost of a split, much of it in first
// touches of fresh memory.

// flatLeaf returns the leaf column of top-level field i when it is a flat
// column, and its physical type.
func (p *File) flatLeaf(i int) (leaf int, pt parquet.Type, ok bool) {
	f := &p.fr.Manifest.Fields[i]
	if len(f.Children) > 0 || f.ColIndex < 0 || f.Field == nil {
		return 0, 0, false
	}
	col := p.pr.MetaData().Schema.Column(f.ColIndex)
	if col.MaxRepetitionLevel() != 0 || col.MaxDefinitionLevel() > 1 {
		return 0, 0, false
	}
	pt = col.PhysicalType()
	switch f.Field.Type.ID() {
	case arrow.INT64, arrow.UINT64:
		ok = pt == parquet.Types.Int64
	case arrow.INT32, arrow.UINT32, arrow.DATE32:
		ok = pt == parquet.Types.Int32
	case arrow.FLOAT64:
		ok = pt == parquet.Types.Double
	case arrow.FLOAT32:
		ok = pt == parquet.Types.Float
	case arrow.BOOL:
		ok = pt == parquet.Types.Boolean
	case arrow.STRING, arrow.BINARY:
		ok = pt == parquet.Types.ByteArray
	}
	return f.ColIndex, pt, ok
}

// physWidth is the bytes of a value of physical type pt: 0 for byte
// arrays, -1 for booleans (bits).
func physWidth(pt parquet.Type) int {
	switch pt {
	case parquet.Types.Int64, parquet.Types.Double:
		return 8
	case parquet.Types.Int32, parquet.Types.Float:
		return 4
	case parquet.Types.Boolean:
		return -1
	}
	return 0
}

// flatScratch holds the buffers one goroutine decodes flat columns
// through, kept from one column to the next.
type flatScratch struct {
	def   []int16
	bools []bool
	bas   []parquet.ByteArray
	data  []byte // a string column's bytes, before they are copied to the cache
	pages pageScratch
}

// decodeFlat decodes flat field i of row group g (flatLeaf) into buffers
// from the cache's allocator: the array decodeColumn's pqreader path makes.
// It returns errNotHere for a chunk decodePages leaves to that path.
func (p *File) decodeFlat(s *flatScratch, g, i, leaf int, pt parquet.Type) (arrow.Array, error) {
	f := &p.fr.Manifest.Fields[i]
	fail := func(err error) error {
		return fmt.Errorf("%w: column %q: %s", ErrParquet, p.names[i], clean(err.Error()))
	}
	if err := p.scanPages(f, []int{g}); err != nil {
		return nil, fail(err)
	}
	optional := p.pr.MetaData().Schema.Column(leaf).MaxDefinitionLevel() == 1
	n := p.rgStart[g+1] - p.rgStart[g]
	o := newFlatOut(p, n, physWidth(pt))
	if err := p.decodePages(s, g, leaf, o, optional); err != nil {
		o.release()
		if errors.Is(err, errNotHere) {
			return nil, err
		}
		return nil, fail(err)
	}
	a, err := o.array(f.Field.Type, s)
	if err != nil {
		return nil, fail(err)
	}
	return a, nil
}

// flatOut is a flat column being decoded into the cache's buffers, batch
// after batch (levels, their definition levels, the defined values).
type flatOut struct {
	p     *File
	n, at int
	w     int            // physWidth
	buf   *memory.Buffer // fixed-width values, or the booleans' bits, or a byte array's offsets
	out   []byte
	offs  []int32
	data  []byte // a byte array's values (flatScratch.data)
	mask  *memory.Buffer
	bits  []byte
	nulls int
}

func newFlatOut(p *File, n, w int) *flatOut {
	o := &flatOut{p: p, n: n, w: w}
	switch {
	case w > 0:
		o.buf, o.out = newBuffer(p.cacheMem, n*w)
	case w < 0:
		o.buf, o.out = newBuffer(p.cacheMem, int(bitutil.BytesForBits(int64(n))))
	default:
		var raw []byte
		o.buf, raw = newBuffer(p.cacheMem, (n+1)*4)
		o.offs = arrow.Int32Traits.CastFromBytes(raw)
	}
	return o
}

// batch checks that got more levels fit.
func (o *flatOut) batch(got int) error {
	if got > o.n-o.at {
		return fmt.Errorf("pages hold more values than the row group's %d rows", o.n)
	}
	return nil
}

// null marks row k null, making the validity bitmap (all valid so far)
// at the first.
func (o *flatOut) null(k int) {
	if o.mask == nil {
		o.mask, o.bits = newBuffer(o.p.cacheMem, int(bitutil.BytesForBits(int64(o.n))))
		bitutil.SetBitsTo(o.bits, 0, int64(o.n), true)
	}
	bitutil.ClearBit(o.bits, k)
	o.nulls++
}

// reserve returns the bytes of the next got values, all defined, for the
// caller to write.
func (o *flatOut) reserve(got int) ([]byte, error) {
	if err := o.batch(got); err != nil {
		return nil, err
	}
	b := o.out[o.at*o.w : (o.at+got)*o.w]
	o.at += got
	return b, nil
}

// fixed takes a batch of fixed-width values (w bytes each, native order).
func (o *flatOut) fixed(got int, def []int16, vals []byte) error {
	if err := o.batch(got); err != nil {
		return err
	}
	w, at := o.w, o.at
	if def == nil {
		copy(o.out[at*w:(at+got)*w], vals)
		o.at += got
		return nil
	}
	j := 0
	for k := range got {
		if def[k] != 1 {
			o.null(at + k)
			continue
		}
		switch w {
		case 8:
			binary.NativeEndian.PutUint64(o.out[(at+k)*8:], binary.NativeEndian.Uint64(vals[j:]))
		case 4:
			binary.NativeEndian.PutUint32(o.out[(at+k)*4:], binary.NativeEndian.Uint32(vals[j:]))
		default:
			copy(o.out[(at+k)*w:(at+k+1)*w], vals[j:j+w])
		}
		j += w
	}
	o.at += got
	return nil
}

// bools takes a batch of booleans.
func (o *flatOut) bools(got int, def []int16, vals []bool) error {
	if err := o.batch(got); err != nil {
		return err
	}
	j := 0
	for k := range got {
		if def != nil && def[k] != 1 {
			o.null(o.at + k)
			continue
		}
		if vals[j] {
			bitutil.SetBit(o.out, o.at+k)
		}
		j++
	}
	o.at += got
	return nil
}

// bytes takes a batch of byte arrays, copied to s.data.
func (o *flatOut) bytes(got int, def []int16, vals []parquet.ByteArray, s *flatScratch) error {
	if err := o.batch(got); err != nil {
		return err
	}
	if o.at == 0 {
		o.data = s.data[:0]
	}
	j := 0
	for k := range got {
		if def != nil && def[k] != 1 {
			o.null(o.at + k)
		} else {
			o.data = append(o.data, vals[j]...)
			j++
		}
		if len(o.data) > math.MaxInt32 {
			return fmt.Errorf("more than %d bytes of values in one row group", math.MaxInt32)
		}
		o.offs[o.at+k+1] = int32(len(o.data))
	}
	o.at += got
	return nil
}

// array returns the column as an array of type dt, its buffers handed
// to it (s keeps the scratch a byte array's values went through).
func (o *flatOut) array(dt arrow.DataType, s *flatScratch) (arrow.Array, error) {
	if o.at != o.n {
		o.release()
		return nil, fmt.Errorf("holds %d rows, the footer declares %d", o.at, o.n)
	}
	bufs := []*memory.Buffer{o.mask, o.buf}
	if o.w == 0 {
		dataBuf, b := newBuffer(o.p.cacheMem, len(o.data))
		copy(b, o.data)
		s.data = o.data[:0]
		bufs = append(bufs, dataBuf)
	}
	d := array.NewData(dt, o.n, bufs, nil, o.nulls, 0)
	release(bufs...)
	defer d.Release()
	return array.MakeFromData(d), nil
}

// release frees the buffers of a column not made into an array.
func (o *flatOut) release() { release(o.buf, o.mask) }
