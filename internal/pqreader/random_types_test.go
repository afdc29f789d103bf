package pqreader

import (
	"fmt"
	"math/rand"

	"github.com/apache/arrow/go/v15/arrow"
)

// leafTypes are the leaf Arrow types the random files use.
var leafTypes = []func(r *rand.Rand) arrow.DataType{
	func(*rand.Rand) arrow.DataType { return arrow.FixedWidthTypes.Boolean },
	func(*rand.Rand) arrow.DataType { return arrow.PrimitiveTypes.Int8 },
	func(*rand.Rand) arrow.DataType { return arrow.PrimitiveTypes.Int16 },
	func(*rand.Rand) arrow.DataType { return arrow.PrimitiveTypes.Int32 },
	func(*rand.Rand) arrow.DataType { return arrow.PrimitiveTypes.Int64 },
	func(*rand.Rand) arrow.DataType { return arrow.PrimitiveTypes.Uint8 },
	func(*rand.Rand) arrow.DataType { return arrow.PrimitiveTypes.Uint16 },
	func(*rand.Rand) arrow.DataType { return arrow.PrimitiveTypes.Uint32 },
	func(*rand.Rand) arrow.DataType { return arrow.PrimitiveTypes.Uint64 },
	func(*rand.Rand) arrow.DataType { return arrow.FixedWidthTypes.Float16 },
	func(*rand.Rand) arrow.DataType { return arrow.PrimitiveTypes.Float32 },
	func(*rand.Rand) arrow.DataType { return arrow.PrimitiveTypes.Float64 },
	func(*rand.Rand) arrow.DataType { return arrow.BinaryTypes.String },
	func(*rand.Rand) arrow.DataType { return arrow.BinaryTypes.LargeString },
	func(*rand.Rand) arrow.DataType { return arrow.BinaryTypes.Binary },
	func(*rand.Rand) arrow.DataType { return arrow.BinaryTypes.LargeBinary },
	func(r *rand.Rand) arrow.DataType { return &arrow.FixedSizeBinaryType{ByteWidth: 1 + r.Intn(20)} },
	func(r *rand.Rand) arrow.DataType {
		p := 1 + r.Int31n(38)
		return &arrow.Decimal128Type{Precision: p, Scale: r.Int31n(p + 1)}
	},
	func(r *rand.Rand) arrow.DataType {
		p := 1 + r.Int31n(76)
		return &arrow.Decimal256Type{Precision: p, Scale: r.Int31n(p + 1)}
	},
	func(*rand.Rand) arrow.DataType { return arrow.FixedWidthTypes.Date32 },
	func(*rand.Rand) arrow.DataType { return arrow.FixedWidthTypes.Date64 },
	func(*rand.Rand) arrow.DataType { return arrow.FixedWidthTypes.Time32ms },
	func(*rand.Rand) arrow.DataType { return arrow.FixedWidthTypes.Time32s },
	func(*rand.Rand) arrow.DataType { return arrow.FixedWidthTypes.Time64us },
	func(*rand.Rand) arrow.DataType { return arrow.FixedWidthTypes.Time64ns },
	func(r *rand.Rand) arrow.DataType {
		units := []arrow.TimeUnit{arrow.Second, arrow.Millisecond, arrow.Microsecond, arrow.Nanosecond}
		zones := []string{"", "UTC", "America/New_York"}
		return &arrow.TimestampType{Unit: units[r.Intn(4)], TimeZone: zones[r.Intn(3)]}
	},
	func(r *rand.Rand) arrow.DataType {
		index := []arrow.DataType{arrow.PrimitiveTypes.Int8, arrow.PrimitiveTypes.Int16, arrow.PrimitiveTypes.Int32, arrow.PrimitiveTypes.Int64}
		value := []arrow.DataType{arrow.BinaryTypes.String, arrow.BinaryTypes.Binary}
		return &arrow.DictionaryType{IndexType: index[r.Intn(4)], ValueType: value[r.Intn(2)], Ordered: r.Intn(2) == 0}
	},
	func(*rand.Rand) arrow.DataType { return arrow.Null },
}

// randomField is a random field, nested up to depth levels.
func randomField(r *rand.Rand, name string, depth int) arrow.Field {
	f := arrow.Field{Name: name, Type: randomType(r, depth), Nullable: r.Intn(3) != 0}
	if f.Type.ID() == arrow.NULL {
		f.Nullable = true
	}
	if r.Intn(4) == 0 {
		f.Metadata = arrow.NewMetadata([]string{"k" + name, "PARQUET:field_id"}, []string{"v", fmt.Sprint(r.Intn(100))})
	}
	return f
}

func randomType(r *rand.Rand, depth int) arrow.DataType {
	if depth <= 0 || r.Intn(3) == 0 {
		return leafTypes[r.Intn(len(leafTypes))](r)
	}
	switch r.Intn(5) {
	case 0:
		fields := make([]arrow.Field, 1+r.Intn(3))
		for i := range fields {
			fields[i] = randomField(r, fmt.Sprintf("s%d", i), depth-1)
		}
		return arrow.StructOf(fields...)
	case 1:
		return arrow.ListOfField(randomField(r, "element", depth-1))
	case 2:
		return arrow.ListOfField(randomField(r, "item", depth-1)) // v15 writes no large_list
	case 3:
		// the builder keeps only this element field: "item", nullable
		return arrow.FixedSizeListOf(int32(1+r.Intn(3)), randomType(r, depth-1))
	}
	keys := []arrow.DataType{arrow.BinaryTypes.String, arrow.PrimitiveTypes.Int32}
	m := arrow.MapOf(keys[r.Intn(2)], randomType(r, depth-1))
	m.KeysSorted = false
	return m
}
