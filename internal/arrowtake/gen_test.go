package arrowtake

import (
	"math/rand/v2"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/float16"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// leafTypes are the non-nested types the tests take.
var leafTypes = []arrow.DataType{
	arrow.Null, arrow.FixedWidthTypes.Boolean,
	arrow.PrimitiveTypes.Int8, arrow.PrimitiveTypes.Int16, arrow.PrimitiveTypes.Int32, arrow.PrimitiveTypes.Int64,
	arrow.PrimitiveTypes.Uint8, arrow.PrimitiveTypes.Uint16, arrow.PrimitiveTypes.Uint32, arrow.PrimitiveTypes.Uint64,
	arrow.FixedWidthTypes.Float16, arrow.PrimitiveTypes.Float32, arrow.PrimitiveTypes.Float64,
	arrow.BinaryTypes.String, arrow.BinaryTypes.LargeString, arrow.BinaryTypes.Binary, arrow.BinaryTypes.LargeBinary,
	&arrow.FixedSizeBinaryType{ByteWidth: 3}, &arrow.FixedSizeBinaryType{ByteWidth: 8},
	&arrow.Decimal128Type{Precision: 20, Scale: 2}, &arrow.Decimal256Type{Precision: 40, Scale: 3},
	arrow.FixedWidthTypes.Date32, arrow.FixedWidthTypes.Date64,
	arrow.FixedWidthTypes.Time32s, arrow.FixedWidthTypes.Time32ms, arrow.FixedWidthTypes.Time64us, arrow.FixedWidthTypes.Time64ns,
	arrow.FixedWidthTypes.Timestamp_s, arrow.FixedWidthTypes.Timestamp_ms, arrow.FixedWidthTypes.Timestamp_us,
	&arrow.TimestampType{Unit: arrow.Nanosecond, TimeZone: "Europe/Paris"},
	arrow.FixedWidthTypes.Duration_s, arrow.FixedWidthTypes.Duration_ns,
	arrow.FixedWidthTypes.MonthInterval, arrow.FixedWidthTypes.DayTimeInterval, arrow.FixedWidthTypes.MonthDayNanoInterval,
	&arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int8, ValueType: arrow.BinaryTypes.String},
	&arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Uint16, ValueType: arrow.PrimitiveTypes.Int64},
	&arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.PrimitiveTypes.Float64},
	&arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Uint64, ValueType: arrow.BinaryTypes.LargeString},
}

// randType returns a random type nested at most depth levels.
func randType(r *rand.Rand, depth int) arrow.DataType {
	if depth == 0 || r.IntN(3) == 0 {
		return leafTypes[r.IntN(len(leafTypes))]
	}
	elem := func() arrow.Field {
		return arrow.Field{Name: "item", Type: randType(r, depth-1), Nullable: true}
	}
	switch r.IntN(5) {
	case 0:
		return arrow.ListOfField(elem())
	case 1:
		return arrow.LargeListOfField(elem())
	case 2:
		return arrow.FixedSizeListOfField(int32(1+r.IntN(3)), elem())
	case 3:
		fields := make([]arrow.Field, 1+r.IntN(3))
		for i := range fields {
			fields[i] = elem()
			fields[i].Name = string(rune('a' + i))
		}
		return arrow.StructOf(fields...)
	}
	keys := []arrow.DataType{arrow.BinaryTypes.String, arrow.PrimitiveTypes.Int32}
	return arrow.MapOf(keys[r.IntN(2)], randType(r, depth-1))
}

// generator makes random arrays: nulls at every level (with random
// density, bitmaps sometimes absent), every level sliced.
type generator struct {
	r   *rand.Rand
	mem memory.Allocator
	// flat makes arrays unsliced with offsets from 0 (pqarrow v15 panics
	// writing a dictionary of strings whose offsets do not start at 0).
	flat bool
}

// array returns a random array of dt and length n.
func (g generator) array(dt arrow.DataType, n int) arrow.Array {
	d := g.data(dt, n, true)
	defer d.Release()
	return array.MakeFromData(d)
}

// data returns random data of dt and length n, sliced out of a longer
// array (so with a non-zero offset, mostly); nullable false gives no nulls.
func (g generator) data(dt arrow.DataType, n int, nullable bool) arrow.ArrayData {
	pre, post := g.r.IntN(4), g.r.IntN(3)
	if g.flat {
		pre = 0
	}
	full := g.full(dt, pre+n+post, nullable)
	defer full.Release()
	return array.NewSliceData(full, int64(pre), int64(pre+n))
}

// full returns random data of dt and length n at offset 0.
func (g generator) full(dt arrow.DataType, n int, nullable bool) arrow.ArrayData {
	if dt.ID() == arrow.NULL {
		return array.NewData(dt, n, []*memory.Buffer{nil}, nil, n, 0)
	}
	if dt.ID() == arrow.DICTIONARY {
		return g.dictionary(dt.(*arrow.DictionaryType), n, nullable)
	}
	valid := g.validity(n, nullable)
	var bufs []*memory.Buffer
	var children []arrow.ArrayData
	switch dt := dt.(type) {
	case *arrow.BooleanType:
		bufs = []*memory.Buffer{g.bytes(int(bitutil.BytesForBits(int64(n))))}
	case *arrow.Float16Type, *arrow.Float32Type, *arrow.Float64Type:
		bufs = []*memory.Buffer{g.floats(dt, n)}
	case arrow.FixedWidthDataType:
		bufs = []*memory.Buffer{g.bytes(n * dt.BitWidth() / 8)}
	case *arrow.StringType, *arrow.BinaryType:
		offs, total := g.offsets(n, 5)
		bufs = []*memory.Buffer{memory.NewBufferBytes(arrow.GetBytes(toInt32(offs))), g.letters(total)}
	case *arrow.LargeStringType, *arrow.LargeBinaryType:
		offs, total := g.offsets(n, 5)
		bufs = []*memory.Buffer{memory.NewBufferBytes(arrow.GetBytes(offs)), g.letters(total)}
	case *arrow.ListType:
		offs, total := g.offsets(n, 3)
		bufs = []*memory.Buffer{memory.NewBufferBytes(arrow.GetBytes(toInt32(offs)))}
		children = []arrow.ArrayData{g.data(dt.Elem(), total, true)}
	case *arrow.MapType:
		offs, total := g.offsets(n, 3)
		bufs = []*memory.Buffer{memory.NewBufferBytes(arrow.GetBytes(toInt32(offs)))}
		children = []arrow.ArrayData{g.entries(dt, total)}
	case *arrow.LargeListType:
		offs, total := g.offsets(n, 3)
		bufs = []*memory.Buffer{memory.NewBufferBytes(arrow.GetBytes(offs))}
		children = []arrow.ArrayData{g.data(dt.Elem(), total, true)}
	case *arrow.FixedSizeListType:
		children = []arrow.ArrayData{g.data(dt.Elem(), n*int(dt.Len()), true)}
	case *arrow.StructType:
		for _, f := range dt.Fields() {
			children = append(children, g.data(f.Type, n, true))
		}
	default:
		panic("generator: no case for " + dt.String())
	}
	d := array.NewData(dt, n, append([]*memory.Buffer{valid}, bufs...), children, nullCount(valid), 0)
	for _, c := range children {
		c.Release()
	}
	return d
}

// entries returns the struct<key, value> child of a map: no null entry,
// no null key.
func (g generator) entries(dt *arrow.MapType, n int) arrow.ArrayData {
	key := g.data(dt.KeyType(), n, false)
	defer key.Release()
	item := g.data(dt.ItemType(), n, true)
	defer item.Release()
	return array.NewData(dt.Elem(), n, []*memory.Buffer{nil}, []arrow.ArrayData{key, item}, 0, 0)
}

// dictionary returns a dictionary array of n random indices into a random
// dictionary.
func (g generator) dictionary(dt *arrow.DictionaryType, n int, nullable bool) arrow.ArrayData {
	size := g.r.IntN(6)
	values := g
	values.flat = g.r.IntN(2) == 0
	dict := values.data(dt.ValueType, size, g.r.IntN(4) == 0)
	defer dict.Release()
	valid := g.validity(n, nullable || size == 0)
	width := dt.IndexType.(arrow.FixedWidthDataType).BitWidth() / 8
	idx := make([]byte, n*width)
	for i := range n {
		if size > 0 {
			idx[i*width] = byte(g.r.IntN(size)) // little-endian, rest zero
		}
	}
	if size == 0 {
		valid = memory.NewBufferBytes(make([]byte, bitutil.BytesForBits(int64(n))))
	}
	return array.NewDataWithDictionary(dt, n, []*memory.Buffer{valid, memory.NewBufferBytes(idx)}, nullCount(valid), 0, dict.(*array.Data))
}

// validity returns a random validity bitmap of n bits, or nil.
func (g generator) validity(n int, nullable bool) *memory.Buffer {
	if !nullable || g.r.IntN(5) == 0 {
		return nil
	}
	p := []float64{0, 0.1, 0.5, 1}[g.r.IntN(4)]
	bits := make([]byte, bitutil.BytesForBits(int64(n)))
	for i := range n {
		bitutil.SetBitTo(bits, i, g.r.Float64() >= p)
	}
	return memory.NewBufferBytes(bits)
}

// nullCount is the null count to give data with validity bitmap valid:
// unknown (counted on demand), or 0 without a bitmap.
func nullCount(valid *memory.Buffer) int {
	if valid == nil {
		return 0
	}
	return array.UnknownNullCount
}

// offsets returns n+1 offsets of random lengths up to maxLen, starting at
// a random first offset, and the last offset.
func (g generator) offsets(n, maxLen int) ([]int64, int) {
	offs := make([]int64, n+1)
	if !g.flat {
		offs[0] = int64(g.r.IntN(3))
	}
	for i := range n {
		offs[i+1] = offs[i] + int64(g.r.IntN(maxLen+1))
	}
	return offs, int(offs[n])
}

// bytes returns n random bytes.
func (g generator) bytes(n int) *memory.Buffer {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(g.r.Uint32())
	}
	return memory.NewBufferBytes(b)
}

// letters returns n random lowercase letters.
func (g generator) letters(n int) *memory.Buffer {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + g.r.IntN(4))
	}
	return memory.NewBufferBytes(b)
}

// floats returns n random small floats of dt (no NaN, which array.Equal
// would not equal to itself).
func (g generator) floats(dt arrow.DataType, n int) *memory.Buffer {
	v := func() float64 { return float64(g.r.IntN(200)-100) / 4 }
	switch dt.ID() {
	case arrow.FLOAT16:
		s := make([]float16.Num, n)
		for i := range s {
			s[i] = float16.New(float32(v()))
		}
		return memory.NewBufferBytes(arrow.Float16Traits.CastToBytes(s))
	case arrow.FLOAT32:
		s := make([]float32, n)
		for i := range s {
			s[i] = float32(v())
		}
		return memory.NewBufferBytes(arrow.GetBytes(s))
	}
	s := make([]float64, n)
	for i := range s {
		s[i] = v()
	}
	return memory.NewBufferBytes(arrow.GetBytes(s))
}

func toInt32(s []int64) []int32 {
	out := make([]int32, len(s))
	for i, v := range s {
		out[i] = int32(v)
	}
	return out
}
