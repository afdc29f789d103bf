package pqreader

import (
	"bytes"
	"encoding/base64"
	"math/rand"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/ipc"
	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/metadata"
	"github.com/apache/arrow/go/v15/parquet/schema"
)

// logicalLeaves are leaves of every physical type and the logical or
// converted types pqarrow maps, as other writers write them.
func logicalLeaves() schema.FieldList {
	ct := schema.ConvertedTypes
	i32, i64, ba, flba := parquet.Types.Int32, parquet.Types.Int64, parquet.Types.ByteArray, parquet.Types.FixedLenByteArray
	return schema.FieldList{
		prim("bool", opt, parquet.Types.Boolean),
		logical("i8", opt, schema.NewIntLogicalType(8, true), i32, -1),
		logical("u16", req, schema.NewIntLogicalType(16, false), i32, -1),
		converted("u32", opt, i32, ct.Uint32, 0, 0, 0),
		converted("u64", opt, i64, ct.Uint64, 0, 0, 0),
		converted("date", opt, i32, ct.Date, 0, 0, 0),
		converted("tms", opt, i32, ct.TimeMillis, 0, 0, 0),
		logical("tus", opt, schema.NewTimeLogicalType(true, schema.TimeUnitMicros), i64, -1),
		logical("tns", opt, schema.NewTimeLogicalType(false, schema.TimeUnitNanos), i64, -1),
		converted("tsms", opt, i64, ct.TimestampMillis, 0, 0, 0),
		converted("tsus", opt, i64, ct.TimestampMicros, 0, 0, 0),
		logical("tslocal", opt, schema.NewTimestampLogicalType(false, schema.TimeUnitMicros), i64, -1),
		logical("tsns", opt, schema.NewTimestampLogicalType(true, schema.TimeUnitNanos), i64, -1),
		prim("int96", opt, parquet.Types.Int96),
		prim("float", opt, parquet.Types.Float),
		prim("double", req, parquet.Types.Double),
		converted("dec32", opt, i32, ct.Decimal, 0, 9, 2),
		converted("dec64", opt, i64, ct.Decimal, 0, 18, 3),
		logical("decba", opt, schema.NewDecimalLogicalType(20, 4), ba, -1),
		logical("decba256", opt, schema.NewDecimalLogicalType(50, 5), ba, -1),
		logical("decfl", opt, schema.NewDecimalLogicalType(10, 1), flba, 5),
		logical("decfl256", opt, schema.NewDecimalLogicalType(50, 0), flba, 21),
		logical("f16", opt, schema.Float16LogicalType{}, flba, 2),
		logical("uuid", opt, schema.UUIDLogicalType{}, flba, 16),
		converted("interval", opt, flba, ct.Interval, 12, 0, 0),
		must(schema.NewPrimitiveNode("fixed", req, flba, -1, 3)),
		converted("str", opt, ba, utf8, 0, 0, 0),
		converted("enum", opt, ba, ct.Enum, 0, 0, 0),
		converted("json", opt, ba, ct.JSON, 0, 0, 0),
		converted("bson", opt, ba, ct.BSON, 0, 0, 0),
		prim("bin", opt, ba),
		logical("null", opt, schema.NullLogicalType{}, i32, -1),
	}
}

func TestLogicalTypes(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	checkHandBuilt(t, r, "logical types", func() schema.FieldList {
		fields := logicalLeaves()
		fields[len(fields)-2] = group("nested", opt, fields[len(fields)-2], prim("x", rpt, parquet.Types.Int32))
		return fields
	}, nil, 12)
}

// storedSchema encodes sc as pqarrow.WithStoreSchema does (an IPC stream
// holding the schema, base64), padded or not.
func storedSchema(sc *arrow.Schema, padded bool) metadata.KeyValueMetadata {
	var buf bytes.Buffer
	w := ipc.NewWriter(&buf, ipc.WithSchema(sc))
	if err := w.Close(); err != nil {
		panic(err)
	}
	enc := base64.RawStdEncoding
	if padded {
		enc = base64.StdEncoding
	}
	kv := metadata.NewKeyValueMetadata()
	if err := kv.Append("ARROW:schema", enc.EncodeToString(buf.Bytes())); err != nil {
		panic(err)
	}
	return kv
}

// TestStoredSchema checks the restoring of types from ARROW:schema on
// Parquet columns other writers made: large types, time zones,
// dictionaries, decimal256 over decimal128 columns (bytes and integers),
// fixed size lists, types v15 leaves alone (large_list, duration), field
// and schema metadata, a schema that does not match, padded and unpadded
// base64.
func TestStoredSchema(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	fields := func() schema.FieldList {
		ct := schema.ConvertedTypes
		return schema.FieldList{
			prim("dur", opt, parquet.Types.Int64),
			groupConverted("ll", opt, ct.List, group("list", rpt, prim("element", opt, parquet.Types.Int32))),
			prim("lb", opt, parquet.Types.ByteArray),
			converted("ls", req, parquet.Types.ByteArray, utf8, 0, 0, 0),
			logical("tz", opt, schema.NewTimestampLogicalType(true, schema.TimeUnitMicros), parquet.Types.Int64, -1),
			converted("dict", opt, parquet.Types.ByteArray, utf8, 0, 0, 0),
			logical("d256", opt, schema.NewDecimalLogicalType(20, 2), parquet.Types.FixedLenByteArray, 9),
			converted("d256i", opt, parquet.Types.Int64, ct.Decimal, 0, 18, 2),
			groupConverted("fsl", opt, ct.List, group("list", rpt, prim("element", req, parquet.Types.Int32))),
			group("st", opt, prim("a", opt, parquet.Types.Int32), groupConverted("m", opt, ct.Map,
				group("key_value", rpt, converted("key", req, parquet.Types.ByteArray, utf8, 0, 0, 0), prim("value", opt, parquet.Types.Int32)))),
		}
	}
	meta := func(k, v string) arrow.Metadata { return arrow.NewMetadata([]string{k}, []string{v}) }
	dict := &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int16, ValueType: arrow.BinaryTypes.String, Ordered: true}
	mapType := arrow.MapOf(arrow.BinaryTypes.LargeString, arrow.PrimitiveTypes.Int32)
	stored := arrow.NewSchema([]arrow.Field{
		{Name: "dur", Type: arrow.FixedWidthTypes.Duration_us, Nullable: true},
		{Name: "ll", Type: arrow.LargeListOf(arrow.PrimitiveTypes.Int32), Nullable: true},
		{Name: "lb", Type: arrow.BinaryTypes.LargeBinary, Nullable: true, Metadata: meta("k", "v")},
		{Name: "ls", Type: arrow.BinaryTypes.LargeString},
		{Name: "tz", Type: &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "Asia/Tokyo"}, Nullable: true},
		{Name: "dict", Type: dict, Nullable: true},
		{Name: "d256", Type: &arrow.Decimal256Type{Precision: 20, Scale: 2}, Nullable: true},
		{Name: "d256i", Type: &arrow.Decimal256Type{Precision: 18, Scale: 2}, Nullable: true},
		{Name: "fsl", Type: arrow.FixedSizeListOf(2, arrow.PrimitiveTypes.Int32), Nullable: true},
		{Name: "st", Type: arrow.StructOf(
			arrow.Field{Name: "a", Type: arrow.PrimitiveTypes.Int32, Nullable: true, Metadata: meta("PARQUET:field_id", "7")},
			arrow.Field{Name: "m", Type: mapType, Nullable: true}), Nullable: true, Metadata: meta("x", "y")},
	}, &arrow.Metadata{})
	withMeta := arrow.NewSchema(stored.Fields(), &arrow.Metadata{})
	m := meta("schema", "level")
	withMeta = arrow.NewSchema(stored.Fields(), &m)
	short := arrow.NewSchema(stored.Fields()[:3], nil)
	for i, sc := range []*arrow.Schema{stored, withMeta, short} {
		for _, padded := range []bool{true, false} {
			sc, padded := sc, padded
			checkHandBuilt(t, r, "stored schema "+string(rune('a'+i)), fields, func() metadata.KeyValueMetadata { return storedSchema(sc, padded) }, 4)
		}
	}
}
