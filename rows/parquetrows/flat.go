package parquetrows

import (
	"fmt"
	"math"
	"unsafe"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/file"
)

// Flat columns: a top-level field that is one leaf, not repeated, whose
// Arrow type holds the leaf's physical values bit for bit (int64, uint64,
// int32, uint32, date32, float64, float32, bool, string, binary) is
// decoded by Parquet's typed column reader straight into the cache's
// buffers, through scratch buffers a decoding goroutine reuses. pqarrow's
// record reader, which decodeColumn uses for every other field, builds
// the same array through buffers of its own, grown step by step and
// copied again by compact: for these fields that was half the cost of
// decoding, most of it in first touches of fresh memory.

// flatBatch is the most levels read by one ReadBatch call.
const flatBatch = 1 << 14

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

// flatScratch holds the buffers one goroutine decodes flat columns
// through, kept from one column to the next.
type flatScratch struct {
	def   []int16
	i64   []int64
	i32   []int32
	f64   []float64
	f32   []float32
	bools []bool
	bas   []parquet.ByteArray
	data  []byte // a string column's bytes, before they are copied to the cache
}

// batchReader is a typed Parquet column reader (Int64ColumnChunkReader,
// ...): ReadBatch reads up to n levels, the values of the defined ones
// packed at the front of values.
type batchReader[T any] interface {
	ReadBatch(n int64, values []T, def, rep []int16) (levels int64, set int, err error)
}

// decodeFlat decodes flat field i of row group g (flatLeaf) into buffers
// from the cache's allocator: the array decodeColumn's pqarrow path makes.
func (p *File) decodeFlat(s *flatScratch, g, i, leaf int, pt parquet.Type) (arrow.Array, error) {
	f := &p.fr.Manifest.Fields[i]
	if err := p.scanPages(f, []int{g}); err != nil {
		return nil, fmt.Errorf("%w: column %q: %s", ErrParquet, p.names[i], clean(err.Error()))
	}
	cr, err := p.pr.RowGroup(g).Column(leaf)
	if err != nil {
		return nil, fmt.Errorf("%w: column %q: %s", ErrParquet, p.names[i], clean(err.Error()))
	}
	n := p.rgStart[g+1] - p.rgStart[g]
	if s.def == nil {
		s.def = make([]int16, flatBatch)
	}
	optional := cr.Descriptor().MaxDefinitionLevel() == 1
	dt := f.Field.Type
	var a arrow.Array
	switch pt {
	case parquet.Types.Int64:
		a, err = readFixed(p, cr.(*file.Int64ColumnChunkReader), &s.i64, s.def, dt, n, optional)
	case parquet.Types.Int32:
		a, err = readFixed(p, cr.(*file.Int32ColumnChunkReader), &s.i32, s.def, dt, n, optional)
	case parquet.Types.Double:
		a, err = readFixed(p, cr.(*file.Float64ColumnChunkReader), &s.f64, s.def, dt, n, optional)
	case parquet.Types.Float:
		a, err = readFixed(p, cr.(*file.Float32ColumnChunkReader), &s.f32, s.def, dt, n, optional)
	case parquet.Types.Boolean:
		a, err = readBools(p, cr.(*file.BooleanColumnChunkReader), s, dt, n, optional)
	case parquet.Types.ByteArray:
		a, err = readBytes(p, cr.(*file.ByteArrayColumnChunkReader), s, dt, n, optional)
	default:
		err = fmt.Errorf("physical type %s is not flat", pt)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: column %q: %s", ErrParquet, p.names[i], clean(err.Error()))
	}
	return a, nil
}

// readLevels reads the column's next levels (up to flatBatch, and no more
// than left) into def and values, failing when it ends early: got is
// the levels read, set the values among them.
func readLevels[T any](r batchReader[T], values []T, def []int16, left int, optional bool) (got, set int, err error) {
	var defs []int16
	if optional {
		defs = def
	}
	total, set, err := r.ReadBatch(int64(min(left, flatBatch)), values, defs, nil)
	if err != nil {
		return 0, 0, err
	}
	if total <= 0 {
		return 0, 0, fmt.Errorf("holds %d rows fewer than the footer declares", left)
	}
	if !optional && set != int(total) {
		return 0, 0, fmt.Errorf("a required column's batch holds %d values for %d rows", set, total)
	}
	return int(total), set, nil
}

// nullMask is the validity bitmap of a flat column being decoded, made
// (all valid so far) at its first null.
type nullMask struct {
	p     *File
	n     int
	buf   *memory.Buffer
	bits  []byte
	nulls int
}

func (m *nullMask) null(k int) {
	if m.buf == nil {
		m.buf, m.bits = newBuffer(m.p.cacheMem, int(bitutil.BytesForBits(int64(m.n))))
		bitutil.SetBitsTo(m.bits, 0, int64(m.n), true)
	}
	bitutil.ClearBit(m.bits, k)
	m.nulls++
}

// array makes the array of type dt and n rows over bufs (validity from
// m), releasing bufs to it.
func (m *nullMask) array(dt arrow.DataType, bufs ...*memory.Buffer) arrow.Array {
	all := append([]*memory.Buffer{m.buf}, bufs...)
	d := array.NewData(dt, m.n, all, nil, m.nulls, 0)
	release(all...)
	defer d.Release()
	return array.MakeFromData(d)
}

// readFixed decodes a column of fixed-width values (T is the physical
// type, whose bits dt's values hold).
func readFixed[T int64 | int32 | float64 | float32](p *File, r batchReader[T], scratch *[]T, def []int16, dt arrow.DataType, n int, optional bool) (arrow.Array, error) {
	if *scratch == nil {
		*scratch = make([]T, flatBatch)
	}
	vals := *scratch
	w := int(unsafe.Sizeof(vals[0]))
	buf, raw := newBuffer(p.cacheMem, n*w)
	var out []T
	if n > 0 {
		out = unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(raw))), n)
	}
	m := nullMask{p: p, n: n}
	for at := 0; at < n; {
		got, set, err := readLevels(r, vals, def, n-at, optional)
		if err != nil {
			release(buf, m.buf)
			return nil, err
		}
		if set == got {
			copy(out[at:], vals[:set])
		} else {
			j := 0
			for k := range got {
				if def[k] == 1 {
					out[at+k] = vals[j]
					j++
				} else {
					m.null(at + k)
				}
			}
		}
		at += got
	}
	return m.array(dt, buf), nil
}

// readBools decodes a boolean column into a bitmap.
func readBools(p *File, r batchReader[bool], s *flatScratch, dt arrow.DataType, n int, optional bool) (arrow.Array, error) {
	if s.bools == nil {
		s.bools = make([]bool, flatBatch)
	}
	buf, bits := newBuffer(p.cacheMem, int(bitutil.BytesForBits(int64(n))))
	m := nullMask{p: p, n: n}
	for at := 0; at < n; {
		got, set, err := readLevels(r, s.bools, s.def, n-at, optional)
		if err != nil {
			release(buf, m.buf)
			return nil, err
		}
		j := 0
		for k := range got {
			if set != got && s.def[k] != 1 {
				m.null(at + k)
				continue
			}
			if s.bools[j] {
				bitutil.SetBit(bits, at+k)
			}
			j++
		}
		at += got
	}
	return m.array(dt, buf), nil
}

// readBytes decodes a string or binary column: offsets into the cache
// at once, bytes through s.data (their total is known only at the end).
func readBytes(p *File, r batchReader[parquet.ByteArray], s *flatScratch, dt arrow.DataType, n int, optional bool) (arrow.Array, error) {
	if s.bas == nil {
		s.bas = make([]parquet.ByteArray, flatBatch)
	}
	offBuf, raw := newBuffer(p.cacheMem, (n+1)*4)
	offs := arrow.Int32Traits.CastFromBytes(raw)
	m := nullMask{p: p, n: n}
	data := s.data[:0]
	for at := 0; at < n; {
		got, set, err := readLevels(r, s.bas, s.def, n-at, optional)
		if err != nil {
			release(offBuf, m.buf)
			return nil, err
		}
		j := 0
		for k := range got {
			if set != got && s.def[k] != 1 {
				m.null(at + k)
			} else {
				data = append(data, s.bas[j]...)
				j++
			}
			if len(data) > math.MaxInt32 {
				release(offBuf, m.buf)
				return nil, fmt.Errorf("more than %d bytes of values in one row group", math.MaxInt32)
			}
			offs[at+k+1] = int32(len(data))
		}
		at += got
	}
	s.data = data[:0]
	dataBuf, b := newBuffer(p.cacheMem, len(data))
	copy(b, data)
	return m.array(dt, offBuf, dataBuf), nil
}
