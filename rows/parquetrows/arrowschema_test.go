package parquetrows

import (
	"encoding/base64"
	"encoding/binary"
	"runtime"
	"testing"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/flight"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// TestCheckArrowSchema: valid stored schemas pass; and for every 4-byte
// word of one overwritten with a large length, either the check refuses
// it or Arrow's decoder allocates little.
func TestCheckArrowSchema(t *testing.T) {
	md := arrow.NewMetadata([]string{"k"}, []string{"v"})
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "s", Type: arrow.StructOf(arrow.Field{Name: "a", Type: arrow.PrimitiveTypes.Int32}, arrow.Field{Name: "b", Type: arrow.ListOf(arrow.BinaryTypes.String)})},
		{Name: "t", Type: &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "Europe/Paris"}, Metadata: md},
		{Name: "d", Type: &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int8, ValueType: arrow.BinaryTypes.String}},
		{Name: "u", Type: arrow.SparseUnionOf([]arrow.Field{{Name: "x", Type: arrow.PrimitiveTypes.Int64}}, []arrow.UnionTypeCode{3})},
	}, &md)
	raw := flight.SerializeSchema(sc, memory.DefaultAllocator)
	for _, enc := range []string{base64.StdEncoding.EncodeToString(raw), base64.RawStdEncoding.EncodeToString(raw)} {
		if err := checkArrowSchema(enc); err != nil {
			t.Fatalf("valid schema refused: %v", err)
		}
	}
	var ms runtime.MemStats
	for k := 0; k+4 <= len(raw); k++ {
		for _, v := range []uint32{0x7fffffff, 0x10000000, 0x01000000} {
			bad := append([]byte(nil), raw...)
			binary.LittleEndian.PutUint32(bad[k:], v)
			if checkArrowSchema(base64.StdEncoding.EncodeToString(bad)) != nil {
				continue
			}
			runtime.ReadMemStats(&ms)
			before := ms.TotalAlloc
			func() {
				defer func() { recover() }()
				flight.DeserializeSchema(bad, memory.DefaultAllocator)
			}()
			runtime.ReadMemStats(&ms)
			if d := ms.TotalAlloc - before; d > 64<<20 {
				t.Errorf("word %d = %#x passes the check and Arrow allocates %d bytes", k, v, d)
			}
		}
	}
}
