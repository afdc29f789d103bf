package pqwriter

import (
	"fmt"
	"math"
	"math/rand"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/decimal128"
	"github.com/apache/arrow/go/v15/arrow/decimal256"
	"github.com/apache/arrow/go/v15/arrow/float16"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// gen makes random schemas and records from a seed.
type gen struct {
	r     *rand.Rand
	mem   memory.Allocator
	clean bool // only what reads back as written (round-trip tests)
	pNull float64
}

func newGen(seed int64, clean bool) *gen {
	return &gen{r: rand.New(rand.NewSource(seed)), mem: memory.DefaultAllocator, clean: clean}
}

func (g *gen) pick(n int) int { return g.r.Intn(n) }

var timeZones = []string{"", "UTC", "Europe/Paris"}

// primitive returns a random non-nested type; top tells whether it is a
// top-level field (where clean decimals and float16 may go).
func (g *gen) primitive(top bool) arrow.DataType {
	for {
		switch g.pick(27) {
		case 0:
			return arrow.Null
		case 1:
			return arrow.FixedWidthTypes.Boolean
		case 2:
			return arrow.PrimitiveTypes.Int8
		case 3:
			return arrow.PrimitiveTypes.Int16
		case 4:
			return arrow.PrimitiveTypes.Int32
		case 5:
			return arrow.PrimitiveTypes.Int64
		case 6:
			return arrow.PrimitiveTypes.Uint8
		case 7:
			return arrow.PrimitiveTypes.Uint16
		case 8:
			return arrow.PrimitiveTypes.Uint32
		case 9:
			return arrow.PrimitiveTypes.Uint64
		case 10:
			if g.clean && !top {
				continue
			}
			return arrow.FixedWidthTypes.Float16
		case 11:
			return arrow.PrimitiveTypes.Float32
		case 12:
			return arrow.PrimitiveTypes.Float64
		case 13:
			return arrow.BinaryTypes.String
		case 14:
			return arrow.BinaryTypes.LargeString
		case 15:
			return arrow.BinaryTypes.Binary
		case 16:
			return arrow.BinaryTypes.LargeBinary
		case 17:
			return &arrow.FixedSizeBinaryType{ByteWidth: 1 + g.pick(12)}
		case 18:
			if g.clean && !top {
				continue
			}
			p := int32(1 + g.pick(38))
			return &arrow.Decimal128Type{Precision: p, Scale: int32(g.pick(int(p) + 1))}
		case 19:
			if g.clean { // pqarrow's reader misreads narrow decimal256
				continue
			}
			p := int32(1 + g.pick(76))
			return &arrow.Decimal256Type{Precision: p, Scale: int32(g.pick(int(p) + 1))}
		case 20:
			return arrow.FixedWidthTypes.Date32
		case 21:
			if g.clean {
				continue
			}
			return arrow.FixedWidthTypes.Date64
		case 22:
			if g.clean {
				return arrow.FixedWidthTypes.Time32ms
			}
			return []arrow.DataType{arrow.FixedWidthTypes.Time32s, arrow.FixedWidthTypes.Time32ms}[g.pick(2)]
		case 23:
			return []arrow.DataType{arrow.FixedWidthTypes.Time64us, arrow.FixedWidthTypes.Time64ns}[g.pick(2)]
		case 24:
			unit := arrow.TimeUnit(g.pick(4))
			if g.clean && unit == arrow.Second {
				continue
			}
			return &arrow.TimestampType{Unit: unit, TimeZone: timeZones[g.pick(len(timeZones))]}
		default:
			if g.clean { // pqarrow's direct dictionary writes can read back wrong
				continue
			}
			return g.dictionary()
		}
	}
}

func (g *gen) dictionary() arrow.DataType {
	idx := []arrow.DataType{arrow.PrimitiveTypes.Int8, arrow.PrimitiveTypes.Int16, arrow.PrimitiveTypes.Int32,
		arrow.PrimitiveTypes.Int64, arrow.PrimitiveTypes.Uint8, arrow.PrimitiveTypes.Uint16,
		arrow.PrimitiveTypes.Uint32, arrow.PrimitiveTypes.Uint64}[g.pick(8)]
	val := []arrow.DataType{arrow.BinaryTypes.String, arrow.BinaryTypes.Binary,
		arrow.PrimitiveTypes.Int32, arrow.PrimitiveTypes.Int64, arrow.PrimitiveTypes.Float64}[g.pick(5)]
	return &arrow.DictionaryType{IndexType: idx, ValueType: val}
}

// dataType returns a random type nested at most depth levels.
func (g *gen) dataType(depth int, top bool) arrow.DataType {
	if depth == 0 || g.pick(3) > 0 {
		return g.primitive(top)
	}
	switch g.pick(5) {
	case 0:
		return arrow.ListOf(g.dataType(depth-1, false))
	case 1:
		if g.clean || g.pick(2) == 0 {
			return arrow.ListOfNonNullable(g.dataType(depth-1, false))
		}
		return arrow.FixedSizeListOf(int32(1+g.pick(3)), g.dataType(depth-1, false))
	case 2:
		key := g.primitive(false)
		for key.ID() == arrow.NULL || key.ID() == arrow.DICTIONARY {
			key = g.primitive(false)
		}
		return arrow.MapOf(key, g.dataType(depth-1, false))
	}
	fields := make([]arrow.Field, 1+g.pick(3))
	for i := range fields {
		fields[i] = g.field(fmt.Sprintf("s%d", i), depth-1, false)
	}
	return arrow.StructOf(fields...)
}

func (g *gen) field(name string, depth int, top bool) arrow.Field {
	f := arrow.Field{Name: name, Type: g.dataType(depth, top), Nullable: g.pick(4) > 0}
	if f.Type.ID() == arrow.NULL {
		f.Nullable = true
	}
	if g.pick(4) == 0 {
		f.Metadata = arrow.NewMetadata([]string{"PARQUET:field_id", "k"}, []string{fmt.Sprint(g.pick(100)), "v"})
	}
	return f
}

func (g *gen) schema() *arrow.Schema {
	fields := make([]arrow.Field, 1+g.pick(5))
	for i := range fields {
		fields[i] = g.field(fmt.Sprintf("c%d", i), 3, true)
	}
	if g.pick(3) == 0 {
		md := arrow.NewMetadata([]string{"a", "b"}, []string{"1", fmt.Sprint(g.pick(9))})
		return arrow.NewSchema(fields, &md)
	}
	return arrow.NewSchema(fields, nil)
}

// record returns n random rows of sc, often a slice of a longer record.
func (g *gen) record(sc *arrow.Schema, n int) arrow.Record {
	g.pNull = []float64{0, 0.1, 0.5, 1}[g.pick(4)]
	lead, tail := 0, 0
	if g.pick(2) == 0 {
		lead, tail = g.pick(5), g.pick(5)
	}
	b := array.NewRecordBuilder(g.mem, sc)
	defer b.Release()
	for i, f := range sc.Fields() {
		for j := 0; j < lead+n+tail; j++ {
			g.appendValue(b.Field(i), f.Type, f.Nullable)
		}
	}
	rec := b.NewRecord()
	if lead == 0 && tail == 0 {
		return rec
	}
	defer rec.Release()
	return rec.NewSlice(int64(lead), int64(lead+n))
}

// appendValue appends one random value, or a null when nullable.
func (g *gen) appendValue(b array.Builder, dt arrow.DataType, nullable bool) {
	if nullable && g.r.Float64() < g.pNull {
		g.appendNull(b, dt)
		return
	}
	switch b := b.(type) {
	case *array.ListBuilder:
		b.Append(true)
		for k := g.pick(4); k > 0; k-- {
			g.appendValue(b.ValueBuilder(), dt.(*arrow.ListType).Elem(), dt.(*arrow.ListType).ElemField().Nullable)
		}
	case *array.FixedSizeListBuilder:
		b.Append(true)
		t := dt.(*arrow.FixedSizeListType)
		for k := t.Len(); k > 0; k-- {
			g.appendValue(b.ValueBuilder(), t.Elem(), true)
		}
	case *array.MapBuilder:
		b.Append(true)
		t := dt.(*arrow.MapType)
		for k := g.pick(4); k > 0; k-- {
			g.appendValue(b.KeyBuilder(), t.KeyType(), false)
			g.appendValue(b.ItemBuilder(), t.ItemType(), true)
		}
	case *array.StructBuilder:
		b.Append(true)
		for i, f := range dt.(*arrow.StructType).Fields() {
			g.appendValue(b.FieldBuilder(i), f.Type, f.Nullable)
		}
	default:
		g.appendScalar(b)
	}
}

// appendNull appends a null; fixed-size list nulls sometimes cover
// values (a struct builder appends nulls to its children itself).
func (g *gen) appendNull(b array.Builder, dt arrow.DataType) {
	switch b := b.(type) {
	case *array.FixedSizeListBuilder:
		if g.pick(2) == 0 {
			b.AppendNull()
			return
		}
		b.Append(false)
		t := dt.(*arrow.FixedSizeListType)
		for k := t.Len(); k > 0; k-- {
			g.appendValue(b.ValueBuilder(), t.Elem(), true)
		}
	default:
		b.AppendNull()
	}
}

func (g *gen) str() string {
	const letters = "abcdefgh"
	n := g.pick(6)
	if g.pick(3) == 0 { // few distinct values, so dictionaries repeat
		n = g.pick(2)
	}
	out := make([]byte, n)
	for i := range out {
		out[i] = letters[g.pick(len(letters))]
	}
	return string(out)
}

func (g *gen) int64() int64 {
	switch g.pick(4) {
	case 0:
		return int64(g.pick(5))
	case 1:
		return -int64(g.pick(1000))
	}
	return g.r.Int63() - g.r.Int63()
}

func (g *gen) float64() float64 {
	switch {
	case !g.clean && g.pick(20) == 0:
		return math.NaN()
	case g.pick(10) == 0:
		return math.Copysign(0, -1)
	}
	return float64(g.int64()%10000) / 8
}

func (g *gen) appendScalar(b array.Builder) {
	switch b := b.(type) {
	case *array.NullBuilder:
		b.AppendNull()
	case *array.BooleanBuilder:
		b.Append(g.pick(2) == 0)
	case *array.Int8Builder:
		b.Append(int8(g.int64()))
	case *array.Int16Builder:
		b.Append(int16(g.int64()))
	case *array.Int32Builder:
		b.Append(int32(g.int64()))
	case *array.Int64Builder:
		b.Append(g.int64())
	case *array.Uint8Builder:
		b.Append(uint8(g.int64()))
	case *array.Uint16Builder:
		b.Append(uint16(g.int64()))
	case *array.Uint32Builder:
		b.Append(uint32(g.int64()))
	case *array.Uint64Builder:
		b.Append(uint64(g.int64()))
	case *array.Float16Builder:
		b.Append(float16.New(float32(g.float64())))
	case *array.Float32Builder:
		b.Append(float32(g.float64()))
	case *array.Float64Builder:
		b.Append(g.float64())
	case *array.StringBuilder:
		b.Append(g.str())
	case *array.LargeStringBuilder:
		b.Append(g.str())
	case *array.BinaryBuilder:
		if g.clean { // JSON shows an empty binary with no data buffer as null
			b.Append([]byte("x" + g.str()))
			break
		}
		b.Append([]byte(g.str()))
	case *array.FixedSizeBinaryBuilder:
		v := make([]byte, b.Type().(*arrow.FixedSizeBinaryType).ByteWidth)
		g.r.Read(v)
		b.Append(v)
	case *array.Decimal128Builder:
		b.Append(decimal128.FromI64(g.int64() % pow10(b.Type().(*arrow.Decimal128Type).Precision)))
	case *array.Decimal256Builder:
		b.Append(decimal256.FromI64(g.int64() % pow10(b.Type().(*arrow.Decimal256Type).Precision)))
	case *array.Date32Builder:
		b.Append(arrow.Date32(g.int64() % 100000))
	case *array.Date64Builder:
		b.Append(arrow.Date64(g.int64()))
	case *array.Time32Builder:
		b.Append(arrow.Time32(g.int64() % 86400))
	case *array.Time64Builder:
		b.Append(arrow.Time64(g.int64() % 86400000000))
	case *array.TimestampBuilder:
		b.Append(arrow.Timestamp(g.int64() % (1 << 50)))
	case *array.BinaryDictionaryBuilder:
		if err := b.AppendString("x" + g.str()); err != nil {
			panic(err)
		}
	case *array.Int32DictionaryBuilder:
		if err := b.Append(int32(g.pick(7))); err != nil {
			panic(err)
		}
	case *array.Int64DictionaryBuilder:
		if err := b.Append(int64(g.pick(7)) - 3); err != nil {
			panic(err)
		}
	case *array.Float64DictionaryBuilder:
		if err := b.Append(float64(g.pick(7)) / 2); err != nil {
			panic(err)
		}
	default:
		panic(fmt.Sprintf("no generator for %T", b))
	}
}

func pow10(p int32) int64 {
	if p > 18 {
		return math.MaxInt64
	}
	v := int64(1)
	for ; p > 0; p-- {
		v *= 10
	}
	return v
}
