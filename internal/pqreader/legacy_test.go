package pqreader

import (
	"errors"
	"math/rand"
	"testing"

	"github.com/apache/arrow/go/v15/parquet"
	"github.com/apache/arrow/go/v15/parquet/metadata"
	"github.com/apache/arrow/go/v15/parquet/schema"
)

// leafValue is a random value for the primitive node p.
func leafValue(r *rand.Rand, p *schema.PrimitiveNode) any {
	switch p.PhysicalType() {
	case parquet.Types.Boolean:
		return r.Intn(2) == 0
	case parquet.Types.Int32:
		return int32(r.Uint32())
	case parquet.Types.Int64:
		return int64(r.Uint64())
	case parquet.Types.Int96:
		var v parquet.Int96
		r.Read(v[:8])
		if r.Intn(5) != 0 {
			v[8], v[9] = byte(r.Intn(256)), 0x25 // a Julian day near 2.4M
			v[10] = 0
		}
		return v
	case parquet.Types.Float:
		return float32(r.NormFloat64())
	case parquet.Types.Double:
		return r.NormFloat64()
	case parquet.Types.FixedLenByteArray:
		return parquet.FixedLenByteArray(randomBytes(r, p.TypeLength()))
	}
	if dec, ok := p.LogicalType().(*schema.DecimalLogicalType); ok {
		max := 16
		if dec.Precision() > 38 {
			max = 32
		}
		return parquet.ByteArray(randomBytes(r, 1+r.Intn(max)))
	}
	return parquet.ByteArray(words[r.Intn(len(words))])
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

var (
	req = parquet.Repetitions.Required
	opt = parquet.Repetitions.Optional
	rpt = parquet.Repetitions.Repeated
)

func prim(name string, rep parquet.Repetition, t parquet.Type) schema.Node {
	return must(schema.NewPrimitiveNode(name, rep, t, -1, -1))
}

func logical(name string, rep parquet.Repetition, l schema.LogicalType, t parquet.Type, length int) schema.Node {
	return must(schema.NewPrimitiveNodeLogical(name, rep, l, t, length, -1))
}

func converted(name string, rep parquet.Repetition, t parquet.Type, c schema.ConvertedType, length, precision, scale int) schema.Node {
	return must(schema.NewPrimitiveNodeConverted(name, rep, t, c, length, precision, scale, -1))
}

func group(name string, rep parquet.Repetition, fields ...schema.Node) schema.Node {
	return must(schema.NewGroupNode(name, rep, fields, -1))
}

func groupConverted(name string, rep parquet.Repetition, c schema.ConvertedType, fields ...schema.Node) schema.Node {
	return must(schema.NewGroupNodeConverted(name, rep, fields, c, -1))
}

var utf8 = schema.ConvertedTypes.UTF8

// legacyLayouts are the nested layouts other writers use, pqarrow's
// writer does not.
var legacyLayouts = map[string]func() schema.FieldList{
	"two-level list": func() schema.FieldList {
		return schema.FieldList{
			groupConverted("a", opt, schema.ConvertedTypes.List, prim("element", rpt, parquet.Types.Int32)),
			groupConverted("a2", req, schema.ConvertedTypes.List, converted("str", rpt, parquet.Types.ByteArray, utf8, 0, 0, 0)),
		}
	},
	"bare repeated": func() schema.FieldList {
		return schema.FieldList{
			prim("b", rpt, parquet.Types.Int64),
			group("c", rpt, prim("x", req, parquet.Types.Int32), converted("y", opt, parquet.Types.ByteArray, utf8, 0, 0, 0)),
			group("s", opt, prim("n", rpt, parquet.Types.Double), group("g", rpt, prim("z", opt, parquet.Types.Boolean))),
		}
	},
	"array and _tuple": func() schema.FieldList {
		return schema.FieldList{
			groupConverted("d", opt, schema.ConvertedTypes.List, group("array", rpt, prim("x", req, parquet.Types.Int32))),
			groupConverted("e", opt, schema.ConvertedTypes.List, group("e_tuple", rpt, prim("x", opt, parquet.Types.Int32))),
			groupConverted("f", req, schema.ConvertedTypes.List, group("bag", rpt, prim("x", opt, parquet.Types.Float), prim("y", req, parquet.Types.Int64))),
		}
	},
	"three-level": func() schema.FieldList {
		inner := groupConverted("element", opt, schema.ConvertedTypes.List, group("list", rpt, prim("element", opt, parquet.Types.Int32)))
		return schema.FieldList{
			groupConverted("l", opt, schema.ConvertedTypes.List, group("list", rpt, inner)),
			groupConverted("m", opt, schema.ConvertedTypes.List, group("list", rpt,
				group("element", opt, prim("p", opt, parquet.Types.Int32), prim("q", rpt, parquet.Types.Int32)))),
			groupConverted("n", req, schema.ConvertedTypes.List, group("list", rpt, prim("item", req, parquet.Types.Double))),
		}
	},
	"maps": func() schema.FieldList {
		return schema.FieldList{
			groupConverted("g", opt, schema.ConvertedTypes.MapKeyValue, group("map", rpt,
				converted("key", req, parquet.Types.ByteArray, utf8, 0, 0, 0), prim("value", opt, parquet.Types.Int32))),
			groupConverted("g2", req, schema.ConvertedTypes.Map, group("key_value", rpt,
				prim("key", req, parquet.Types.Int32), group("value", opt, prim("v", opt, parquet.Types.Double)))),
			groupConverted("h", opt, schema.ConvertedTypes.Map, group("key_value", rpt, converted("key", req, parquet.Types.ByteArray, utf8, 0, 0, 0))),
			groupConverted("k", opt, schema.ConvertedTypes.Map, group("key_value", rpt,
				prim("key", req, parquet.Types.Int64), groupConverted("value", opt, schema.ConvertedTypes.List, prim("v", rpt, parquet.Types.Int32)))),
		}
	},
}

// legacyProps are random writer settings for hand-built files.
func legacyProps(r *rand.Rand) *parquet.WriterProperties {
	props := []parquet.WriterProperty{
		parquet.WithDataPageSize(int64(16 + r.Intn(1024))),
		parquet.WithDictionaryDefault(r.Intn(2) == 0),
		parquet.WithCompression(codecs[r.Intn(len(codecs))]),
	}
	if r.Intn(2) == 0 {
		props = append(props, parquet.WithDataPageVersion(parquet.DataPageV2))
	} else {
		props = append(props, parquet.WithBatchSize(int64(1+r.Intn(64))))
	}
	return parquet.NewWriterProperties(props...)
}

func randomRowGroups(r *rand.Rand) []int {
	rows := make([]int, 1+r.Intn(4))
	for i := range rows {
		rows[i] = r.Intn(40)
	}
	return rows
}

// checkHandBuilt writes files of the given fields and compares both
// readers on them.
func checkHandBuilt(t *testing.T, r *rand.Rand, name string, fields func() schema.FieldList, kv func() metadata.KeyValueMetadata, files int) {
	for n := 0; n < files; n++ {
		root := must(schema.NewGroupNode("schema", req, fields(), -1))
		var meta metadata.KeyValueMetadata
		if kv != nil {
			meta = kv()
		}
		data, err := writeShredded(r, root, randomRowGroups(r), legacyProps(r), meta, leafValue)
		if err != nil {
			t.Fatalf("%s: writing: %v", name, err)
		}
		err = compareFile(r, data)
		if errors.Is(err, errDiffers) {
			t.Fatalf("%s, file %d: %v", name, n, err)
		}
		if err != nil {
			t.Logf("%s, file %d: both fail: %v", name, n, err)
		}
	}
}

func TestLegacyLayouts(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for name, fields := range legacyLayouts {
		checkHandBuilt(t, r, name, fields, nil, 12)
	}
}

// words are strings with edge cases: empty, non-ASCII, spaces.
var words = []string{"", "a", "bb", "ccc", "dddd", "héllo", "zz", "x y z"}

func randomBytes(r *rand.Rand, n int) []byte {
	out := make([]byte, n)
	r.Read(out)
	return out
}
