package pqreader

import (
	"fmt"
	"math/big"
	"math/rand"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/decimal128"
	"github.com/apache/arrow/go/v15/arrow/decimal256"
	"github.com/apache/arrow/go/v15/arrow/float16"
)

// appendRandom appends one random value (or a null, when nullable) of
// type t to b.
func appendRandom(r *rand.Rand, b array.Builder, t arrow.DataType, nullable bool) {
	if nullable && r.Intn(5) == 0 {
		b.AppendNull()
		return
	}
	if appendNested(r, b, t) {
		return
	}
	appendLeaf(r, b, t)
}

func appendNested(r *rand.Rand, b array.Builder, t arrow.DataType) bool {
	switch b := b.(type) {
	case *array.StructBuilder:
		b.Append(true)
		st := t.(*arrow.StructType)
		for i, f := range st.Fields() {
			appendRandom(r, b.FieldBuilder(i), f.Type, f.Nullable)
		}
	case *array.MapBuilder:
		b.Append(true)
		mt := t.(*arrow.MapType)
		for n := r.Intn(4); n > 0; n-- {
			appendRandom(r, b.KeyBuilder(), mt.KeyType(), false)
			appendRandom(r, b.ItemBuilder(), mt.ItemType(), true)
		}
	case *array.ListBuilder:
		b.Append(true)
		e := t.(*arrow.ListType).ElemField()
		for n := r.Intn(4); n > 0; n-- {
			appendRandom(r, b.ValueBuilder(), e.Type, e.Nullable)
		}
	case *array.LargeListBuilder:
		b.Append(true)
		e := t.(*arrow.LargeListType).ElemField()
		for n := r.Intn(4); n > 0; n-- {
			appendRandom(r, b.ValueBuilder(), e.Type, e.Nullable)
		}
	case *array.FixedSizeListBuilder:
		b.Append(true)
		ft := t.(*arrow.FixedSizeListType)
		for n := ft.Len(); n > 0; n-- {
			appendRandom(r, b.ValueBuilder(), ft.Elem(), ft.ElemField().Nullable)
		}
	default:
		return false
	}
	return true
}

var words = []string{"", "a", "bb", "ccc", "dddd", "héllo", "zz", "x y z"}

func appendLeaf(r *rand.Rand, b array.Builder, t arrow.DataType) {
	switch b := b.(type) {
	case *array.BooleanBuilder:
		b.Append(r.Intn(2) == 0)
	case *array.Int8Builder:
		b.Append(int8(r.Uint64()))
	case *array.Int16Builder:
		b.Append(int16(r.Uint64()))
	case *array.Int32Builder:
		b.Append(int32(r.Uint64()))
	case *array.Int64Builder:
		b.Append(int64(r.Uint64()))
	case *array.Uint8Builder:
		b.Append(uint8(r.Uint64()))
	case *array.Uint16Builder:
		b.Append(uint16(r.Uint64()))
	case *array.Uint32Builder:
		b.Append(uint32(r.Uint64()))
	case *array.Uint64Builder:
		b.Append(r.Uint64())
	case *array.Float16Builder:
		b.Append(float16.New(float32(r.NormFloat64())))
	case *array.Float32Builder:
		b.Append(float32(r.NormFloat64()))
	case *array.Float64Builder:
		b.Append(r.NormFloat64() * 1e6)
	case *array.StringBuilder:
		b.Append(words[r.Intn(len(words))])
	case *array.LargeStringBuilder:
		b.Append(words[r.Intn(len(words))])
	case *array.BinaryBuilder:
		b.Append(randomBytes(r, r.Intn(12)))
	case *array.FixedSizeBinaryBuilder:
		b.Append(randomBytes(r, t.(*arrow.FixedSizeBinaryType).ByteWidth))
	case *array.BinaryDictionaryBuilder:
		if err := b.AppendString(words[r.Intn(len(words))]); err != nil {
			panic(err)
		}
	default:
		appendTemporal(r, b, t)
	}
}

func appendTemporal(r *rand.Rand, b array.Builder, t arrow.DataType) {
	switch b := b.(type) {
	case *array.Decimal128Builder:
		b.Append(decimal128.FromBigInt(randomDigits(r, t.(*arrow.Decimal128Type).Precision)))
	case *array.Decimal256Builder:
		b.Append(decimal256.FromBigInt(randomDigits(r, t.(*arrow.Decimal256Type).Precision)))
	case *array.Date32Builder:
		b.Append(arrow.Date32(r.Int31n(40000) - 10000))
	case *array.Date64Builder:
		b.Append(arrow.Date64(int64(r.Int31n(40000)-10000) * 86400000))
	case *array.Time32Builder:
		b.Append(arrow.Time32(r.Int31n(86400)))
	case *array.Time64Builder:
		b.Append(arrow.Time64(r.Int63n(86400e9)))
	case *array.TimestampBuilder:
		b.Append(arrow.Timestamp(r.Int63n(4e9) - 1e9))
	case *array.NullBuilder:
		b.AppendNull()
	default:
		panic(fmt.Sprintf("no random values for %T", b))
	}
}

func randomBytes(r *rand.Rand, n int) []byte {
	out := make([]byte, n)
	r.Read(out)
	return out
}

// randomDigits is a random integer of up to p decimal digits, either sign.
func randomDigits(r *rand.Rand, p int32) *big.Int {
	limit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(1+r.Int31n(p))), nil)
	v := new(big.Int).Rand(r, limit)
	if r.Intn(2) == 0 {
		v.Neg(v)
	}
	return v
}
